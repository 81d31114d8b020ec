"""Status lights computed on the PC: due soon, overdue, and behind 序时进度."""

from __future__ import annotations

from datetime import date

from desktop.domain.desk.notes import NoteFields
from desktop.domain.terms import Light, Status

DUE_SOON_DAYS = 7


def elapsed_share(start: date, due: date, today: date) -> float:
    """Return the share of the time from `start` to `due` that has passed by `today` (0–1)."""
    total = (due - start).days
    if total <= 0:
        return 1.0 if today >= due else 0.0
    return max(0.0, min(1.0, (today - start).days / total))


def lights_for(
    *,
    due_on: date | None,
    standing: bool,
    note: NoteFields | None,
    today: date,
    start: date | None = None,
) -> frozenset[Light]:
    """Return the lights of one measure.

    A standing task (持续推进) and a finished one never light up by date. A measure is behind when
    the clerk says so (滞后), or when it has a dated deadline and the share of time elapsed since
    `start` has passed the share done it reports (a measure reported as 未启动 counts as 0 % done;
    with no share and no such status the arithmetic is not attempted).
    """
    status = note.status if note else None
    if status is Status.DONE:
        return frozenset()
    found: set[Light] = set()
    if status is Status.BEHIND:
        found.add(Light.BEHIND)
    if due_on is None or standing or status is Status.STANDING:
        return frozenset(found)
    days_left = (due_on - today).days
    if days_left < 0:
        found.add(Light.OVERDUE)
        return frozenset(found)
    if days_left <= DUE_SOON_DAYS:
        found.add(Light.DUE_SOON)
    share_done: float | None = None
    if note is not None and note.percent is not None:
        share_done = note.percent / 100
    elif status is Status.NOT_STARTED:
        share_done = 0.0
    begin = start or date(due_on.year, 1, 1)
    if share_done is not None and begin < due_on and elapsed_share(begin, due_on, today) > share_done:
        found.add(Light.BEHIND)
    return frozenset(found)
