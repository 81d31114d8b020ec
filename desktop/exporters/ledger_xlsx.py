"""Write a 工作台账 (.xlsx): printable on A4 landscape, safe against formula text, readable back exactly."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.errors import Cancelled
from desktop.domain.ledger import COLUMNS, FORMAT, FORMAT_VERSION, LedgerMeta, LedgerRow
from desktop.domain.notes import STATUS_WORDS
from desktop.exporters.atomic import write_atomically

SHEET, META_SHEET = "工作台账", "_luoshi"
HEADER_ROW, FIRST_DATA_ROW = 3, 4
WIDTHS = (6, 40, 14, 14, 12, 40, 24, 30, 10, 18)  # Excel character units, one per column
CENTRED = {0, 4, 8}  # 序号, 完成时限, 完成状态
LINE_PT, PAD_PT, MAX_ROW_PT = 15.0, 6.0, 409.0  # 11 pt CJK text; Excel's row limit is 409 pt
MAX_CELL = 32767  # characters an Excel cell can hold
TRUNCATED = "…（超出单元格上限，已截断）"
BODY_FONT, HEAD_FONT, TITLE_FONT = "仿宋_GB2312", "黑体", "方正小标宋简体"
FLAG_FILL = PatternFill("solid", fgColor="FCE4E4")
_THIN = Side(style="thin", color="000000")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# A write-only (streamed) sheet and its cells; typed Any because openpyxl's stubs omit the page set-up,
# dimension and validation attributes such a sheet has, and the private style array the fast path copies.
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


def row_height(cells: Sequence[str]) -> float:
    """Height in points that shows every wrapped cell of the row whole (openpyxl writes none itself)."""
    lines = max(line_count(text, width) for text, width in zip(cells, WIDTHS, strict=True))
    return min(MAX_ROW_PT, lines * LINE_PT + PAD_PT)


def _named_styles(book: Workbook) -> None:
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
    """Makes the streamed cells; a style is resolved once per kind and then copied (openpyxl's fast path)."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._styles: dict[tuple[str, bool, bool], object] = {}

    def text(self, value: str, style: str, *, flagged: bool = False) -> Any:
        """Make a string cell that stays a string: text beginning with = never becomes a formula."""
        cell: Any = WriteOnlyCell(self.sheet)
        cell.data_type = "s"
        cell._value = safe_text(value)  # set directly: openpyxl would read a leading = as a formula
        key = (style, flagged, value[:1] in "=+-@")
        template = self._styles.get(key)
        if template is None:
            cell.style = style
            if flagged:
                cell.fill = FLAG_FILL
            cell.quotePrefix = key[2]  # Excel and WPS keep it as text when the clerk edits the cell
            self._styles[key] = copy(cell._style)
        else:
            cell._style = copy(template)
        return cell

    def plain(self, value: str, *, font: Font, alignment: Alignment) -> Any:
        cell: Any = self.text(value, "Normal")
        cell.font, cell.alignment = font, alignment
        return cell


def _title_rows(sheet: Sheet, cells: _Cells, meta: LedgerMeta) -> None:
    last = get_column_letter(len(COLUMNS))
    for column in range(1, len(COLUMNS) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[column - 1]
    sheet.row_dimensions[1].height = 40
    sheet.row_dimensions[2].height = 24
    sheet.row_dimensions[HEADER_ROW].height = 30
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.append([cells.plain(meta.title, font=Font(name=TITLE_FONT, size=20), alignment=centred)])
    line = f"填报单位：{meta.unit or '（未设置）'}　　　　报送周期：{meta.period_label}　　　　填报时间：{meta.exported_on}"
    left = Alignment(horizontal="left", vertical="center")
    sheet.append([cells.plain(line, font=Font(name=BODY_FONT, size=12), alignment=left)])
    sheet.append([cells.text(heading, "ls_head") for heading in COLUMNS])
    sheet.merged_cells.add(f"A1:{last}1")
    sheet.merged_cells.add(f"A2:{last}2")


def _print_setup(sheet: Sheet, last_row: int) -> None:
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{max(last_row, HEADER_ROW)}"
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


def _validation(sheet: Sheet, last_row: int) -> None:
    words = ",".join(STATUS_WORDS.values())
    rule = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True, showErrorMessage=True)
    rule.errorTitle = "完成状态"
    rule.error = f"请从下拉列表中选择：{words.replace(',', '、')}。"
    rule.promptTitle = "完成状态"
    rule.prompt = "请从下拉列表中选择完成状态"
    column = get_column_letter(COLUMNS.index("完成状态") + 1)
    rule.add(f"{column}{FIRST_DATA_ROW}:{column}{max(last_row, FIRST_DATA_ROW)}")
    sheet.data_validations.append(rule)


def _meta_sheet(book: Workbook, meta: LedgerMeta, rows: Sequence[LedgerRow]) -> None:
    """Add a hidden sheet: the format, plan, unit and period, then each data row's measure id and uid."""
    sheet = book.create_sheet(META_SHEET)
    sheet.sheet_state = "hidden"
    cells = _Cells(sheet)
    pairs = [
        ("format", FORMAT),
        ("format_version", FORMAT_VERSION),
        ("app_version", meta.app_version),
        ("plans", meta.plans),
        ("unit", meta.unit),
        ("period", meta.period_code),
        ("period_label", meta.period_label),
        ("exported_on", meta.exported_on),
        ("first_data_row", FIRST_DATA_ROW),
    ]
    for key, value in pairs:
        sheet.append([key, _plain(cells, value)])
    sheet.append([])
    sheet.append(["row", "measure_id", "uid", "label"])
    for offset, row in enumerate(rows):
        sheet.append(
            [FIRST_DATA_ROW + offset, row.measure_id, _plain(cells, row.uid), _plain(cells, row.label)]
        )


def _plain(cells: _Cells, value: object) -> object:
    """Pass a value as it is unless it is text openpyxl would read as a formula."""
    if isinstance(value, str) and value[:1] in "=+-@":
        return cells.text(value, "Normal")
    return value


def build_workbook(
    meta: LedgerMeta, rows: Sequence[LedgerRow], *, should_stop: Callable[[], bool] | None = None
) -> Workbook:
    """Lay out the ledger: title, 填报单位 line, header, one wrapped row per measure.

    The workbook is write-only (streamed): row heights and sheet settings are set before the rows they
    concern are appended, and the sheets are written out by `save`.
    """
    book = Workbook(write_only=True)
    _named_styles(book)
    sheet = book.create_sheet(SHEET)
    cells = _Cells(sheet)
    last_row = FIRST_DATA_ROW + len(rows) - 1
    _print_setup(sheet, last_row)
    _validation(sheet, last_row)
    _title_rows(sheet, cells, meta)
    for offset, row in enumerate(rows):
        if should_stop and offset % 500 == 0 and should_stop():
            raise Cancelled
        values = row.cells()
        sheet.row_dimensions[FIRST_DATA_ROW + offset].height = row_height(values)
        sheet.append(
            [
                cells.text(value, "ls_centre" if column in CENTRED else "ls_text", flagged=row.flagged)
                for column, value in enumerate(values)
            ]
        )
    _meta_sheet(book, meta, rows)
    return book


def write_ledger(
    meta: LedgerMeta, rows: Sequence[LedgerRow], path: Path, *, should_stop: Callable[[], bool] | None = None
) -> None:
    """Write the ledger to `path` through a temporary file."""
    book = build_workbook(meta, rows, should_stop=should_stop)
    write_atomically(path, lambda target: book.save(str(target)))
