"""Which backups to keep: every one of the last 7 days, then one a week for a month, then one a month for a year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

DAILY_DAYS, WEEKLY_DAYS, MONTHLY_DAYS = 7, 31, 366


def to_keep(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    """Return the backup times to keep; the newest is always kept, whatever its age."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(ordered[:1])
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for stamp in ordered:  # newest first: the newest of each week or month is the one kept
        age = now - stamp
        if age <= timedelta(days=DAILY_DAYS):
            keep.add(stamp)
        elif age <= timedelta(days=WEEKLY_DAYS):
            week = stamp.isocalendar()[:2]
            if week not in seen_weeks:
                seen_weeks.add(week)
                keep.add(stamp)
        elif age <= timedelta(days=MONTHLY_DAYS):
            month = (stamp.year, stamp.month)
            if month not in seen_months:
                seen_months.add(month)
                keep.add(stamp)
    return keep
