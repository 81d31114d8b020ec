"""The clerk's corrections to parsed measures: edit, merge with the next, split, add, remove.

The 核对方案 dialog collects them on the parsed plan before anything is stored; `apply_corrections` shows
their result, and the import service replays the same list on the stored version in one transaction.
Indices refer to the measure list as it stands when the correction is made (they are replayed in order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from desktop.domain.models import Deadline, Measure, UnitRef
from desktop.domain.parsing.deadlines import find_deadlines
from desktop.domain.parsing.units import is_wildcard, normalize_unit_name, wildcard_category
from desktop.domain.terms import Role


@dataclass(frozen=True)
class Edit:
    """New values for some fields of one measure; None leaves a field as it is."""

    index: int
    text: str | None = None
    label: str | None = None
    units: tuple[UnitRef, ...] | None = None
    deadlines: tuple[Deadline, ...] | None = None


@dataclass(frozen=True)
class MergeNext:
    """Join a measure with the one after it (two measures the parser split wrongly)."""

    index: int


@dataclass(frozen=True)
class Split:
    """Cut a measure's text in two at character `at`; the second part becomes a measure of its own."""

    index: int
    at: int


@dataclass(frozen=True)
class Add:
    """A measure the parser missed, placed after `after` (-1: first)."""

    after: int
    measure: Measure


@dataclass(frozen=True)
class Remove:
    """A measure that is not one (archived when stored, never deleted)."""

    index: int


Correction = Edit | MergeNext | Split | Add | Remove


def merged(first: Measure, second: Measure) -> Measure:
    """Return `first` joined with `second`: texts in order, units and leaders united, first deadline kept."""
    names = {u.name for u in first.units}
    units = first.units + tuple(u for u in second.units if u.name not in names)
    leaders = first.leaders + tuple(n for n in second.leaders if n not in first.leaders)
    return replace(
        first,
        text=first.text + second.text,
        units=units,
        deadlines=first.deadlines or second.deadlines,
        leaders=leaders,
        clause="；".join(c for c in (first.clause, second.clause) if c),
        doubts=(),
    )


def split_at(measure: Measure, at: int) -> tuple[Measure, Measure]:
    """Return the two parts of `measure` cut at character `at`; both keep its units and deadline."""
    if not 0 < at < len(measure.text):
        raise ValueError(f"split position {at} outside 1..{len(measure.text) - 1}")
    first = replace(measure, text=measure.text[:at].rstrip(), doubts=())
    second = replace(measure, text=measure.text[at:].lstrip(), label=f"{measure.label}-2", uid="", doubts=())
    return first, second


def edited(measure: Measure, edit: Edit) -> Measure:
    """Return `measure` with the fields an Edit sets; the clerk has checked it, so its doubts go."""
    return replace(
        measure,
        text=measure.text if edit.text is None else edit.text,
        label=measure.label if edit.label is None else edit.label,
        units=measure.units if edit.units is None else edit.units,
        deadlines=measure.deadlines if edit.deadlines is None else edit.deadlines,
        doubts=(),
    )


def apply_corrections(measures: list[Measure], corrections: list[Correction]) -> list[Measure]:
    """Return the measures after the corrections, renumbered 1…n."""
    items = list(measures)
    for c in corrections:
        if isinstance(c, Edit):
            items[c.index] = edited(items[c.index], c)
        elif isinstance(c, MergeNext):
            items[c.index : c.index + 2] = [merged(items[c.index], items[c.index + 1])]
        elif isinstance(c, Split):
            items[c.index : c.index + 1] = list(split_at(items[c.index], c.at))
        elif isinstance(c, Add):
            items.insert(c.after + 1, c.measure)
        else:
            del items[c.index]
    return [replace(m, seq=i) for i, m in enumerate(items, start=1)]


def units_from_names(names: list[str], leads: list[str] | None = None) -> tuple[UnitRef, ...]:
    """Return the units a clerk typed, in order: those in `leads` lead (the first one when none is named)."""
    cleaned = [n for n in dict.fromkeys(normalize_unit_name(x) for x in names) if n]
    wanted = {normalize_unit_name(x) for x in leads or []}
    if not wanted and cleaned:
        wanted = {cleaned[0]}
    return tuple(
        UnitRef(
            name,
            Role.LEAD if name in wanted else Role.SUPPORT,
            is_wildcard(name),
            wildcard_category(name) if is_wildcard(name) else None,
        )
        for name in cleaned
    )


def deadlines_from_text(text: str, year: int | None) -> tuple[Deadline, ...]:
    """Return the deadline a clerk typed (2026年6月底前, 年底前, 持续推进), kept as written when unread."""
    text = text.strip()
    if not text:
        return ()
    found = find_deadlines(text, default_year=year)
    if len(found) == 1 and found[0].deadline.text == text:
        return (found[0].deadline,)
    due = next((f.deadline.due for f in found if f.deadline.due), None)
    standing = bool(found) and all(f.deadline.standing for f in found)
    return (Deadline(text=text, due=due, standing=standing),)


def added_label(labels: Iterable[str]) -> str:
    """Return the label of a measure the clerk adds: 新增1, 新增2 … the first one the plan does not hold.

    Never built from a neighbour's label ('（五十三）-新增-新增'): the clerk may change it in 编辑措施.
    """
    taken = set(labels)
    number = 1
    while f"新增{number}" in taken:
        number += 1
    return f"新增{number}"
