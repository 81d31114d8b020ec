"""The ledger .xlsx read back with openpyxl and printed by LibreOffice."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.reporting.ledger import COLUMNS, LedgerMeta, LedgerRow, ledger_row
from desktop.domain.terms import Status
from desktop.exporters.ledger_xlsx import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    LINE_PT,
    MAX_CELL,
    META_SHEET,
    SHEET,
    line_count,
    write_ledger,
)
from tests.helpers import id_rows

META = LedgerMeta(
    title="《某方案》落实情况台账（2026年第一季度）",
    unit="自治区发展改革委",
    period_code="2026Q1",
    period_label="2026年第一季度",
    plans="某方案",
    app_version="0.1.0",
    exported_on="2026年4月3日",
)
HOSTILE = ("=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://x","点我")')


def _rows() -> list[LedgerRow]:
    rows = []
    for n in range(1, 7):
        note = NoteFields(
            progress=HOSTILE[n - 1]
            if n <= len(HOSTILE)
            else "推进顺利。\n第二段\x07进展" + "很长的进展" * 60,
            problems="",
            next_steps="继续推进。",
            status=Status.BEHIND if n == 2 else Status.IN_PROGRESS,
        )
        rows.append(
            ledger_row(
                measure_id=100 + n,
                uid=f"uid-{n}",
                label=str(n),
                text=f"第{n}项重点任务：完善机制，狠抓落实。",
                leads=("自治区发展改革委",),
                supports=() if n % 2 else ("自治区财政厅", "各盟市"),
                deadline="2026年6月底前" if n != 3 else "",
                note=note,
                overdue=n == 3,
                attachments=("照片.jpg", "纪要.pdf") if n == 1 else (),
            )
        )
    return rows


def test_layout_print_setup_and_validation(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(META, _rows(), path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    assert sheet["A1"].value == META.title and sheet["A1"].font.name == "方正小标宋简体"
    assert "A1:K1" in {str(r) for r in sheet.merged_cells.ranges}
    assert "自治区发展改革委" in sheet["A2"].value and "2026年4月3日" in sheet["A2"].value
    assert tuple(c.value for c in sheet[HEADER_ROW]) == COLUMNS
    assert sheet.cell(HEADER_ROW, 1).font.name == "黑体"
    assert sheet.freeze_panes == f"A{FIRST_DATA_ROW}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert sheet.column_dimensions["C"].width == 40 and sheet.column_dimensions["B"].width == 18
    data = sheet.cell(FIRST_DATA_ROW, 3)
    assert data.alignment.wrap_text and data.font.name == "仿宋_GB2312"
    rules = sheet.data_validations.dataValidation
    assert len(rules) == 1 and rules[0].type == "list"
    assert rules[0].formula1 == '"未启动,推进中,已完成,滞后,持续推进"'
    assert str(rules[0].sqref) == f"J{FIRST_DATA_ROW}:J{FIRST_DATA_ROW + 5}"


def test_rows_flags_remarks_and_heights(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    rows = _rows()
    write_ledger(META, rows, path)
    sheet = openpyxl.load_workbook(path)[SHEET]
    first = [c.value for c in sheet[FIRST_DATA_ROW]]
    assert first[0] == "1" and first[3] == "自治区发展改革委" and first[4] == "—" and first[9] == "推进中"
    assert first[1] == "第1项重点任务：完善机制，狠抓落实"  # 任务简称: the first sentence, short
    assert first[10] == "佐证材料：照片.jpg；纪要.pdf"
    behind, overdue = sheet[FIRST_DATA_ROW + 1], sheet[FIRST_DATA_ROW + 2]
    assert behind[9].value == "滞后" and behind[0].fill.fgColor.rgb.endswith("FCE4E4")
    assert overdue[10].value == "已逾期" and overdue[6].fill.fgColor.rgb.endswith("FCE4E4")
    assert sheet[FIRST_DATA_ROW + 3][0].fill.fill_type is None
    long_row = FIRST_DATA_ROW + 5
    text = sheet.cell(long_row, 7).value
    assert "\x07" not in text and "第二段进展" in text
    height = sheet.row_dimensions[long_row].height
    assert height >= line_count(text, 40) * LINE_PT > 5 * LINE_PT


def test_formula_text_stays_text_and_the_hidden_sheet(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    rows = _rows()
    write_ledger(META, rows, path)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    for offset, hostile in enumerate(HOSTILE):
        cell = sheet.cell(FIRST_DATA_ROW + offset, 7)
        assert cell.value == hostile and cell.data_type == "s"
    assert sheet.cell(FIRST_DATA_ROW, 7).quotePrefix
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden"
    pairs = {r[0]: r[1] for r in meta.iter_rows(min_row=1, max_row=12, values_only=True) if r}
    assert (
        pairs["format"] == "luoshi-ledger"
        and pairs["period"] == "2026Q1"
        and pairs["unit"] == "自治区发展改革委"
    )
    assert pairs["first_data_row"] == FIRST_DATA_ROW
    ids = id_rows(meta)
    assert ids == [(FIRST_DATA_ROW + i, r.measure_id, r.uid, r.label) for i, r in enumerate(rows)]


def test_overlong_cell_is_cut_to_excel_limit(tmp_path: Path) -> None:
    row = _rows()[0]
    big = LedgerRow(**{**row.__dict__, "progress": "长" * 40_000})
    path = tmp_path / "台账.xlsx"
    write_ledger(META, [big], path)
    value = openpyxl.load_workbook(path)[SHEET].cell(FIRST_DATA_ROW, 7).value
    assert len(value) == MAX_CELL and value.endswith("已截断）")


@pytest.mark.slow
def test_printed_by_libreoffice(tmp_path: Path, render: Callable[[Path], Path]) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(META, _rows(), path)
    with pdfplumber.open(str(render(path))) as pdf:
        first = pdf.pages[0]
        assert first.width > first.height  # landscape
        assert abs(first.width - 841.9) < 1 and abs(first.height - 595.3) < 1
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "=1+1" in text and "+SUM(A1:A2)" in text  # printed as typed, never evaluated
    assert "第 1 页" in text and "重点任务" in text and "很长的进展很长的进展" in text


def _long_ledger(count: int) -> list[LedgerRow]:
    """`count` measures with notes of 20–300 characters of realistic text."""
    import random

    from tests.exporters.realistic import _text

    rng = random.Random(1)
    return [
        ledger_row(
            measure_id=n,
            uid=f"u{n}",
            label=str(n),
            text=_text(rng, rng.randint(30, 150)),
            leads=("自治区发展改革委",),
            supports=("自治区财政厅",),
            deadline="2026年6月底前",
            note=NoteFields(
                progress=_text(rng, rng.randint(20, 300)),
                problems=_text(rng, rng.randint(0, 60)),
                next_steps=_text(rng, rng.randint(10, 80)),
                status=Status.IN_PROGRESS,
            ),
            overdue=False,
            attachments=(),
        )
        for n in range(1, count + 1)
    ]


def _row_fits(pdf: Path) -> list[float]:
    """Return, per printed row of three lines or more, its height over the height of its tallest cell's text."""
    ratios = []
    with pdfplumber.open(str(pdf)) as document:
        for page in document.pages:
            ys = sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h"})
            xs = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
            for top, bottom in pairwise(ys):
                inside = [c for c in page.chars if top < c["top"] < bottom]
                cells = [[c for c in inside if left <= c["x0"] < right] for left, right in pairwise(xs)]
                lines = max(
                    (sorted({round(c["top"], 1) for c in cell}) for cell in cells), key=len, default=[]
                )
                if len(lines) >= 3:
                    pitch = (lines[-1] - lines[0]) / (len(lines) - 1)
                    ratios.append((bottom - top) / (len(lines) * pitch))
    return ratios


@pytest.mark.slow
def test_a_long_ledger_prints_rows_sized_to_their_text(
    tmp_path: Path, render: Callable[[Path], Path]
) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(META, _long_ledger(200), path)
    ratios = sorted(_row_fits(render(path)))
    assert len(ratios) > 150
    # every row holds its text; the median row is at most a third taller than it (LibreOffice sets these
    # fonts' lines at 1.0 em where Excel takes 1.3, and the heights are Excel's, so a row never clips there)
    assert ratios[0] >= 1.0 and ratios[len(ratios) // 2] <= 1.3, (ratios[0], ratios[len(ratios) // 2])
