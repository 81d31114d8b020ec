"""The coordinating office's 汇总报告和台账 for 4 plans × 56 units (the walk measured about 45 s).

Each plan has 120 measures with a lead and three supporting units drawn from 56; every unit has reported
on every measure it holds (1,920 notes of about 300 characters). The floor is the two libraries alone writing the same
amount: python-docx adding the report's paragraphs, openpyxl (write-only) the ledger's rows.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.timing import timed
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.report import ReportOptions
from desktop.domain.terms import Status
from desktop.services import board as board_service
from desktop.services import imports
from desktop.services import notes as note_service
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from tests.province import DEPARTMENTS, WORDS

Row = Callable[[str, float, float, str], None]
UNITS = [f"自治区{d}" for d in DEPARTMENTS] + [f"呼和浩特市{d}" for d in DEPARTMENTS[:16]]  # 56 units
PLANS, MEASURES = 4, 120
Q1 = parse_period("2026Q1")


def _plans(folder: Path) -> list[Path]:
    paths = []
    for p in range(PLANS):
        lines = [f"某自治区第{p + 1}项专项行动方案", f"某政发〔2026〕{p + 11}号", "一、重点任务"]
        for n in range(MEASURES):
            words = "".join(WORDS[(n * 7 + k * 13 + p) % len(WORDS)] for k in range(18))
            lead, a, b, c = (UNITS[(n * 3 + p * 11 + k * 19) % len(UNITS)] for k in range(4))
            lines.append(f"{n + 1}.第{n + 1}项{words}。（{lead}牵头，{a}、{b}、{c}配合）")
        path = folder / f"plan{p}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _notes(ws: Workspace) -> int:
    """Every unit's note on every measure it holds, written as merged returns leave them."""
    assert Q1 is not None
    count = 0
    for s in plan_store.current_measures(ws.db):
        for u in s.measure.units:
            text = (
                f"{u.name}按照第{s.measure.label}项要求召开专题会议，制定工作方案，明确责任分工，推进落实。"
                * 6
            )
            fields = NoteFields(text, "部分事项推进较慢。", "下一步继续推进。", Status.IN_PROGRESS)
            note_service.save_note(
                ws, note_service.NoteKey(s.measure_id, Q1, u.name), fields, source="return"
            )
            count += 1
    return count


def _floor(folder: Path, paragraphs: int, rows: int) -> None:
    import docx  # python-docx: the floor is the library alone
    from openpyxl import Workbook

    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"第{n}段：按照要求召开专题会议，制定工作方案，推进落实。" * 3)
    document.save(str(folder / f"floor-{time.perf_counter_ns()}.docx"))
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for n in range(rows):
        sheet.append([n, "任务" * 20, "单位", "进展" * 30, "问题", "计划", "推进中", ""])
    book.save(str(folder / f"floor-{time.perf_counter_ns()}.xlsx"))


def summary(folder: Path, row: Row, *, profile: bool = False) -> None:
    """Print the 汇总 figure beside its floor; with `profile`, where its time goes."""
    assert Q1 is not None
    work = folder / "summary"
    work.mkdir()
    with Workspace(work / "office.db") as ws:
        for path in _plans(work):
            imports.import_file(ws, path=path)
        notes = _notes(ws)
        plans = [p.id for p in plan_store.list_plans(ws.db)]
        units = {u.name for s in plan_store.current_measures(ws.db) for u in s.measure.units}

        def run() -> None:
            board_service.export_summary(
                ws,
                period=Q1,
                report_out=work / "汇总报告.docx",
                ledger_out=work / "汇总台账.xlsx",
                options=ReportOptions(),
                today=date(2026, 4, 3),
                plans=plans,
            )

        if profile:
            profiler = cProfile.Profile()
            profiler.runcall(run)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(18)
            print(out.getvalue())
        took = timed(run, 3)
        floor = timed(lambda: _floor(work, notes + PLANS * MEASURES, notes), 3)
        row(f"汇总 {PLANS} plans × {len(units)} units ({notes} notes)", took, floor, "< 5 s")
