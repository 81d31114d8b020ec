"""List measures, all or those assigned to a unit (named, or through a wildcard category)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.desk.assignment import Assignment, assignment_for
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import Claim, Role
from desktop.domain.text import label_key
from desktop.services import plans as plan_service
from desktop.services.messages import text as words
from desktop.services.units import unit_identity
from desktop.services.workspace import Workspace
from desktop.storage import claims as claim_store
from desktop.storage import plans as plan_store


@dataclass(frozen=True)
class MeasureView:
    """A stored measure and, when a unit was asked for, how it is assigned to that unit."""

    stored: plan_store.StoredMeasure
    assignment: Assignment | None
    claim: Claim | None = None  # the unit's answer when the assignment is only by category

    @property
    def unconfirmed(self) -> bool:
        """Return True for a category task the unit has not answered yet."""
        return self.assignment is not None and self.assignment.via_wildcard and self.claim is None


@dataclass(frozen=True)
class TaskCount:
    """A unit's tasks as the desk counts them: by role, and how many reach it only through a category."""

    lead: int
    support: int
    by_category: int


def count_tasks(ws: Workspace, *, unit: str, categories: list[str]) -> TaskCount:
    """Count the tasks the desk will list for `unit` with `categories` (declined category tasks left out)."""
    views = [v for v in list_measures(ws, unit=unit, categories=categories) if v.claim is not Claim.NOT_MINE]
    return TaskCount(
        lead=sum(v.assignment is not None and v.assignment.role is Role.LEAD for v in views),
        support=sum(v.assignment is not None and v.assignment.role is Role.SUPPORT for v in views),
        by_category=sum(v.unconfirmed for v in views),
    )


def list_measures(
    ws: Workspace, *, unit: str | None = None, categories: list[str] | None = None
) -> list[MeasureView]:
    """Return current measures; with `unit`, only those assigned to it (wildcards by category)."""
    stored = plan_store.current_measures(ws.db)
    if unit is None:
        return [MeasureView(s, None) for s in stored]
    names, known_categories = unit_identity(ws, name=unit)
    wanted = set(categories) if categories is not None else known_categories
    claims = claim_store.claims_for(ws.db, unit=unit)
    views = []
    for s in stored:
        found = assignment_for(s.measure.units, names=names, categories=wanted)
        if found is not None:
            claim = claims.get((s.plan_id, s.uid)) if found.via_wildcard else None
            views.append(MeasureView(s, found, claim))
    return views


def _candidate(stored: plan_store.StoredMeasure) -> str:
    text = stored.measure.text
    return words("candidate", seq=stored.measure.seq, label=stored.measure.label, text=text[:16]) + (
        "…" if len(text) > 16 else ""
    )


def find_measure(ws: Workspace, ref: str, *, plan: str | int | None = None) -> plan_store.StoredMeasure:
    """Return the current measure a clerk names, in the plan `plan` names (see plans.resolve_plan).

    `ref` is the plan's own label (3, （一）, 1（1）) or '#12' for the running number (序号) the desk and the
    ledger show. Never a guess: an unknown label, a label two measures share, or no plan while several are
    in use is refused (LuoshiError) with the candidates, and nothing is written.
    """
    chosen = plan_service.resolve_plan(ws, plan)
    measures = plan_store.current_measures(ws.db, plan_id=chosen.id)
    text = ref.strip()
    where = words("in_plan", plan=plan_service.describe(chosen))
    if text.startswith(("#", "＃")):
        number = text[1:].strip()
        found = [s for s in measures if number.isdigit() and s.measure.seq == int(number)]
    else:
        wanted = label_key(text)
        found = [s for s in measures if label_key(s.measure.label) == wanted] or [
            s for s in measures if s.uid == text
        ]
    if len(found) == 1:
        return found[0]
    if found:
        raise LuoshiError(ErrorCode.MEASURE_AMBIGUOUS, value=ref, candidates=[_candidate(s) for s in found])
    raise LuoshiError(ErrorCode.MEASURE_UNKNOWN, value=ref, where=where)
