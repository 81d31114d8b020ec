"""List measures, all or those assigned to a unit (named, or through a wildcard category)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.assignment import Assignment, assignment_for
from desktop.services.units import unit_identity
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store


@dataclass(frozen=True)
class MeasureView:
    """A stored measure and, when a unit was asked for, how it is assigned to that unit."""

    stored: plan_store.StoredMeasure
    assignment: Assignment | None


def list_measures(
    ws: Workspace, *, unit: str | None = None, categories: list[str] | None = None
) -> list[MeasureView]:
    """Return current measures; with `unit`, only those assigned to it (wildcards by category)."""
    stored = plan_store.current_measures(ws.db)
    if unit is None:
        return [MeasureView(s, None) for s in stored]
    names, known_categories = unit_identity(ws, name=unit)
    wanted = set(categories) if categories is not None else known_categories
    views = []
    for s in stored:
        found = assignment_for(s.measure.units, names=names, categories=wanted)
        if found is not None:
            views.append(MeasureView(s, found))
    return views
