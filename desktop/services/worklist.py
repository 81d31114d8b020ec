"""The clerk's worklist for a period, read from the database and filtered (search through the index)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from desktop.domain.desk.assignment import assignment_for
from desktop.domain.desk.lights import lights_for
from desktop.domain.desk.periods import Period
from desktop.domain.desk.worklist import Filter, WorkItem, select
from desktop.domain.terms import Role
from desktop.services import search as search_service
from desktop.services import sent_log
from desktop.services.notes import my_unit
from desktop.services.units import unit_identity
from desktop.services.workspace import Workspace
from desktop.storage import claims as claim_store
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store
from desktop.storage import short_titles as title_store


def _start_dates(plans: list[plan_store.PlanRow]) -> dict[int, date]:
    return {plan.id: date.fromisoformat(plan.issued_on) for plan in plans if plan.issued_on}


def load_worklist(
    ws: Workspace, period: Period, *, today: date, only: Collection[int] | None = None
) -> list[WorkItem]:
    """Return every current measure (those in `only` when given) with the note for `period` and lights."""
    unit = my_unit(ws)
    measures = plan_store.current_measures(ws.db)
    if only is not None:
        measures = [stored for stored in measures if stored.measure_id in only]
    names, categories = unit_identity(ws, name=unit) if unit else (set(), set())
    notes = note_store.notes_of_unit(ws.db, period=period.code, unit=unit)
    plans = plan_store.list_plans(ws.db)
    starts = _start_dates(plans)
    archived = {plan.id for plan in plans if plan.archived}
    numbers = {plan.id: plan.doc_number or "" for plan in plans}
    claims = claim_store.claims_for(ws.db, unit=unit) if unit else {}
    titles = title_store.short_titles(ws.db)
    changed = sent_log.changed_since_sent(ws, period, unit, notes)
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
                plan_id=stored.plan_id,
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
                leaders=measure.leaders,
                claim=claims.get((stored.plan_id, stored.uid))
                if assignment and assignment.via_wildcard
                else None,
                short_title=titles.get(stored.measure_id, ""),
                archived=stored.plan_id in archived,
                matched=assignment.unit if assignment else "",
                plan_number=numbers.get(stored.plan_id, ""),
                changed_since_sent=stored.measure_id in changed,
            )
        )
    return items


def apply_filter(ws: Workspace, items: list[WorkItem], wanted: Filter) -> list[WorkItem]:
    """Return the items the filter lets through, in plan order (the text searched in the index)."""
    has_unit = any(item.role is not None for item in items) or bool(my_unit(ws))
    hits = search_service.search(ws, wanted.text) if wanted.text.strip() else None
    return select(items, wanted, has_unit=has_unit, hits=hits)
