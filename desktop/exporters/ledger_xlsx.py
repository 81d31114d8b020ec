"""Write 工作台账 and 任务清单 (.xlsx): printable on A4 landscape, safe against formula text, readable back exactly."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.errors import Cancelled
from desktop.domain.reporting.ledger import (
    COLUMNS,
    FIRST_DATA_ROW,
    FORMAT,
    FORMAT_VERSION,
    HEADER_ROW,
    MERGED_COLUMNS,
    META_SHEET,
    SHEET,
    TASK_COLUMNS,
    LedgerMeta,
    LedgerRow,
)
from desktop.domain.terms import STATUS_WORDS
from desktop.exporters.atomic import check_suffix, write_atomically

WIDTHS = (6, 18, 40, 14, 14, 12, 40, 24, 30, 10, 18)  # Excel character units, one per column
CENTRED = {0, 5, 9}  # 序号, 完成时限, 完成状态
LINE_PT, PAD_PT, MAX_ROW_PT = 14.25, 3.0, 409.0  # Excel's line of 11 pt 仿宋 (19 px); its row limit is 409 pt
MAX_CELL = 32767  # characters an Excel cell can hold
ID_CHUNK = 30000  # characters of the ids' JSON per hidden cell
TRUNCATED = "…（超出单元格上限，已截断）"
BODY_FONT, HEAD_FONT, TITLE_FONT, LATIN_FONT = "仿宋_GB2312", "黑体", "方正小标宋简体", "Times New Roman"
FLAG_FILL = PatternFill("solid", fgColor="FCE4E4")
_THIN = Side(style="thin", color="000000")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# A sheet and its cells, typed Any: the fast path sets openpyxl's private style arrays and cell map.
Sheet = Any


def safe_text(value: str) -> str:
    """Keep a cell within Excel's length limit."""
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - len(TRUNCATED)] + TRUNCATED


def text_width(text: str) -> int:
    """Width in Excel character units: a Chinese (wide) character counts two.

    Counted from the UTF-8 length (ASCII 1 byte, 汉字 3 bytes), which runs at C speed on 10,000 rows.
    """
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def line_count(text: str, width: float) -> int:
    """Lines a wrapped cell of `width` units needs to show `text` whole."""
    usable = max(width - 1.5, 1.0)
    if "\n" not in text:  # the usual case, without building a list of parts
        return max(1, math.ceil(text_width(text) / usable))
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def _named_styles(book: Workbook) -> None:
    # Column widths are counted in the width of "0" in the workbook's first font. openpyxl's is Calibri,
    # which LibreOffice on Linux replaces by DejaVu Sans, 1.4 times wider: every column printed that much
    # wider and every row's text took fewer lines than Excel's. Times New Roman has a metric twin
    # LibreOffice ships (Liberation Serif), so both count the same column width.
    book._fonts[0] = Font(name=LATIN_FONT, size=11)  # type: ignore[attr-defined]  # openpyxl: default font first
    for name, font, horizontal in (
        ("ls_text", Font(name=BODY_FONT, size=11), "left"),
        ("ls_centre", Font(name=BODY_FONT, size=11), "center"),
        ("ls_head", Font(name=HEAD_FONT, size=12, bold=True), "center"),
    ):
        style = NamedStyle(
            name=name,
            font=font,
            border=GRID,
            alignment=Alignment(horizontal=horizontal, vertical="center", wrap_text=True),
        )
        if name == "ls_head":
            style.fill = PatternFill("solid", fgColor="E7E6E6")
        book.add_named_style(style)


class _Cells:
    """Places a sheet's string cells; a style is resolved once per kind and then copied.

    Cells are built with their style array and set in the sheet's cell map directly: openpyxl's
    `sheet.cell()` lookup and its style setters cost more than the writing itself on 100,000 cells.
    The ledger has a speed target (bench/run: ratio < 2 against bare openpyxl); written through the
    public setters it measured 1.94 against 1.49 this way (2026-12-03), so the trick stays, here only.
    """

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._styles: dict[tuple[str, bool, bool], Any] = {}

    def put(self, row: int, column: int, value: str, style: str, *, flagged: bool = False) -> Any:
        """Place a string cell that stays a string: text beginning with = never becomes a formula."""
        key = (style, flagged, value[:1] in "=+-@")
        template = self._styles.get(key)
        if template is None:
            probe: Any = Cell(self.sheet, row=1, column=1)
            probe.style = style
            if flagged:
                probe.fill = FLAG_FILL
            probe.quotePrefix = key[2]  # Excel and WPS keep it as text when the clerk edits the cell
            template = self._styles[key] = probe._style
        cell: Any = Cell(self.sheet, row=row, column=column, style_array=copy(template))
        cell._value = safe_text(value)  # set directly: openpyxl would read a leading = as a formula
        cell.data_type = "s"
        self.sheet._cells[(row, column)] = cell
        return cell


@dataclass(frozen=True)
class Layout:
    """The columns of one kind of table, their widths and which are centred."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]  # Excel character units
    centred: frozenset[int]
    status_column: str | None = "完成状态"  # gets the 完成状态 list validation


LEDGER = Layout(COLUMNS, WIDTHS, frozenset(CENTRED))
MERGED = Layout(MERGED_COLUMNS, (6, 16, 36, 12, 12, 11, 14, 38, 22, 28, 9, 16), frozenset({0, 5, 10}))
TASKLIST = Layout(TASK_COLUMNS, (6, 16, 56, 20, 24, 16), frozenset({0, 5}), status_column=None)


@dataclass(frozen=True)
class Line:
    """One body row: its cells, whether it is flagged (滞后/逾期), whether it is a chapter heading row."""

    cells: tuple[str, ...]
    flagged: bool = False
    heading: bool = False


@dataclass(frozen=True)
class Table:
    """A printable table and what its hidden sheet carries."""

    layout: Layout
    title: str
    subtitle: str
    lines: Sequence[Line]
    facts: Sequence[tuple[str, object]]  # key/value pairs: format, version, plan, unit, period …
    ids: Sequence[tuple[int, int, str, str]]  # (sheet row, measure id, uid, label) of each measure row
    sheet_name: str = SHEET


def row_height(cells: Sequence[str], widths: Sequence[int] = WIDTHS) -> float:
    """Height in points that shows every wrapped cell of the row whole (openpyxl writes none itself)."""
    lines = max(line_count(text, width) for text, width in zip(cells, widths, strict=True))
    return min(MAX_ROW_PT, lines * LINE_PT + PAD_PT)


def _title_rows(sheet: Sheet, cells: _Cells, table: Table) -> None:
    layout = table.layout
    last = get_column_letter(len(layout.columns))
    for column, width in enumerate(layout.widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 40
    sheet.row_dimensions[2].height = 24
    sheet.row_dimensions[HEADER_ROW].height = 30
    title = cells.put(1, 1, table.title, "Normal")
    title.font = Font(name=TITLE_FONT, size=20)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    subtitle = cells.put(2, 1, table.subtitle, "Normal")
    subtitle.font = Font(name=BODY_FONT, size=12)
    subtitle.alignment = Alignment(horizontal="left", vertical="center")
    for column, heading in enumerate(layout.columns, start=1):
        cells.put(HEADER_ROW, column, heading, "ls_head")
    sheet.merge_cells(f"A1:{last}1")
    sheet.merge_cells(f"A2:{last}2")


def _print_setup(sheet: Sheet, columns: int, last_row: int) -> None:
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(columns)}{max(last_row, HEADER_ROW)}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    footer = sheet.oddFooter
    if footer is not None:
        footer.center.text = "第 &P 页 共 &N 页"
        footer.center.font = BODY_FONT
        footer.center.size = 10


def _validation(sheet: Sheet, layout: Layout, last_row: int) -> None:
    if layout.status_column is None:
        return
    words = ",".join(STATUS_WORDS.values())
    rule = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True, showErrorMessage=True)
    rule.errorTitle = "完成状态"
    rule.error = f"请从下拉列表中选择：{words.replace(',', '、')}。"
    rule.promptTitle = "完成状态"
    rule.prompt = "请从下拉列表中选择完成状态"
    column = get_column_letter(layout.columns.index(layout.status_column) + 1)
    rule.add(f"{column}{FIRST_DATA_ROW}:{column}{max(last_row, FIRST_DATA_ROW)}")
    sheet.data_validations.append(rule)


def _meta_sheet(book: Workbook, table: Table) -> None:
    """Add a hidden sheet: the facts (format, plan, unit, period …), then the measure rows' ids.

    The ids are one JSON list of [sheet row, measure id, uid, label], cut into cells of at most
    ID_CHUNK characters on rows named "ids": a few cells instead of four per measure row, which
    makes the sheet a small part of reading a return back.
    """
    sheet = book.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    text = json.dumps([list(row) for row in table.ids], ensure_ascii=False, separators=(",", ":"))
    chunks = [text[i : i + ID_CHUNK] for i in range(0, len(text), ID_CHUNK)] or ["[]"]
    cells = _Cells(sheet)
    pairs = [*table.facts, ("first_data_row", FIRST_DATA_ROW), *(("ids", chunk) for chunk in chunks)]
    for row, (key, value) in enumerate(pairs, start=1):
        cells.put(row, 1, key, "Normal")
        if isinstance(value, str):
            cells.put(row, 2, value, "Normal")  # a string cell whatever the text starts with
        else:
            sheet.cell(row=row, column=2, value=value)


def build_table(table: Table, *, should_stop: Callable[[], bool] | None = None) -> Workbook:
    """Lay out a table: title, subtitle line, header, one wrapped row per line, and the hidden sheet."""
    layout = table.layout
    book = Workbook()
    _named_styles(book)
    sheet: Any = book.active
    sheet.title = table.sheet_name
    cells = _Cells(sheet)
    last_row = FIRST_DATA_ROW + len(table.lines) - 1
    _print_setup(sheet, len(layout.columns), last_row)
    _validation(sheet, layout, last_row)
    _title_rows(sheet, cells, table)
    last = get_column_letter(len(layout.columns))
    styles = ["ls_centre" if column in layout.centred else "ls_text" for column in range(len(layout.columns))]
    for offset, line in enumerate(table.lines):
        if should_stop and offset % 500 == 0 and should_stop():
            raise Cancelled
        number = FIRST_DATA_ROW + offset
        if line.heading:  # a chapter row across the table, as task lists print them
            sheet.row_dimensions[number].height = 24
            for column in range(1, len(layout.columns) + 1):
                cells.put(number, column, line.cells[0] if column == 1 else "", "ls_head")
            sheet.merge_cells(f"A{number}:{last}{number}")
            continue
        sheet.row_dimensions[number].height = row_height(line.cells, layout.widths)
        for column, value in enumerate(line.cells):
            cells.put(number, column + 1, value, styles[column], flagged=line.flagged)
    _meta_sheet(book, table)
    return book


def write_table(table: Table, path: Path, *, should_stop: Callable[[], bool] | None = None) -> None:
    """Write a table to `path` through a temporary file."""
    check_suffix(path, ".xlsx")
    book = build_table(table, should_stop=should_stop)
    write_atomically(path, lambda target: book.save(str(target)))


__all__ = ["FIRST_DATA_ROW", "HEADER_ROW", "META_SHEET", "SHEET"]  # re-exported for readers of the file


def ledger_table(meta: LedgerMeta, rows: Sequence[LedgerRow], *, merged: bool = False) -> Table:
    """Return the ledger of one unit (or, merged, of every reporting unit) as a table."""
    layout = MERGED if merged else LEDGER
    subtitle = (
        f"{'汇总单位' if merged else '填报单位'}：{meta.unit or '（未设置）'}　　　　"
        f"报送周期：{meta.period_label}　　　　{'汇总' if merged else '填报'}时间：{meta.exported_on}"
    )
    return Table(
        layout=layout,
        title=meta.title,
        subtitle=subtitle,
        lines=[Line(row.cells(merged=merged), row.flagged) for row in rows],
        facts=[
            ("format", FORMAT),
            ("format_version", FORMAT_VERSION),
            ("app_version", meta.app_version),
            ("plans", meta.plans),
            ("unit", meta.unit),
            ("period", meta.period_code),
            ("period_label", meta.period_label),
            ("exported_on", meta.exported_on),
            ("merged", int(merged)),
        ],
        ids=[(FIRST_DATA_ROW + i, row.measure_id, row.uid, row.label) for i, row in enumerate(rows)],
    )


def write_ledger(
    meta: LedgerMeta,
    rows: Sequence[LedgerRow],
    path: Path,
    *,
    merged: bool = False,
    should_stop: Callable[[], bool] | None = None,
) -> None:
    """Write the ledger to `path` through a temporary file."""
    write_table(ledger_table(meta, rows, merged=merged), path, should_stop=should_stop)
