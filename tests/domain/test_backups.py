"""Which backups are kept: all of a week, one a week for a month, one a month for a year."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.domain.backups import to_keep

NOW = datetime(2026, 11, 25, 9, 0)


def test_thinning_keeps_days_then_weeks_then_months() -> None:
    stamps = [NOW - timedelta(hours=6 * i) for i in range(4 * 400)]  # four a day for 400 days
    kept = to_keep(stamps, NOW)
    recent = [s for s in kept if NOW - s <= timedelta(days=7)]
    assert len(recent) == len([s for s in stamps if NOW - s <= timedelta(days=7)])
    weekly = [s for s in kept if timedelta(days=7) < NOW - s <= timedelta(days=31)]
    assert len({s.isocalendar()[:2] for s in weekly}) == len(weekly) and 3 <= len(weekly) <= 5
    monthly = [s for s in kept if timedelta(days=31) < NOW - s <= timedelta(days=366)]
    assert len({(s.year, s.month) for s in monthly}) == len(monthly) and 11 <= len(monthly) <= 13
    assert not [s for s in kept if NOW - s > timedelta(days=366)]


def test_the_newest_backup_is_kept_however_old() -> None:
    old = NOW - timedelta(days=900)
    assert to_keep([old, old - timedelta(days=1)], NOW) == {old}
