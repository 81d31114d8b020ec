"""Lay a flattened table row's cells on its header's columns: the cheapest reading wins.

A table copied out of a PDF or a web page comes one cell a line, and merged or empty cells leave no trace:
the row '建设…平台', '市发改局', '市财政局', '2025年底' may be a task with two unit cells, or a task, a
unit and a deadline. Each way of cutting the row into one run of cells per column is given a cost from the
table below (what each column usually holds), and the cheapest is kept (`_best`, a small dynamic program
over cells and columns). A row may also hold a second sub-row under merged cells (a second task and
deadline under one unit cell), tried as a second pass of the columns at a penalty.

Edge cases: a row of more than `_MAX_ALIGNED_CELLS` cells is laid roughly (units to the unit column, dates
to the deadline, the rest to the text), since the search grows with the square of the cell count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.domain.parsing.deadlines import find_deadlines
from desktop.domain.parsing.units import names_organs

UNIT_KINDS = ("lead", "support", "responsible")
_DEADLINE_START = re.compile(
    r"^(?:\d{4}年)?\d{1,2}月|^\d{4}年|^年[底内中末]|^[上下]半年|^第?[一二三四]季度|^持续|^长期|^常态|^每[年月季]"
)
# A unit cell is at most this long (a list of a dozen organs); longer cells are text.
_MAX_UNIT_CELL = 200
# A deadline cell is short ('2025年12月底前', '持续推进，每季度调度'); longer is a sentence.
_MAX_DEADLINE_CELL = 24
# A row of more cells than this is not aligned cell by cell (the cost grows with the square of the count):
# its unit-like cells go to the unit column and the rest to the text.
_MAX_ALIGNED_CELLS = 24
# What a second sub-row costs on top of its cells: one only when it explains the row clearly better.
_SUB_ROW_PENALTY = 1.0


def unit_like(cell: str) -> bool:
    """Return True for a cell that lists organs only (区发改局、区财政局; 各科室; 市税务局等。)."""
    if cell.endswith("。") and re.search(r"[、，,]|等。$", cell):  # a list closed by a full stop
        cell = cell[:-1]
    if not cell or "。" in cell or len(cell) > _MAX_UNIT_CELL:
        return False
    return names_organs(cell)


def deadline_like(cell: str) -> bool:
    """Return True for a 完成时限 value (12月底前, 2025年6月, 年底前, 持续推进, 9月投入使用)."""
    return len(cell) <= _MAX_DEADLINE_CELL and bool(_DEADLINE_START.search(cell) or find_deadlines(cell))


@dataclass(frozen=True)
class ColumnCost:
    """What laying a run of cells on one column costs; lower is likelier."""

    empty: float  # the column left empty (a blank cell, or one merged away)
    empty_per_position: float  # added to `empty` per unit of the column's place from the left (0 … 1)
    misfit: float  # per cell that does not fit the column (see `_misfits`)
    extra_cell: float  # per cell beyond the first


# The task text is never empty, may run over several cells (paragraphs) and holds no unit list. A group
# cell (工作任务, 考核项目) printed before the next row's number is often absent and never a unit or a date.
# An unnamed column (完成情况) often holds a numbered list of paragraphs: more cells cost it less. A deadline
# is one cell. A unit column may list several organs, one a line; an empty unit or deadline column costs a
# little more the further left it stands, since a lone unit cell is the leading one.
_COSTS = {
    "text": ColumnCost(empty=1.5, empty_per_position=0.0, misfit=1.0, extra_cell=1.0),
    "group": ColumnCost(empty=0.1, empty_per_position=0.0, misfit=1.0, extra_cell=2.0),
    "other": ColumnCost(empty=0.5, empty_per_position=0.2, misfit=0.5, extra_cell=0.75),
    "deadline": ColumnCost(empty=1.1, empty_per_position=-0.1, misfit=2.0, extra_cell=2.0),
    "unit": ColumnCost(empty=1.1, empty_per_position=-0.1, misfit=3.0, extra_cell=0.0),
}
# Any other named column (重点任务, 责任领导): empty like a unit column, filled like an unnamed one.
_NAMED = ColumnCost(empty=1.1, empty_per_position=-0.1, misfit=0.5, extra_cell=0.75)


def _misfits(kind: str, run: tuple[str, ...]) -> int:
    """Count the cells of `run` that do not belong in a column of `kind`."""
    if kind in UNIT_KINDS:
        return sum(1 for c in run if not unit_like(c))
    if kind == "deadline":  # only the first cell: the rest already pay `extra_cell`
        return 0 if deadline_like(run[0]) else 1
    if kind == "group":
        return sum(1 for c in run if unit_like(c) or deadline_like(c))
    return sum(1 for c in run if unit_like(c))


def _run_cost(kind: str, run: tuple[str, ...], position: float) -> float:
    """Return the cost of laying `run` on a column of `kind` standing at `position` (0 … 1 from the left).

    A kind ending in '+' is a sub-row's pass: a column it leaves empty was merged with the row above and
    costs nothing, except the text, which a sub-row always has.
    """
    merged = kind.endswith("+")
    kind = kind.rstrip("+")
    cost = _COSTS["unit"] if kind in UNIT_KINDS else _COSTS.get(kind, _NAMED)
    if not run:
        if merged and kind != "text":
            return 0.0
        return cost.empty + cost.empty_per_position * position
    return cost.misfit * _misfits(kind, run) + cost.extra_cell * (len(run) - 1)


def align_row(
    block: list[str], after: list[str], before: list[str], *, last: bool
) -> tuple[list[str], list[str]]:
    """Lay a row's cells on the columns after its number (and the next row's group cells)."""
    trailing = [] if last else before
    width = len(after)
    if len(block) > _MAX_ALIGNED_CELLS:
        return _rough_row(block, after), [""] * len(trailing)
    once = tuple((k, i / width) for i, k in enumerate(after))
    groups = tuple(("group", 1.0) for _ in trailing)
    best = _best(tuple(block), once + groups)
    twice = _best(tuple(block), once + tuple((f"{k}+", p) for k, p in once) + groups)
    use_twice = twice[0] + _SUB_ROW_PENALTY < best[0]
    runs = twice[1] if use_twice else best[1]
    row = ["" for _ in after]
    for i in range(width):
        parts = list(runs[i]) + (list(runs[width + i]) if use_twice else [])
        row[i] = ("、" if after[i] in UNIT_KINDS else "；").join(parts)
    next_groups = ["；".join(r) for r in runs[len(runs) - len(trailing) :]] if trailing else []
    return row, next_groups


def _rough_row(block: list[str], after: list[str]) -> list[str]:
    """Lay a long row without search: unit-like cells to the first unit column, dates to the deadline, the rest to the text."""
    row = ["" for _ in after]
    units = [c for c in block if unit_like(c)]
    deadlines = [c for c in block if deadline_like(c) and not unit_like(c)]
    rest = [c for c in block if c not in units and c not in deadlines]
    for i, kind in enumerate(after):
        if kind in UNIT_KINDS and not row[i]:
            row[i], units = "、".join(units), []
        elif kind == "deadline":
            row[i] = "；".join(deadlines)
        elif kind == "text":
            row[i] = "；".join(rest)
    return row


Slot = tuple[str, float]  # a column's kind and its position from the left (0 … 1)


@lru_cache(maxsize=4096)
def _best(cells: tuple[str, ...], slots: tuple[Slot, ...]) -> tuple[float, tuple[tuple[str, ...], ...]]:
    """Return the cheapest split of `cells` into one (possibly empty) run per column slot."""
    if not slots:
        return (0.0, ()) if not cells else (float("inf"), ())
    best: tuple[float, tuple[tuple[str, ...], ...]] = (float("inf"), ())
    kind, position = slots[0]
    for take in range(len(cells) + 1):
        head = _run_cost(kind, cells[:take], position)
        if head >= best[0]:
            continue
        rest_cost, rest = _best(cells[take:], slots[1:])
        if head + rest_cost < best[0]:
            best = (head + rest_cost, (cells[:take], *rest))
    return best
