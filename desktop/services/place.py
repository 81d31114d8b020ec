"""Where the clerk was (period, measure, filter), saved as they move so a crash reopens there."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop.services.workspace import Workspace
from desktop.storage import settings

PLACE = "desk.place"


@dataclass(frozen=True)
class Place:
    """The desk's position: period code, plan, measure uid, and the filter's fields.

    The search text is not part of it: a search left in the box made the desk reopen empty.
    """

    period: str = ""
    plan: int | None = None  # the chosen plan's id; 0 for 全部方案; None before the clerk chose one
    measure_uid: str = ""
    scope: str = ""
    chapter: str = ""
    status: str = ""
    warned_only: bool = False


def load_place(ws: Workspace) -> Place:
    """Return the saved position (an empty one when none or when it cannot be read)."""
    raw = settings.get(ws.db, PLACE, {})
    if not isinstance(raw, dict):
        return Place()
    known = {k: v for k, v in raw.items() if k in Place.__dataclass_fields__}
    try:
        return Place(**known)
    except TypeError:
        return Place()


def save_place(ws: Workspace, place: Place) -> None:
    """Remember the position."""
    settings.put(ws.db, PLACE, asdict(place))
