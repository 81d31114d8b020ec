"""Export figures: the report (.docx) and the ledger (.xlsx) against the bare library doing the same writes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from openpyxl import Workbook

from bench.timing import timed_pair
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.ledger import LedgerMeta, LedgerRow, ledger_row
from desktop.domain.reporting.report import Report, ReportMeasure, ReportOptions, build_report
from desktop.domain.terms import Role, Scope, Status
from desktop.exporters.ledger_xlsx import write_ledger
from desktop.exporters.report_docx import write_report
from desktop.exporters.words import words
from desktop.services import imports
from desktop.services import notes as note_service
from desktop.services import reports as report_service
from desktop.services import units as unit_service
from desktop.services import worklist as wl
from desktop.services.locations import sample_plan_path
from desktop.services.workspace import Workspace

Row = Callable[[str, float, float, str], None]
Q1 = parse_period("2026Q1")
TODAY = date(2026, 4, 3)
PROGRESS = "召开专题推进会议2次，梳理问题清单12条，已完成整改9条，向民间资本推介项目56个、总投资312亿元。"
NOTE = NoteFields(
    progress=PROGRESS,
    problems="部分项目前期工作深度不足。",
    next_steps="4月底前再推介一批项目。",
    status=Status.IN_PROGRESS,
)


def _report_paragraphs(report: Report) -> list[str]:
    texts = [report.title, report.addressee, report.opening]
    for section in report.sections:
        texts.append(section.heading)
        for entry in section.entries:
            texts += [
                entry.heading + entry.progress[0],
                *entry.progress[1:],
                *entry.problems,
                *entry.next_steps,
            ]
    return [*texts, report.closing, report.organ, "2026年4月3日"]


def _bare_docx(texts: list[str], path: Path) -> None:
    """The floor: python-docx adding the same paragraphs with no formatting, then saving."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(str(path))


def _bare_xlsx(rows: list[LedgerRow], path: Path) -> None:
    """The floor: openpyxl appending the same cells with no formatting, then saving."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row.cells()))
    book.save(str(path))


def _measures(count: int) -> list[ReportMeasure]:
    return [
        ReportMeasure(
            "某方案", f"第{n // 50 + 1}部分", str(n), f"推进第{n}项重点任务，完善机制。", Role.LEAD, NOTE
        )
        for n in range(1, count + 1)
    ]


def _rows(count: int) -> list[LedgerRow]:
    return [
        ledger_row(
            measure_id=n,
            uid=f"u{n}",
            label=str(n),
            text=f"推进第{n}项重点任务，完善工作机制，狠抓落实。" * 2,
            leads=("自治区发展改革委",),
            supports=("自治区财政厅",),
            deadline="2026年12月底前",
            note=NOTE,
            overdue=n % 10 == 0,
            attachments=(),
        )
        for n in range(1, count + 1)
    ]


def _first_report() -> tuple[float, float]:
    """Return the first report of fresh processes (rjieba loading) and its floor: the best of 3."""
    runs = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("first_report.py"))],
            check=True,
            capture_output=True,
            text=True,
        )
        ours, bare = (float(x) for x in done.stdout.split())
        runs.append((ours, bare))
    return min(r[0] for r in runs), min(r[1] for r in runs)


def exports(folder: Path, row: Row) -> None:
    """Print the report and ledger export figures."""
    assert Q1 is not None
    with Workspace(folder / "exports.db") as ws:
        imports.import_file(ws, path=sample_plan_path())
        unit_service.set_profile(ws, unit="自治区发展改革委", categories=["行业主管部门"])
        for item in wl.load_worklist(ws, Q1, today=TODAY):
            if item.role is not None:
                note_service.save_note(
                    ws, note_service.key_for(ws, item.measure_id, Q1), NOTE, source="bench"
                )
        out = folder / "sample.docx"
        texts = _report_paragraphs(
            report_service.build(ws, period=Q1, scope=Scope.MINE, options=ReportOptions(), today=TODAY)
        )
        whole, floor = timed_pair(
            lambda: (
                words.cache_clear(),  # the title is segmented on every run, not read from the cache
                report_service.export_report(
                    ws, period=Q1, scope=Scope.MINE, options=ReportOptions(), out=out, today=TODAY
                ),
            ),
            lambda: _bare_docx(texts, folder / "bare-sample.docx"),
            9,
        )
    row("report, sample (17 of 34 measures, with database)", whole, floor, "< 500 ms, ratio < 2")
    first, floor = _first_report()
    row("report, first of a process (segmenter loads)", first, floor, "none: paid once, see notes")
    big = build_report(
        _measures(1000), period=Q1, options=ReportOptions(), organ="单位", plan_refs="《某方案》", today=TODAY
    )
    report_time, floor = timed_pair(
        lambda: (words.cache_clear(), write_report(big, folder / "big.docx")),
        lambda: _bare_docx(_report_paragraphs(big), folder / "bare-big.docx"),
        3,
    )
    row("report, 1,000 measures", report_time, floor, "ratio < 2")
    framed = ReportOptions(
        letterhead=True, colophon=True, doc_number="某报〔2026〕1号", copy_to="自治区人民政府办公厅"
    )  # the 版记's place is estimated from the whole body's lines (page_fill)
    big = build_report(
        _measures(1000), period=Q1, options=framed, organ="单位", plan_refs="《某方案》", today=TODAY
    )
    report_time, floor = timed_pair(
        lambda: (words.cache_clear(), write_report(big, folder / "big-framed.docx")),
        lambda: _bare_docx(_report_paragraphs(big), folder / "bare-big-framed.docx"),
        3,
    )
    row("report, 1,000 measures with 版头 and 版记", report_time, floor, "ratio < 2")
    rows = _rows(10_000)
    meta = LedgerMeta("台账", "单位", "2026Q1", "2026年第一季度", "某方案", "0.1.0", "2026年4月3日")
    ledger_time, floor = timed_pair(
        lambda: write_ledger(meta, rows, folder / "big.xlsx"),
        lambda: _bare_xlsx(rows, folder / "bare.xlsx"),
        3,
    )
    row("ledger, 10,000 rows", ledger_time, floor, "ratio < 2")
