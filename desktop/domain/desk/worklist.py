"""The clerk's worklist as values: one item per measure for a period, the filter, the status-bar counts."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date

from desktop.domain.desk.lights import lights_for
from desktop.domain.desk.notes import NoteFields
from desktop.domain.ids import MeasureId, PlanId
from desktop.domain.terms import UNFILLED, Claim, Light, Role, Scope


@dataclass(frozen=True)
class WorkItem:
    """One measure as the desk shows it for a period."""

    measure_id: MeasureId
    uid: str
    plan_id: PlanId
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
    leaders: tuple[str, ...] = ()  # 责任领导 named by the plan (people, not units)
    claim: Claim | None = None  # the clerk's answer when the task reaches the unit only by category
    short_title: str = ""  # the clerk's 任务简称; empty: the default read from the text
    archived: bool = False  # its plan was archived (归档): shown only when chosen or found by a search
    plan_number: str = ""  # its plan's 发文字号, the short name the 方案 column shows
    matched: str = ""  # the name that gives it to the unit: the unit's own, or the category (各行业主管部门)
    changed_since_sent: bool = False  # 报送后已修改: its note differs from what was last sent for the period

    @property
    def unconfirmed(self) -> bool:
        """Return True for a task given to a category of the unit that the clerk has not confirmed yet."""
        return self.via_wildcard and self.claim is None

    @property
    def declined(self) -> bool:
        """Return True for a category task the clerk said is not the unit's."""
        return self.via_wildcard and self.claim is Claim.NOT_MINE

    @property
    def filled(self) -> bool:
        """Return True when this period's note has any text."""
        return self.note is not None and self.note.filled

    @property
    def unfilled(self) -> bool:
        """Return True when the clerk owes this period's note.

        A category task still to confirm, or declined, is not in the report, so it is never 未填.
        """
        return not self.filled and not self.unconfirmed and not self.declined


@dataclass(frozen=True)
class Filter:
    """What the clerk asked to see."""

    scope: Scope = Scope.MINE
    plans: frozenset[int] | None = None  # None: every plan (an archived one only through a search)
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
    unconfirmed: int = 0  # category tasks awaiting 确认属于本单位 / 不属于本单位


def with_note(item: WorkItem, note: NoteFields, *, today: date) -> WorkItem:
    """Return the item as it stands after its note was saved (status, filled and lights)."""
    lights = lights_for(due_on=item.due_on, standing=item.standing, note=note, today=today, start=item.start)
    return replace(item, note=note, lights=lights)


def in_scope(item: WorkItem, scope: Scope, has_unit: bool) -> bool:
    if scope is Scope.ALL or not has_unit:
        return True
    if item.declined:
        return False
    if scope is Scope.MINE:
        return item.role is not None
    return item.role is Role(scope.value)


def in_plans(item: WorkItem, plans: Collection[int] | None, *, searched: bool = False) -> bool:
    """Return True when `item` belongs to `plans`.

    None means every plan in use: an archived plan's items only when `searched` (they stay searchable).
    """
    return item.plan_id in plans if plans is not None else not item.archived or searched


def status_matches(item: WorkItem, status: str) -> bool:
    if status == UNFILLED:
        return item.unfilled
    return item.note is not None and item.note.status is not None and item.note.status.value == status


def select(
    items: list[WorkItem], wanted: Filter, *, has_unit: bool, hits: Collection[int] | None = None
) -> list[WorkItem]:
    """Return the items `wanted` lets through, in plan order; `hits` are the measure ids a search found."""
    return [
        item
        for item in items
        if in_scope(item, wanted.scope, has_unit)
        and in_plans(item, wanted.plans, searched=bool(wanted.text))
        and (wanted.chapter is None or item.chapter == wanted.chapter)
        and (wanted.status is None or status_matches(item, wanted.status))
        and (not wanted.warned_only or item.lights)
        and (hits is None or item.measure_id in hits)
    ]


def summarize(items: list[WorkItem]) -> Summary:
    """Return the counts for the status bar."""
    return Summary(
        total=len(items),
        unfilled=sum(i.unfilled for i in items),
        overdue=sum(Light.OVERDUE in i.lights for i in items),
        due_soon=sum(Light.DUE_SOON in i.lights for i in items),
        behind=sum(Light.BEHIND in i.lights for i in items),
        unconfirmed=sum(i.unconfirmed for i in items),
    )


def confirmed_only(items: list[WorkItem]) -> list[WorkItem]:
    """Return the items without the category tasks the clerk has not confirmed (reports leave them out)."""
    return [i for i in items if not i.unconfirmed and not i.declined]


def chapters(items: list[WorkItem]) -> list[str]:
    """Return the chapter names in plan order, each once."""
    return list(dict.fromkeys(i.chapter for i in items if i.chapter))
