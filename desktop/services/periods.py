"""The reporting rhythm, the periods offered to the clerk and the one chosen by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.desk.periods import (
    DEFAULT_DUE_DAYS,
    Period,
    Rhythm,
    current_period,
    parse_period,
    periods_between,
)
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from desktop.storage import settings

RHYTHM = "profile.rhythm"
DUE_DAYS = "profile.due_days"


@dataclass(frozen=True)
class Schedule:
    """How often the unit reports and how many days after a period ends the report is due."""

    rhythm: Rhythm
    due_days: int

    def due(self, period: Period) -> date:
        """Return the due date of a period's report."""
        return period.due(self.due_days)


def get_schedule(ws: Workspace) -> Schedule:
    """Return the saved reporting rhythm (quarterly unless set)."""
    rhythm = settings.get(ws.db, RHYTHM, Rhythm.QUARTER.value)
    due_days = settings.get(ws.db, DUE_DAYS, DEFAULT_DUE_DAYS)
    return Schedule(Rhythm(rhythm) if rhythm in set(Rhythm) else Rhythm.QUARTER, int(due_days))


def set_schedule(ws: Workspace, *, rhythm: Rhythm, due_days: int | None = None) -> Schedule:
    """Save the reporting rhythm (and the days allowed after a period ends)."""
    settings.put(ws.db, RHYTHM, rhythm.value)
    if due_days is not None:
        settings.put(ws.db, DUE_DAYS, max(0, min(60, due_days)))
    return get_schedule(ws)


def require_period(code: str | None) -> Period:
    """Return the period a code names, or refuse it (or its absence) with a message naming the accepted forms."""
    period = parse_period(code or "")
    if period is None:
        raise LuoshiError(ErrorCode.BAD_PERIOD, value=code)
    return period


def _first_year(ws: Workspace, today: date) -> int:
    year = plan_store.first_issue_year(ws.db) or today.year
    return min(year, today.year)


def offered_periods(ws: Workspace, *, today: date) -> tuple[list[Period], Period]:
    """Return the periods to choose from (plan year to this year's end) and the default one."""
    schedule = get_schedule(ws)
    periods = periods_between(date(_first_year(ws, today), 1, 1), date(today.year, 12, 31), schedule.rhythm)
    chosen = current_period(today, schedule.rhythm)
    if chosen not in periods:
        periods.append(chosen)
    return sorted(periods), chosen
