"""The guided path's use cases: what a file holds, and the plan read with the clerk's choices.

The choices are column roles or a numbering (desktop.domain.parsing.guided). No database here:
`services.imports.prepare(plan=…)` takes the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing import guided
from desktop.importers import read_material
from desktop.importers.script import simplify_lines

ROLE_NAMES = tuple(guided.ROLES)
ROLE_KINDS = guided.ROLES
NUMBERING_NAMES = tuple(guided.NUMBERINGS)
# Errors after which the clerk is offered the guided path instead of a refusal.
GUIDED_ERRORS = (ErrorCode.NO_MEASURES, ErrorCode.NO_TASK_TABLE)


@dataclass(frozen=True)
class Material:
    """A file's text lines and the grid the clerk may name the columns of (empty when there is none)."""

    path: Path
    lines: tuple[str, ...]  # every text line, for a numbering
    grid: tuple[tuple[str, ...], ...]
    front: tuple[str, ...]  # the lines above the grid: title, 文号, notice

    @property
    def width(self) -> int:
        return max((len(r) for r in self.grid), default=0)


def material(path: Path) -> Material:
    """Return what `path` holds for the guided path: its widest table, else a table flattened a row a line."""
    found = read_material(path)
    lines = simplify_lines(found.lines)
    tables = [t for t in found.tables if len(t) >= 2]
    if tables:
        grid = max(tables, key=lambda t: len(t) * max(len(r) for r in t))
        front = lines[: found.first_table_at] if found.first_table_at is not None else []
    else:
        grid, at = guided.text_grid(lines)
        front = lines[:at]
    return Material(path, tuple(lines), tuple(tuple(r) for r in grid), tuple(front))


def guess_roles(found: Material) -> dict[int, str]:
    """Return a first guess of each column's role (a name of ROLE_NAMES) for the clerk to correct."""
    return guided.guess_roles([list(r) for r in found.grid])


def plan_with_columns(found: Material, roles: dict[int, str]) -> Plan:
    """Return the plan the grid gives with the clerk's roles ({column index: kind})."""
    if not found.grid:
        raise LuoshiError(ErrorCode.NO_GRID, path=str(found.path))
    return guided.plan_from_grid(
        [list(r) for r in found.grid],
        roles,
        front_lines=list(found.front),
        fallback_title=found.path.stem,
        path=str(found.path),
    )


def plan_with_column_spec(found: Material, spec: str) -> Plan:
    """Return the plan read with '任务=2,牵头单位=3' (the CLI's --columns)."""
    if not found.grid:
        raise LuoshiError(ErrorCode.NO_GRID, path=str(found.path))
    return plan_with_columns(found, guided.parse_columns(spec, found.width))


def plan_with_numbering(found: Material, numbering: str) -> Plan:
    """Return the plan read with `numbering` starting each measure (the CLI's --numbering)."""
    return guided.plan_by_numbering(
        list(found.lines), numbering, fallback_title=found.path.stem, path=str(found.path)
    )
