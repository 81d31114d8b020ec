"""Write, read, restore and compare the clerk's progress notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.domain.desk.notes import NoteFields, copied_fields
from desktop.domain.desk.periods import Period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.terms import NoteSource
from desktop.services.units import MY_UNIT
from desktop.services.workspace import Workspace
from desktop.storage import notes as note_store
from desktop.storage import settings
from desktop.storage.notes import Revision as Revision
from desktop.storage.notes import StoredNote as StoredNote

# Autosaves of one editing visit within this many seconds share one revision in the history.
COALESCE_SECONDS = 300


@dataclass(frozen=True)
class NoteKey:
    """Which note: a measure, a period and the unit writing it."""

    measure_id: MeasureId
    period: Period
    unit: str


def my_unit(ws: Workspace) -> str:
    """Return the clerk's unit, or '' when none is set yet (notes are still kept)."""
    return str(settings.get(ws.db, MY_UNIT) or "")


def key_for(ws: Workspace, measure_id: MeasureId, period: Period) -> NoteKey:
    """Return the key of the clerk's own note on a measure for a period."""
    return NoteKey(measure_id, period, my_unit(ws))


def get_note(ws: Workspace, key: NoteKey) -> StoredNote | None:
    """Return the saved note, if any."""
    return note_store.get_note(ws.db, measure_id=key.measure_id, period=key.period.code, unit=key.unit)


def previous_note(ws: Workspace, key: NoteKey) -> StoredNote | None:
    """Return the last note written for an earlier period (上期), of any rhythm."""
    return note_store.previous_note(
        ws.db, measure_id=key.measure_id, unit=key.unit, before=key.period.start.isoformat()
    )


def save_note(
    ws: Workspace,
    key: NoteKey,
    fields: NoteFields,
    *,
    session: str = "",
    source: NoteSource | str = NoteSource.EDITOR,
    now: datetime | None = None,
) -> StoredNote:
    """Save a note durably (one transaction, synchronous=FULL); an unchanged note writes nothing."""
    return note_store.save_note(
        ws.db,
        measure_id=key.measure_id,
        period=key.period.code,
        period_end=key.period.end.isoformat(),
        unit=key.unit,
        fields=fields.normalized(),
        session=session,
        source=source,
        now=now or datetime.now().astimezone(),
        coalesce_seconds=COALESCE_SECONDS,
    )


def history(ws: Workspace, key: NoteKey) -> list[Revision]:
    """Return every saved revision of the note, newest first."""
    note = get_note(ws, key)
    if note is None:
        return []
    return note_store.revisions(ws.db, note_id=note.note_id)


def restore(ws: Workspace, key: NoteKey, revision_id: int) -> StoredNote:
    """Make an old revision the note's text again; it is saved as a new revision, nothing is lost."""
    note = get_note(ws, key)
    found = note_store.revision(ws.db, revision_id=revision_id)
    if note is None or found is None or found[0] != note.note_id:
        raise LuoshiError(ErrorCode.REVISION_UNKNOWN, value=str(revision_id))
    return save_note(ws, key, found[1].fields, source=NoteSource.RESTORE)


def copy_warnings(ws: Workspace, key: NoteKey, fields: NoteFields) -> list[str]:
    """Return the fields that repeat last period's note unchanged (照抄上期)."""
    previous = previous_note(ws, key)
    return copied_fields(fields, previous.fields if previous else None)
