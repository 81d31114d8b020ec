"""The clerk corrects stored measures: 编辑措施 in the window and `luoshi measure …` on the command line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop.domain.corrections import (
    Add,
    Correction,
    Edit,
    MergeNext,
    Split,
    added_label,
    deadlines_from_text,
    edited,
    units_from_names,
)
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId, PlanId
from desktop.domain.models import Measure
from desktop.domain.parsing.plan_parser import plan_year as domain_plan_year
from desktop.services.workspace import Workspace
from desktop.storage import measure_edits
from desktop.storage import plans as plan_store
from desktop.storage.measure_edits import EditRecord

__all__ = ["EditRecord"]


@dataclass(frozen=True)
class MeasureChange:
    """What a set of corrections changed: measures rewritten in place, added (split, add) and archived."""

    edited: tuple[MeasureId, ...] = ()
    added: tuple[MeasureId, ...] = ()
    removed: tuple[MeasureId, ...] = ()

    @property
    def rows_changed(self) -> bool:
        """Return True when measures came or went (the list is read again, not just the rows redrawn)."""
        return bool(self.added or self.removed)


def correct(ws: Workspace, measure_id: MeasureId, corrections: Sequence[Correction]) -> MeasureChange:
    """Make the clerk's corrections of one stored measure (编辑措施) in one transaction: all or none.

    Index 0 is the measure itself and index 1 the one after it in its plan (what 与下一项合并 joins).
    """
    stored_measure(ws, measure_id)  # an unknown id is refused before anything is written
    after = measure_edits.next_measure(ws.db, measure_id)
    ids = [measure_id] + ([after] if after is not None else [])
    with ws.db.atomic():
        return replay(ws, ids, plan_id=None, corrections=corrections)


def replay(
    ws: Workspace, ids: Sequence[MeasureId], *, plan_id: PlanId | None, corrections: Sequence[Correction]
) -> MeasureChange:
    """Make `corrections` on the stored measures `ids` (their indices), in order.

    The caller holds the transaction. `plan_id` is where an Add goes (None: none is expected).
    """
    changed: dict[str, list[MeasureId]] = {"edited": [], "added": [], "removed": []}
    ids = list(ids)
    for c in corrections:
        if isinstance(c, Edit):
            measure_edits.edit(ws.db, ids[c.index], edited(stored_measure(ws, ids[c.index]).measure, c))
            changed["edited"].append(ids[c.index])
        elif isinstance(c, MergeNext):
            merged_in = measure_edits.merge_next(ws.db, ids[c.index])  # refused on a plan's last measure
            changed["edited"].append(ids[c.index])
            changed["removed"].append(merged_in)
            ids.remove(merged_in)
        elif isinstance(c, Split):
            ids.insert(c.index + 1, measure_edits.split(ws.db, ids[c.index], c.at))
            changed["edited"].append(ids[c.index])
            changed["added"].append(ids[c.index + 1])
        elif isinstance(c, Add):
            if plan_id is None:
                raise ValueError("an Add needs the plan it goes into")
            after = ids[c.after] if c.after >= 0 else None
            new_id = measure_edits.add(ws.db, after_id=after, plan_id=plan_id, measure=c.measure)
            ids.insert(c.after + 1, new_id)
            changed["added"].append(new_id)
        else:
            measure_edits.remove(ws.db, ids[c.index])
            changed["removed"].append(ids.pop(c.index))
    return MeasureChange(**{kind: tuple(dict.fromkeys(found)) for kind, found in changed.items()})


def stored_measure(ws: Workspace, measure_id: MeasureId) -> plan_store.StoredMeasure:
    """Return a current measure by id."""
    found = plan_store.current_measure(ws.db, measure_id)
    if found is None:
        raise LuoshiError(ErrorCode.MEASURE_UNKNOWN, value=str(measure_id))
    return found


def plan_year(ws: Workspace, plan_id: PlanId) -> int | None:
    """Return the year a plan was issued in, for reading deadlines such as 年底前."""
    plan = plan_store.get_plan(ws.db, plan_id)
    return domain_plan_year(plan.issued_on, plan.doc_number) if plan else None


def unit_directory(ws: Workspace, plan_id: PlanId | None = None) -> list[str]:
    """Return the unit names a plan uses (every plan's when None), for the clerk to pick from."""
    measures = plan_store.current_measures(ws.db, plan_id=plan_id)
    return list(dict.fromkeys(u.name for s in measures for u in s.measure.units))


def corrected_measure(
    ws: Workspace,
    stored: plan_store.StoredMeasure,
    *,
    text: str | None = None,
    label: str | None = None,
    units: list[str] | None = None,
    leads: list[str] | None = None,
    deadline: str | None = None,
) -> Measure:
    """Return a stored measure with the fields the clerk gave (units by name, leads among them)."""
    measure = stored.measure
    if units is not None or leads is not None:
        names = units if units is not None else [u.name for u in measure.units]
        if leads is None and units is None:
            leads = []
        measure = replace(measure, units=units_from_names(names, leads))
    if deadline is not None:
        measure = replace(measure, deadlines=deadlines_from_text(deadline, plan_year(ws, stored.plan_id)))
    if text is not None:
        measure = replace(measure, text=text.strip())
    if label is not None:
        measure = replace(measure, label=label.strip())
    return measure


def edit_measure(ws: Workspace, measure_id: MeasureId, new: Measure) -> list[str]:
    """Store the clerk's corrected form of a measure; return the fields that changed."""
    return measure_edits.edit(ws.db, measure_id, new)


def merge_with_next(ws: Workspace, measure_id: MeasureId) -> MeasureId:
    """Join a measure with the next one (notes of both kept); return the id of the one merged in."""
    return measure_edits.merge_next(ws.db, measure_id)


def split_measure(ws: Workspace, measure_id: MeasureId, at: int) -> MeasureId:
    """Cut a measure's text at character `at` (notes stay with the first part); return the new id."""
    return measure_edits.split(ws.db, measure_id, at)


def add_measure(ws: Workspace, *, plan_id: PlanId, after_id: MeasureId | None, measure: Measure) -> MeasureId:
    """Add a measure the parser missed; return its id."""
    return measure_edits.add(ws.db, after_id=after_id, plan_id=plan_id, measure=measure)


def new_measure(
    ws: Workspace,
    *,
    plan_id: PlanId,
    after: plan_store.StoredMeasure | None,
    text: str,
    label: str = "",
    units: list[str] | None = None,
    leads: list[str] | None = None,
    deadline: str = "",
) -> Measure:
    """Return a measure typed by the clerk, in the chapter of the measure it follows."""
    return Measure(
        seq=0,
        label=label
        or added_label(s.measure.label for s in plan_store.current_measures(ws.db, plan_id=plan_id)),
        chapter=after.measure.chapter if after else "",
        section=after.measure.section if after else "",
        text=text.strip(),
        units=units_from_names(units or [], leads),
        deadlines=deadlines_from_text(deadline, plan_year(ws, plan_id)),
    )


def remove_measure(ws: Workspace, measure_id: MeasureId) -> None:
    """Archive a measure that is not one; it is never deleted."""
    measure_edits.remove(ws.db, measure_id)


def history(ws: Workspace, measure_id: MeasureId) -> list[EditRecord]:
    """Return the corrections made to a measure, oldest first."""
    return measure_edits.history(ws.db, measure_id)
