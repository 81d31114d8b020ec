"""Unit cells listing one unit a line or a paragraph each, a long name wrapped over lines, and rows under
one merged 序号 cell: the same measures from .docx, .doc (LibreOffice), .xlsx and .xls (LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.table import _Cell

from desktop.domain.models import Plan
from desktop.importers import read_plan
from tests.helpers import convert, write_xlsx

HEADER = ["序号", "重点任务", "责任单位", "完成时限"]
ROWS = [
    ["1", "实施城区防洪排涝提升工程。", "县水务局\n县住建局\n县护城河指挥部", "2026年12月底前"],
    ["2", "推进老旧小区改造。", "内蒙古自治区住房\n和城乡建设厅", "2026年10月底前"],
    ["3", "建设智慧停车系统。", "县公安局、县城管局", "2026年6月底前"],
    ["4", "完善公共服务设施。", "县发改局", "持续推进"],
]
EXPECTED = [
    ("1", [("县水务局", "lead"), ("县住建局", "support"), ("县护城河指挥部", "support")]),
    ("2", [("内蒙古自治区住房和城乡建设厅", "lead")]),
    ("3", [("县公安局", "lead"), ("县城管局", "support")]),
    ("4", [("县发改局", "lead")]),
]


def _units(plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(m.label, [(u.name, u.role.value) for u in m.units]) for m in plan.measures]


def _fill(cell: _Cell, value: str, *, paragraphs: bool) -> None:
    """Write a cell's lines as line breaks in one paragraph, or as one paragraph each."""
    lines = value.split("\n")
    if not paragraphs:
        cell.text = value  # python-docx writes \n as <w:br/>
        return
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _docx(path: Path, *, paragraphs: bool, merged: bool = False) -> Path:
    document = docx.Document()
    document.add_paragraph("关于城区建设重点任务的分工方案")
    rows = [HEADER, *ROWS]
    if merged:  # task 2 continued in a second row under one merged 序号 and 责任单位 cell
        rows = [HEADER, ROWS[0], ROWS[1], ["", "同步实施雨污分流。", "", ""], ROWS[2], ROWS[3]]
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                _fill(table.cell(r, c), value, paragraphs=paragraphs)
    if merged:
        for col in (0, 2, 3):
            table.cell(2, col).merge(table.cell(3, col))
    document.save(str(path))
    return path


@pytest.mark.parametrize("paragraphs", [False, True], ids=["line-breaks", "paragraphs"])
def test_docx_unit_cells(tmp_path: Path, paragraphs: bool) -> None:
    plan = read_plan(_docx(tmp_path / "plan.docx", paragraphs=paragraphs))
    assert _units(plan) == EXPECTED


@pytest.mark.slow
@pytest.mark.parametrize("paragraphs", [False, True], ids=["line-breaks", "paragraphs"])
def test_doc_unit_cells(tmp_path: Path, paragraphs: bool) -> None:
    doc = convert(_docx(tmp_path / "plan.docx", paragraphs=paragraphs), tmp_path, "doc")
    assert _units(read_plan(doc)) == EXPECTED


@pytest.mark.slow
def test_xlsx_and_xls_unit_cells(tmp_path: Path) -> None:
    xlsx = write_xlsx([["城区建设重点任务清单"], HEADER, *ROWS], tmp_path / "list.xlsx")
    assert _units(read_plan(xlsx)) == EXPECTED
    xls = convert(xlsx, tmp_path / "xls", "xls")
    assert _units(read_plan(xls)) == EXPECTED


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "doc"])
def test_rows_under_one_merged_number_are_one_measure(tmp_path: Path, fmt: str) -> None:
    path = _docx(tmp_path / "plan.docx", paragraphs=False, merged=True)
    if fmt == "doc":
        path = convert(path, tmp_path / "doc", "doc")
    plan = read_plan(path)
    assert _units(plan) == EXPECTED
    second = plan.measures[1]
    assert "推进老旧小区改造" in second.text and "同步实施雨污分流" in second.text
    assert second.deadlines and second.deadlines[0].text.startswith("2026年10月")
