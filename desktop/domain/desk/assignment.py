"""Decide whether a measure is assigned to the clerk's unit, by name or by wildcard category."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.models import UnitRef
from desktop.domain.terms import Role


@dataclass(frozen=True)
class Assignment:
    """How a measure reaches a unit: its role, and whether only through a wildcard (to confirm)."""

    role: Role
    via_wildcard: bool
    unit: str


def assignment_for(units: tuple[UnitRef, ...], *, names: set[str], categories: set[str]) -> Assignment | None:
    """Return how `units` assign the measure to a unit known by `names` and `categories`, if at all."""
    for unit in units:
        if not unit.wildcard and unit.name in names:
            return Assignment(unit.role, False, unit.name)
    for unit in units:
        if unit.wildcard and unit.category in categories:
            return Assignment(unit.role, True, unit.name)
    return None
