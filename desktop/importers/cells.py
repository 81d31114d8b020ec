"""Spreadsheet cells as the text a person sees, shared by the .xlsx, .xls and return readers."""

from __future__ import annotations

from datetime import date, datetime

MAX_ROWS = 100_000
MAX_COLS = 60


def cell_text(value: object) -> str:
    """Return a cell value as the text a person sees (dates as 2026年3月31日, 3.0 as 3)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
