"""The clerk's worklist for a period: measures with their note state and lights, filtered and searched."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from desktop.domain.assignment import assignment_for
from desktop.domain.lights import Light, lights_for
from desktop.domain.models import Role
from desktop.domain.notes import NoteFields
from desktop.domain.periods import Period
from desktop.services import search as search_service
from desktop.services.notes import my_unit
from desktop.services.units import unit_identity
from desktop.services.workspace import Workspace
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store
from desktop.storage.errors import translated

UNFILLED = "unfilled"


class Scope(StrEnum):
    """Which measures to show: those I lead, support, all of mine, or the whole plan."""

    LEAD = "lead"
    SUPPORT = "support"
    MINE = "mine"
    ALL = "all"


@dataclass(frozen=True)
class WorkItem:
    """One measure as the desk shows it for a period."""

    measure_id: int
    uid: str
    plan_title: str
    seq: int
    label: str
    chapter: str
    text: str
    leads: tuple[str, ...]
    supports: tuple[str, ...]
    deadline: str
    due_on: date | None
    standing: bool
    role: Role | None
    via_wildcard: bool
    note: NoteFields | None
    lights: frozenset[Light] = field(default_factory=frozenset)
    start: date | None = None  # when the plan's clock starts, for 序时进度

    @property
    def filled(self) -> bool:
        """Return True when this period's note has any text."""
        return self.note is not None and self.note.filled


@dataclass(frozen=True)
class Filter:
    """What the clerk asked to see."""

    scope: Scope = Scope.MINE
    chapter: str | None = None
    status: str | None = None  # a Status value, or UNFILLED
    warned_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class Summary:
    """The counts always shown in the status bar."""

    total: int
    unfilled: int
    overdue: int
    due_soon: int
    behind: int


def _start_dates(ws: Workspace) -> dict[int, date]:
    starts = {}
    for plan in plan_store.list_plans(ws.db):
        issued = plan.get("issued_on")
        if isinstance(issued, str):
            starts[int(str(plan["id"]))] = date.fromisoformat(issued)
    return starts


def load_worklist(ws: Workspace, period: Period, *, today: date) -> list[WorkItem]:
    """Return every current measure with the clerk's note for `period` and its lights today."""
    unit = my_unit(ws)
    with translated(str(ws.path)):
        measures = plan_store.current_measures(ws.db)
        names, categories = unit_identity(ws, name=unit) if unit else (set(), set())
        notes = note_store.notes_for_period(ws.db, period=period.code, unit=unit)
        starts = _start_dates(ws)
    items = []
    for stored in measures:
        measure = stored.measure
        first = measure.deadlines[0] if measure.deadlines else None
        due_on = date.fromisoformat(first.due) if first and first.due else None
        standing = bool(first and first.standing)
        note = notes.get(stored.measure_id)
        assignment = assignment_for(measure.units, names=names, categories=categories) if unit else None
        items.append(
            WorkItem(
                measure_id=stored.measure_id,
                uid=stored.uid,
                plan_title=stored.plan_title,
                seq=measure.seq,
                label=measure.label,
                chapter=measure.chapter,
                text=measure.text,
                leads=tuple(u.name for u in measure.units if u.role is Role.LEAD),
                supports=tuple(u.name for u in measure.units if u.role is Role.SUPPORT),
                deadline=measure.deadline or "",
                due_on=due_on,
                standing=standing,
                role=assignment.role if assignment else None,
                via_wildcard=bool(assignment and assignment.via_wildcard),
                note=note,
                lights=lights_for(
                    due_on=due_on, standing=standing, note=note, today=today, start=starts.get(stored.plan_id)
                ),
                start=starts.get(stored.plan_id),
            )
        )
    return items


def with_note(item: WorkItem, note: NoteFields, *, today: date) -> WorkItem:
    """Return the item as it stands after its note was saved (status, filled and lights)."""
    lights = lights_for(due_on=item.due_on, standing=item.standing, note=note, today=today, start=item.start)
    return replace(item, note=note, lights=lights)


def _in_scope(item: WorkItem, scope: Scope, has_unit: bool) -> bool:
    if scope is Scope.ALL or not has_unit:
        return True
    if scope is Scope.MINE:
        return item.role is not None
    return item.role is Role(scope.value)


def _status_matches(item: WorkItem, status: str) -> bool:
    if status == UNFILLED:
        return not item.filled
    return item.note is not None and item.note.status is not None and item.note.status.value == status


def apply_filter(ws: Workspace, items: list[WorkItem], wanted: Filter) -> list[WorkItem]:
    """Return the items the filter lets through, in plan order."""
    has_unit = any(item.role is not None for item in items) or bool(my_unit(ws))
    hits = search_service.search(ws, wanted.text) if wanted.text.strip() else None
    return [
        item
        for item in items
        if _in_scope(item, wanted.scope, has_unit)
        and (wanted.chapter is None or item.chapter == wanted.chapter)
        and (wanted.status is None or _status_matches(item, wanted.status))
        and (not wanted.warned_only or item.lights)
        and (hits is None or item.measure_id in hits)
    ]


def summarize(items: list[WorkItem]) -> Summary:
    """Return the counts for the status bar."""
    return Summary(
        total=len(items),
        unfilled=sum(not i.filled for i in items),
        overdue=sum(Light.OVERDUE in i.lights for i in items),
        due_soon=sum(Light.DUE_SOON in i.lights for i in items),
        behind=sum(Light.BEHIND in i.lights for i in items),
    )


def chapters(items: list[WorkItem]) -> list[str]:
    """Return the chapter names in plan order, each once."""
    return list(dict.fromkeys(i.chapter for i in items if i.chapter))
