"""What a reader extracted from a document, and the one place a plan is parsed from it.

Readers of structured documents (.docx, .doc, HTML, MHT, Word 2003 XML, OpenDocument) fill an
`Extracted` and call `plan_of`: task tables win when one is found by its header names, else the lines are
parsed as a document. Traditional characters are folded to simplified here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.grid_tables import Piece, grid_table
from desktop.domain.parsing.plan_parser import parse_plan_lines, reading_weight
from desktop.domain.parsing.tables import plan_from_tables
from desktop.importers.script import simplify_lines, simplify_rows


@dataclass
class Extracted:
    """Lines of text and tables (rows of cell texts), with where the first table stood among the lines."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    first_table_at: int | None = None

    def add_lines(self, text: str) -> None:
        """Add a paragraph; its line breaks (newline, Word's vertical tab) split it into lines."""
        self.lines.extend(text.replace("\v", "\n").split("\n"))

    def add_table(self, rows: list[list[str]]) -> None:
        if not rows:
            return
        if self.first_table_at is None:
            self.first_table_at = len(self.lines)
        self.tables.append(rows)


def tables_plan(extracted: Extracted, path: Path) -> Plan | None:
    """Return the plan in the extracted task tables (the lines before them its front), or None."""
    lines = simplify_lines(extracted.lines)
    first = extracted.first_table_at
    return plan_from_tables(
        [simplify_rows(rows) for rows in extracted.tables],
        front_lines=lines[:first] if first is not None else lines,
        fallback_title=path.stem,
        path=str(path),
    )


def table_or_text(pieces: list[Piece], lines: list[str], path: Path) -> Plan:
    """Return the plan in a task table laid out by text positions (a scan, an OFD), else in the lines.

    The table reading is kept when it assigns at least as many measures to units as the text reading.
    """
    grid = grid_table(pieces)
    table = tables_plan(Extracted(list(grid.before), [grid.rows], len(grid.before)), path) if grid else None
    try:
        text = parse_plan_lines(simplify_lines(lines), fallback_title=path.stem, path=str(path))
    except LuoshiError:
        if table is None:
            raise
        return table
    return table if table is not None and reading_weight(table) >= reading_weight(text) else text


def sheets_plan(extracted: Extracted, path: Path) -> Plan:
    """Return the plan in a workbook's sheets, or refuse it saying no sheet has a task table's header."""
    plan = tables_plan(extracted, path)
    if plan is None:
        raise LuoshiError(ErrorCode.NO_TASK_TABLE, path=str(path))
    return plan


def plan_of(extracted: Extracted, path: Path) -> Plan:
    """Return the plan in what was extracted: its task tables if any is one, else its lines."""
    plan = tables_plan(extracted, path)
    if plan is not None:
        return plan
    return parse_plan_lines(simplify_lines(extracted.lines), fallback_title=path.stem, path=str(path))
