"""Category tasks: the clerk confirms that a task given to 各行业主管部门 (or the like) is the unit's, or not."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from desktop.domain.desk.assignment import assignment_for
from desktop.domain.desk.periods import Period
from desktop.domain.desk.worklist import WorkItem, in_plans
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.terms import Claim
from desktop.services import worklist as worklist_service
from desktop.services.notes import my_unit
from desktop.services.units import unit_identity
from desktop.services.workspace import Workspace
from desktop.storage import claims as claim_store
from desktop.storage import plans as plan_store


def category_tasks(
    ws: Workspace,
    period: Period,
    *,
    today: date,
    unconfirmed_only: bool = False,
    plans: Collection[int] | None = None,
) -> list[WorkItem]:
    """Return the tasks that reach 本单位 only through a category (those not yet answered, if asked).

    Of `plans`, or of every plan in use (an archived plan's only when it is named).
    """
    items = [
        i
        for i in worklist_service.load_worklist(ws, period, today=today)
        if i.via_wildcard and in_plans(i, plans)
    ]
    return [i for i in items if i.unconfirmed] if unconfirmed_only else items


def answer(ws: Workspace, answers: Mapping[MeasureId, Claim | None]) -> None:
    """Record the clerk's answers by measure id (None: ask again), in one transaction.

    Answers are kept per plan and measure uid, so a revision of the plan keeps them.
    """
    unit = my_unit(ws)
    if not unit:
        raise LuoshiError(ErrorCode.NO_UNIT)
    names, categories = unit_identity(ws, name=unit)
    keyed: dict[tuple[int, str], Claim | None] = {}
    for measure_id, claim in answers.items():
        stored = plan_store.current_measure(ws.db, measure_id)
        if stored is None:
            raise LuoshiError(ErrorCode.MEASURE_UNKNOWN, value=str(measure_id))
        found = assignment_for(stored.measure.units, names=names, categories=categories)
        if found is None or not found.via_wildcard:
            raise LuoshiError(
                ErrorCode.NOT_CATEGORY_TASK, value=stored.measure.label or str(stored.measure.seq)
            )
        keyed[(stored.plan_id, stored.uid)] = claim
    claim_store.set_claims(ws.db, unit=unit, answers=keyed)
