"""Where the clerk is on the desk, apart from the widgets that show it.

The worklist of the chosen period, the plans and filter shown, the chosen measure, and the one guard every
move passes: the note in the editor is saved first, or the clerk stays where they are. No Qt here: the
desk's widgets (desktop.ui.desk_view) tell it what the clerk chose and show what it holds, and tests
drive it without a window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.desk.worklist import Filter, Summary, WorkItem, chapters, summarize, with_note
from desktop.domain.errors import LuoshiError
from desktop.domain.ids import MeasureId
from desktop.services import periods as period_service
from desktop.services import worklist as worklist_service
from desktop.services.place import Place, load_place, save_place
from desktop.services.workspace import Workspace


class DeskState:
    """The desk's worklist and position; `may_leave()` is asked before the note in the editor changes."""

    def __init__(self, ws: Workspace, *, today: date, leave_note: Callable[[], bool]) -> None:
        """Keep the desk of `ws` as of `today`; `leave_note` saves the note or says why it cannot."""
        self.ws = ws
        self.today = today
        self._leave_note = leave_note
        self.items: list[WorkItem] = []
        self.period: Period | None = None
        self.plan_choice: int | None = None  # the plan chooser's value: a plan's id, ALL_PLANS or None
        self.plan_ids: list[int] = []  # the plans shown: the chosen one, or every plan in use
        self.filter = Filter()  # the filter bar's filter, before the plan is added to it
        self.measure_uid = ""

    @property
    def chosen_plan(self) -> int | None:
        """Return the chosen plan's id; None for 全部方案 or when there is no plan."""
        return self.plan_choice or None

    # ---- the guard --------------------------------------------------------------------------------
    def may_leave(self) -> bool:
        """Save the note in the editor; False when it cannot be saved yet (the clerk was told): stay."""
        return self._leave_note()

    # ---- the worklist -----------------------------------------------------------------------------
    def saved_place(self) -> Place:
        """Return where the clerk was when the desk last closed."""
        return load_place(self.ws)

    def offered_periods(self) -> tuple[list[Period], Period]:
        """Return the periods to offer and the one to choose when none was saved."""
        return period_service.offered_periods(self.ws, today=self.today)

    def load(self, period: Period) -> None:
        """Read the worklist of `period` (every plan: the plan shown is a filter)."""
        self.period = period
        self.items = worklist_service.load_worklist(self.ws, period, today=self.today)

    def due(self) -> date:
        """Return the date the chosen period's report is due."""
        assert self.period is not None, "load a period first"
        return period_service.get_schedule(self.ws).due(self.period)

    def task_counts(self) -> dict[int, int]:
        """Return the clerk's tasks in each plan (declined category tasks left out)."""
        counts: dict[int, int] = {}
        for item in self.items:
            if item.role is not None and not item.declined:
                counts[item.plan_id] = counts.get(item.plan_id, 0) + 1
        return counts

    def plan_items(self) -> list[WorkItem]:
        """Return the items of the plans shown."""
        shown = set(self.plan_ids)
        return [item for item in self.items if item.plan_id in shown]

    def chapters(self) -> list[str]:
        """Return the chapters of the plans shown, in plan order."""
        return chapters(self.plan_items())

    def wanted(self) -> Filter:
        """Return the filter bar's filter within the chosen plan (全部方案: every plan in use)."""
        plans = frozenset([self.chosen_plan]) if self.chosen_plan is not None else None
        return replace(self.filter, plans=plans)

    def shown(self) -> list[WorkItem]:
        """Return the items the filter lets through, in plan order."""
        return worklist_service.apply_filter(self.ws, self.items, self.wanted())

    def summary(self) -> Summary:
        """Return the status bar's counts: the clerk's tasks in the plans shown, whatever the filter."""
        every = replace(self.wanted(), chapter=None, status=None, warned_only=False, text="")
        return summarize(worklist_service.apply_filter(self.ws, self.items, every))

    # ---- what changed -----------------------------------------------------------------------------
    def note_saved(self, measure_id: MeasureId, fields: NoteFields) -> WorkItem | None:
        """Return the measure's item as it stands with its saved note (status, 已填, lights)."""
        for index, item in enumerate(self.items):
            if item.measure_id == measure_id:
                self.items[index] = with_note(item, fields.normalized(), today=self.today)
                return self.items[index]
        return None

    def refresh(self, measure_ids: Collection[int]) -> list[WorkItem]:
        """Read the items of `measure_ids` again (edited in place) and return them."""
        assert self.period is not None, "load a period first"
        fresh = {
            item.measure_id: item
            for item in worklist_service.load_worklist(
                self.ws, self.period, today=self.today, only=set(measure_ids)
            )
        }
        self.items = [fresh.get(item.measure_id, item) for item in self.items]
        return [item for item in self.items if item.measure_id in fresh]

    # ---- the place --------------------------------------------------------------------------------
    def place(self) -> Place:
        """Return where the clerk is now."""
        return Place(
            period=self.period.code if self.period else "",
            plan=self.plan_choice,
            measure_uid=self.measure_uid,
            scope=self.filter.scope.value,
            chapter=self.filter.chapter or "",
            status=self.filter.status or "",
            warned_only=self.filter.warned_only,
        )

    def save_place(self) -> None:
        """Write where the clerk is, so a crash or the next start reopens there."""
        with contextlib.suppress(LuoshiError):  # the place is a convenience; note saves report faults
            save_place(self.ws, self.place())
