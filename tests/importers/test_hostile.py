"""Hostile input beyond the refused formats: nesting, size, and strings smuggled through a return."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import FIRST_DATA_ROW, SHEET
from desktop.domain.reporting.report import ReportOptions
from desktop.importers import read_plan
from desktop.services import board as board_service
from desktop.services import imports
from desktop.services import notes as note_service
from desktop.services import returns as return_service
from desktop.services.workspace import Workspace
from tests.helpers import write_docx, write_xlsx
from tests.importers.test_bad_input import _rewrite_part
from tests.province import UNITS, plan_text, province, unit_measures, write_return


def test_deeply_nested_xml_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    source = write_docx(["一、总体要求", "1.推进改革。（自治区商务厅负责）"], tmp_path / "ok.docx")
    depth = 100_000
    body = b"<w:body>" + b"<w:p>" * depth + b"</w:p>" * depth + b"</w:body>"
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + body
        + b"</w:document>"
    )
    nested = _rewrite_part(source, tmp_path / "nested.docx", "word/document.xml", xml)
    with pytest.raises(LuoshiError) as caught:
        read_plan(nested)
    assert caught.value.code is ErrorCode.CORRUPT


def test_hundred_thousand_line_text_is_read_in_bounded_time(tmp_path: Path) -> None:
    lines = ["某自治区关于印发某方案的通知", "一、重点任务"]
    lines += [
        f"1{n}.推进第{n}项工作，完善机制。（自治区商务厅负责）" if n % 1000 == 0 else "　　说明文字。"
        for n in range(100_000)
    ]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    start = time.perf_counter()
    plan = read_plan(path)
    assert len(plan.measures) == 100  # every 1,000th line is a measure; the filler is read as text
    assert time.perf_counter() - start < 60


def test_megabyte_cell_in_a_task_list(tmp_path: Path) -> None:
    rows = [
        ["序号", "重点任务", "牵头单位"],
        ["1", "推进改革。" + "很长" * 500_000, "自治区商务厅"],
        ["2", "优化服务。", "自治区财政厅"],
    ]
    plan = read_plan(write_xlsx(rows, tmp_path / "big.xlsx"))
    first = plan.measures[0].text
    assert (
        len(plan.measures) == 2 and first.startswith("推进改革。") and len(first) <= 32767
    )  # Excel's cell limit


SMUGGLED = (
    "=cmd|' /C calc'!A0",  # DDE formula
    "+1+1",
    "@SUM(1)",
    "bell\x07 escape\x1b[31m nul\x00 vertical\x0b formfeed\x0c",
    "right-to-left \u202eexe.txt zero\u200bwidth",
    "很长没有标点" * 8000,  # one overlong line
)


def test_strings_smuggled_through_a_return_stay_text_in_report_and_ledger(tmp_path: Path) -> None:
    q1 = parse_period("2026Q1")
    assert q1 is not None
    (tmp_path / "v1.txt").write_text(plan_text(province().old), encoding="utf-8")
    with Workspace(tmp_path / "office.db") as ws:
        imports.import_file(ws, path=tmp_path / "v1.txt")
        unit = UNITS[0]
        path = tmp_path / "r.xlsx"
        write_return(ws, unit, q1, path)
        book = openpyxl.load_workbook(path)
        sheet = book[SHEET]
        for offset, text in enumerate(SMUGGLED[: len(unit_measures(ws, unit))]):
            # Excel writes control characters as _xHHHH_ escapes (XML cannot carry them raw); openpyxl
            # reads those back as the literal text, which must pass through as text
            escaped = "".join(f"_x{ord(ch):04X}_" if ord(ch) < 32 else ch for ch in text)
            sheet.cell(FIRST_DATA_ROW + offset, 6).value = escaped
            sheet.cell(FIRST_DATA_ROW + offset, 7).value = escaped[:30000]
        book.save(path)
        outcome = return_service.import_return(ws, path, period=q1)
        assert outcome.ok
        # raw control characters reach the database another way (a note typed or pasted): still clean out
        last = unit_measures(ws, unit)[-1]
        note_service.save_note(
            ws,
            note_service.NoteKey(last.measure_id, q1, unit),
            NoteFields(progress=SMUGGLED[3], problems=SMUGGLED[4]),
        )
        report, ledger = tmp_path / "汇总.docx", tmp_path / "汇总.xlsx"
        board_service.export_summary(
            ws,
            period=q1,
            report_out=report,
            ledger_out=ledger,
            options=ReportOptions(),
            today=date(2026, 4, 3),
        )
    body = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "=cmd|" in body and "bell" in body and "\x07" not in body and "\x1b" not in body
    sheet = openpyxl.load_workbook(ledger)[SHEET]
    values = [c for row in sheet.iter_rows(min_row=FIRST_DATA_ROW) for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in values)  # never a formula
    assert any(c.value.startswith("=cmd|") for c in values)
    assert not any("\x07" in c.value or "\x1b" in c.value for c in values)
