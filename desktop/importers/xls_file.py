"""Excel 97–2003 (.xls) and WPS (.et) task lists through xlrd (BSD): the same tables as an .xlsx gives.

WPS saves its .et spreadsheets in the same BIFF8 compound file as Excel's .xls, so one reader serves both.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import xlrd

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers.cells import MAX_COLS, MAX_ROWS, cell_text
from desktop.importers.extracted import Extracted, sheets_plan
from desktop.importers.failures import unusable
from desktop.importers.script import simplify_rows


def _value(sheet: xlrd.sheet.Sheet, row: int, col: int, datemode: int) -> object:
    cell = sheet.cell(row, col)
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return datetime(*xlrd.xldate_as_tuple(cell.value, datemode))
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


def sheet_rows(sheet: xlrd.sheet.Sheet, datemode: int) -> list[list[str]]:
    """Return a sheet's cell texts with every merged range filled from its top-left cell."""
    nrows, ncols = min(sheet.nrows, MAX_ROWS), min(sheet.ncols, MAX_COLS)
    rows = [[cell_text(_value(sheet, r, c, datemode)) for c in range(ncols)] for r in range(nrows)]
    for top, bottom, left, right in sheet.merged_cells:  # half-open ranges
        if top >= nrows or left >= ncols:
            continue
        first = rows[top][left]
        for r in range(top, min(bottom, nrows)):
            for c in range(left, min(right, ncols)):
                rows[r][c] = first
    return rows


def read_xls(path: Path) -> Plan:
    """Return the plan in an .xls or .et task list."""
    return sheets_plan(extract_xls(path), path)


def extract_xls(path: Path) -> Extracted:
    """Return the visible sheets of an .xls or .et workbook as tables, merged cells filled."""
    name = str(path)
    try:
        # xlrd reports a damaged file's oddities on stdout by default: they go nowhere here
        # A workbook whose compound file xlrd finds damaged but Excel and LibreOffice open is read too.
        book = xlrd.open_workbook(
            name,
            formatting_info=True,
            on_demand=True,
            logfile=io.StringIO(),
            ignore_workbook_corruption=True,
        )
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise LuoshiError(ErrorCode.ENCRYPTED, path=name) from None
        raise LuoshiError(ErrorCode.CORRUPT, path=name) from None
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # a truncated or hostile compound file fails anywhere inside xlrd
        raise unusable(name, exc) from None
    try:
        tables = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility == 0:  # visible, not hidden or very hidden
                tables.append(simplify_rows(sheet_rows(sheet, book.datemode)))
    except Exception as exc:  # a damaged sheet record
        raise unusable(name, exc) from None
    finally:
        book.release_resources()
    return Extracted(tables=tables)
