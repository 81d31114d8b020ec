"""Read a unit's return: our ledger, the same after a person edited it, or an old-style ledger.

An old-style ledger typed by hand has no hidden sheet: its header is found by name, and its unit and
period are read from its 填报单位/报送周期 line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from desktop.domain.desk.notes import NoteFields
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import FORMAT, TASKLIST_FORMAT
from desktop.domain.reporting.returns import ReturnFile, ReturnRow, bounded, column_kind, subtitle_facts
from desktop.domain.terms import status_from_word
from desktop.importers.cells import MAX_COLS, MAX_ROWS, cell_text
from desktop.importers.failures import unusable
from desktop.importers.safety import check_office_zip
from desktop.importers.xlsx_file import hidden_facts

HEADER_SCAN = 15  # the header row is among the first rows
FIELD_WORDS = {"progress": "进展情况", "problems": "存在问题", "next_steps": "下步计划"}


def _open(path: Path) -> Any:
    check_office_zip(path)
    try:
        # read-only: streamed, no cell objects for the empty cells; formulas read back as their text
        return openpyxl.load_workbook(str(path), data_only=False, read_only=True)
    except Exception as exc:  # openpyxl can fail in many ways on a malformed part: the file is unusable
        raise unusable(str(path), exc) from None


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for number, row in enumerate(rows[:HEADER_SCAN]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            kind = column_kind(value)
            if kind is not None and kind not in columns:
                columns[kind] = col
        if "progress" in columns and ("label" in columns or "task" in columns):
            return number, columns
    return None


def read_return(path: Path) -> ReturnFile:
    """Return what a ledger file reports; raise LuoshiError when it is not a readable ledger."""
    try:
        return _read(path)
    except LuoshiError:
        raise
    except Exception as exc:  # streamed parts are parsed while read: a damaged one fails here, not on open
        raise unusable(str(path), exc) from None


def _read(path: Path) -> ReturnFile:
    book = _open(path)
    try:
        facts, ids = hidden_facts(book)
        if facts.get("format") == TASKLIST_FORMAT or str(facts.get("merged", "0")) == "1":
            raise LuoshiError(ErrorCode.NOT_A_RETURN, path=str(path))
        sheets = [s for s in book.worksheets if s.sheet_state == "visible"]
        for sheet in sheets:
            rows = [
                [cell_text(v) for v in row]
                for row in sheet.iter_rows(
                    max_row=MAX_ROWS, max_col=min(sheet.max_column or MAX_COLS, MAX_COLS), values_only=True
                )
            ]
            found = _header(rows)
            if found is not None:
                break
        else:
            raise LuoshiError(ErrorCode.NOT_A_RETURN, path=str(path))
    finally:
        book.close()
    header, columns = found
    ours = facts.get("format") == FORMAT
    unit, period_label = subtitle_facts([" ".join(r) for r in rows[:header]])
    warnings: list[str] = []
    result: list[ReturnRow] = []
    for offset, row in enumerate(rows[header + 1 :]):
        number = header + 2 + offset  # sheet rows count from 1

        def cell(kind: str, row: list[str] = row) -> str:
            col = columns.get(kind)
            return row[col].strip() if col is not None and col < len(row) else ""

        label, task = cell("label"), cell("task")
        texts = []
        for kind in ("progress", "problems", "next_steps"):
            text, cut = bounded(cell(kind))
            if cut:
                warnings.append(f"第{number}行“{FIELD_WORDS[kind]}”过长，已截断保存")
            texts.append(text)
        if not (label or task or any(texts)):
            continue
        status_text = cell("status")
        status = status_from_word(status_text) if status_text else None
        carried = ids.get(number)
        uid = carried[0] if ours and carried and carried[1] == label else ""
        result.append(
            ReturnRow(
                row=number,
                label=label,
                task=bounded(task)[0],
                fields=NoteFields(progress=texts[0], problems=texts[1], next_steps=texts[2], status=status),
                uid=uid,
                status_text="" if status or not status_text else bounded(status_text)[0][:20],
            )
        )
    return ReturnFile(
        unit=(facts.get("unit") if ours else "") or unit,
        period_code=facts.get("period", "") if ours else "",
        period_label=(facts.get("period_label") if ours else "") or period_label,
        plans=facts.get("plans", "") if ours else "",
        rows=tuple(result),
        has_ids=ours,
        warnings=tuple(warnings),
    )
