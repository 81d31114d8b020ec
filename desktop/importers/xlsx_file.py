"""Excel (.xlsx) task lists: header found by name on any visible sheet, merged cells filled."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.tables import plan_from_tables
from desktop.importers.safety import check_office_zip
from desktop.importers.script import simplify_rows

MAX_ROWS = 100_000
MAX_COLS = 60


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_rows(sheet: Worksheet) -> list[list[str]]:
    """Return a sheet's cell texts with every merged range filled from its top-left cell."""
    max_row = min(sheet.max_row or 0, MAX_ROWS)
    max_col = min(sheet.max_column or 0, MAX_COLS)
    rows = [
        [_text(v) for v in row]
        for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    ]
    for merged in sheet.merged_cells.ranges:
        top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            for c in range(merged.min_col, min(merged.max_col, max_col) + 1):
                rows[r - 1][c - 1] = top
    return rows


def read_xlsx(path: Path) -> Plan:
    """Return the plan in an Excel task list."""
    check_office_zip(path)
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, zipfile.BadZipFile, EOFError, OSError):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    except Exception:  # openpyxl can fail in many ways on a malformed part: the file is unusable
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    try:
        sheets = [s for s in workbook.worksheets if s.sheet_state == "visible"]
        tables = [simplify_rows(sheet_rows(s)) for s in sheets]
    finally:
        workbook.close()
    plan = plan_from_tables(tables, front_lines=[], fallback_title=path.stem, path=str(path))
    if plan is None:
        raise LuoshiError(ErrorCode.NO_TASK_TABLE, path=str(path))
    return plan
