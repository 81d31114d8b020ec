"""The clerk's short titles (任务简称): set, cleared, and read for the desk, the report and the ledger."""

from __future__ import annotations

from desktop.domain.desk.headings import SHORT_TITLE_CHARS
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId
from desktop.services.workspace import Workspace
from desktop.storage import short_titles as store

# The clerk may write longer than the default's limit, but a heading is not a paragraph.
MAX_CHARS = 2 * SHORT_TITLE_CHARS


def short_titles(ws: Workspace) -> dict[int, str]:
    """Return the short titles the clerk has set, by measure id."""
    return store.short_titles(ws.db)


def set_short_title(ws: Workspace, *, measure_id: MeasureId, title: str) -> str:
    """Set a measure's short title (blank clears it, back to the default); returns what was stored.

    Raises LuoshiError for an unknown measure or a title longer than MAX_CHARS characters.
    """
    text = " ".join(title.split()).rstrip("。")
    if len(text) > MAX_CHARS:
        raise LuoshiError(ErrorCode.TITLE_TOO_LONG, value=str(len(text)), limit=MAX_CHARS)
    if not store.set_short_title(ws.db, measure_id=measure_id, title=text or None):
        raise LuoshiError(ErrorCode.MEASURE_UNKNOWN, value=str(measure_id))
    return text
