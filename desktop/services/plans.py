"""The stored plans: listing, choosing one by id or 文号, archiving (归档) and restoring.

Reading a plan file: services.reading; importing it: services.imports.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import PlanId
from desktop.domain.parsing.front_matter import normalise_doc_number
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store

ALL_PLANS = 0  # the desk's 全部方案 view


@dataclass(frozen=True)
class PlanChoice:
    """A plan as the chooser offers it: the plan and how many of its tasks are the clerk's unit's."""

    plan: plan_store.PlanRow
    mine: int

    @property
    def label(self) -> str:
        """Return '《title》（文号）'."""
        return plan_label(self.plan.title, self.plan.doc_number)


def list_plans(ws: Workspace, *, archived: bool | None = None) -> list[plan_store.PlanRow]:
    """Return the stored plans with their current version (`archived`: only those, or only the others)."""
    plans = plan_store.list_plans(ws.db)
    return plans if archived is None else [p for p in plans if p.archived is archived]


def plan_label(title: str, doc_number: str | None) -> str:
    """Return how a plan is cited: '《title》（文号）', or '《title》' without a 文号."""
    return f"《{title}》" + (f"（{doc_number}）" if doc_number else "")


def describe(plan: plan_store.PlanRow) -> str:
    """Return how a plan is named in messages: 'id：《title》（文号）'."""
    return f"{plan.id}：{plan_label(plan.title, plan.doc_number)}"


def resolve_plan(ws: Workspace, ref: str | int | None) -> plan_store.PlanRow:
    """Return the plan `ref` names (its id, or its 发文字号); with no `ref`, the only plan not archived.

    Never a guess: an unknown reference, or no reference while several plans are in use, is refused with
    the candidates listed (LuoshiError PLAN_UNKNOWN / NEEDS_PLAN).
    """
    plans = plan_store.list_plans(ws.db)
    if not plans:
        raise LuoshiError(ErrorCode.NO_PLAN)
    if ref is None or str(ref).strip() == "":
        active = [p for p in plans if not p.archived]
        if len(active) == 1:
            return active[0]
        raise LuoshiError(ErrorCode.NEEDS_PLAN, plans=[describe(p) for p in active or plans])
    text = str(ref).strip()
    if text.isdigit():
        found = [p for p in plans if p.id == int(text)]
    else:
        found = [
            p
            for p in plans
            if p.doc_number and normalise_doc_number(p.doc_number) == normalise_doc_number(text)
        ]
    if len(found) == 1:
        return found[0]
    raise LuoshiError(ErrorCode.PLAN_UNKNOWN, value=text, plans=[describe(p) for p in (found or plans)])


def choices(ws: Workspace, mine: dict[int, int]) -> list[PlanChoice]:
    """Return the plans in use (not archived), newest first, with the clerk's task count of each.

    `mine`: plan id -> the clerk's tasks in it (from the worklist the desk has already read).
    """
    active = [p for p in plan_store.list_plans(ws.db) if not p.archived]
    return [PlanChoice(p, mine.get(p.id, 0)) for p in reversed(active)]


def set_archived(ws: Workspace, plan_id: PlanId, archived: bool) -> plan_store.PlanRow:
    """Archive a finished plan (归档) or restore it; return it as it now stands."""
    if not plan_store.set_archived(ws.db, plan_id, archived):
        raise LuoshiError(ErrorCode.PLAN_UNKNOWN, value=str(plan_id), plans=[])
    found = plan_store.get_plan(ws.db, plan_id)
    assert found is not None
    return found
