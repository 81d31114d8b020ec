"""Excel (.xlsx) task lists: header found by name on any visible sheet, merged cells filled."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.tables import plan_from_tables
from desktop.domain.reporting.ledger import META_SHEET, TASKLIST_FORMAT
from desktop.importers.cells import MAX_COLS, MAX_ROWS, cell_text
from desktop.importers.extracted import Extracted
from desktop.importers.failures import unusable
from desktop.importers.safety import check_office_zip
from desktop.importers.script import simplify_rows


def sheet_rows(sheet: Worksheet) -> list[list[str]]:
    """Return a sheet's cell texts with every merged range filled from its top-left cell."""
    max_row = min(sheet.max_row or 0, MAX_ROWS)
    max_col = min(sheet.max_column or 0, MAX_COLS)
    rows = [
        [cell_text(v) for v in row]
        for row in sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col, values_only=True)
    ]
    for merged in sheet.merged_cells.ranges:
        top = rows[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            for c in range(merged.min_col, min(merged.max_col, max_col) + 1):
                rows[r - 1][c - 1] = top
    return rows


def _open(path: Path) -> Any:
    check_office_zip(path)
    try:
        return openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # openpyxl can fail in many ways on a malformed part: the file is unusable
        raise unusable(str(path), exc) from None


def extract_xlsx(path: Path) -> Extracted:
    """Return the visible sheets of an Excel workbook as tables."""
    workbook = _open(path)
    try:
        return Extracted(
            tables=[simplify_rows(sheet_rows(s)) for s in workbook.worksheets if s.sheet_state == "visible"]
        )
    finally:
        workbook.close()


def read_xlsx(path: Path) -> Plan:
    """Return the plan in an Excel task list."""
    workbook = _open(path)
    try:
        sheets = [s for s in workbook.worksheets if s.sheet_state == "visible"]
        tables = [simplify_rows(sheet_rows(s)) for s in sheets]
        facts, ids = hidden_facts(workbook)
    finally:
        workbook.close()
    plan = plan_from_tables(tables, front_lines=[], fallback_title=path.stem, path=str(path))
    if plan is None:
        raise LuoshiError(ErrorCode.NO_TASK_TABLE, path=str(path))
    if facts.get("format") == TASKLIST_FORMAT:
        plan = with_task_list_facts(plan, facts, ids)
    return plan


def hidden_facts(book: Any) -> tuple[dict[str, str], dict[int, tuple[str, str]]]:
    """Return the hidden sheet's facts and its rows (sheet row -> (uid, label)), empty when absent."""
    if META_SHEET not in book.sheetnames:
        return {}, {}
    facts: dict[str, str] = {}
    ids: dict[int, tuple[str, str]] = {}
    chunks: list[str] = []
    in_ids = False
    sheet = book[META_SHEET]
    limit = min(sheet.max_row or MAX_ROWS, MAX_ROWS)  # a streamed sheet may not know its size
    for row in sheet.iter_rows(max_row=limit, max_col=4, values_only=True):
        cells = [cell_text(v) for v in row]
        if cells[:1] == ["ids"] and len(cells) > 1:
            chunks.append(cells[1])
        elif cells[:2] == ["row", "measure_id"]:  # format 1: a row per measure
            in_ids = True
        elif in_ids and cells and cells[0].isdigit():
            ids[int(cells[0])] = (cells[2] if len(cells) > 2 else "", cells[3] if len(cells) > 3 else "")
        elif not in_ids and cells and cells[0]:
            facts[cells[0]] = cells[1] if len(cells) > 1 else ""
    if chunks:
        ids.update(_json_ids("".join(chunks)))
    return facts, ids


def _json_ids(text: str) -> dict[int, tuple[str, str]]:
    """Read the ids' JSON of a format-2 hidden sheet; anything malformed counts as no ids."""
    try:
        rows = json.loads(text)
    except ValueError:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, list) and len(row) == 4 and isinstance(row[0], int):
            found[row[0]] = (str(row[2]), str(row[3]))
    return found


def with_task_list_facts(plan: Plan, facts: dict[str, str], ids: dict[int, tuple[str, str]]) -> Plan:
    """Give a task list's plan the identity the office wrote into it: title, 文号, date and measure ids.

    The ids are taken in row order and kept only where the label still agrees (a person may have
    added, removed or renumbered rows; those measures are matched by their text instead).
    """
    carried = [ids[row] for row in sorted(ids)]
    measures = list(plan.measures)
    if len(carried) == len(measures):
        measures = [
            replace(m, uid=uid) if label == m.label else m
            for m, (uid, label) in zip(measures, carried, strict=True)
        ]
    else:
        by_label = {label: uid for uid, label in carried}
        measures = [replace(m, uid=by_label.get(m.label, "")) for m in measures]
    return replace(
        plan,
        title=facts.get("title") or plan.title,
        doc_number=facts.get("doc_number") or plan.doc_number,
        issued_on=facts.get("issued_on") or plan.issued_on,
        measures=tuple(measures),
    )
