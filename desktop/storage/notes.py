"""Progress notes per measure, period and unit, with every saved revision kept."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desktop.domain.notes import NoteFields
from desktop.domain.terms import Status
from desktop.storage import char_index

_FIELDS = "progress, problems, next_steps, status, percent"


@dataclass(frozen=True)
class StoredNote:
    """A note as saved: its row id, where it belongs, and what it says."""

    note_id: int
    measure_id: int
    period: str
    unit: str
    fields: NoteFields
    updated_at: str


@dataclass(frozen=True)
class Revision:
    """One saved state of a note."""

    revision_id: int
    saved_at: str
    source: str
    fields: NoteFields


def _fields(row: Iterable[object]) -> NoteFields:
    progress, problems, next_steps, status, percent = row
    return NoteFields(
        progress=str(progress or ""),
        problems=str(problems or ""),
        next_steps=str(next_steps or ""),
        status=Status(str(status)) if status else None,
        percent=int(str(percent)) if percent is not None else None,
    )


def _values(fields: NoteFields) -> list[object]:
    status = fields.status.value if fields.status else None
    return [fields.progress, fields.problems, fields.next_steps, status, fields.percent]


def get_note(db: sqlite_utils.Database, *, measure_id: int, period: str, unit: str) -> StoredNote | None:
    """Return the note of a measure for a period and unit, if one was saved."""
    row = db.execute(
        f"SELECT id, {_FIELDS}, updated_at FROM notes WHERE measure_id = ? AND period = ? AND unit = ?",
        [measure_id, period, unit],
    ).fetchone()
    if row is None:
        return None
    return StoredNote(row[0], measure_id, period, unit, _fields(row[1:6]), row[6])


def save_note(
    db: sqlite_utils.Database,
    *,
    measure_id: int,
    period: str,
    period_end: str,
    unit: str,
    fields: NoteFields,
    session: str,
    source: str,
    now: datetime,
    coalesce_seconds: int,
    return_id: int | None = None,
) -> StoredNote:
    """Store `fields` and record the revision, in one transaction; unchanged text writes nothing.

    A note that came with a unit's return carries its `return_id` and stays out of the search index.

    Saves from the same editing session within `coalesce_seconds` of the last revision update that
    revision instead of adding one, so that autosave every second does not bury the history.
    """
    stamp = now.isoformat(timespec="seconds")
    existing = get_note(db, measure_id=measure_id, period=period, unit=unit)
    if existing is not None and existing.fields == fields:
        return existing
    with db.atomic():
        if existing is None:
            cursor = db.execute(
                f"""INSERT INTO notes (measure_id, period, period_end, unit, {_FIELDS}, updated_at, return_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [measure_id, period, period_end, unit, *_values(fields), stamp, return_id],
            )
            note_id = int(cursor.lastrowid or 0)
        else:
            note_id = existing.note_id
            db.execute(
                """UPDATE notes SET progress = ?, problems = ?, next_steps = ?, status = ?, percent = ?,
                   updated_at = ?, return_id = ? WHERE id = ?""",
                [*_values(fields), stamp, return_id, note_id],
            )
        if return_id is None:
            char_index.reindex(db, measure_id)
        last = db.execute(
            "SELECT id, saved_at, session, source FROM note_revisions WHERE note_id = ? ORDER BY id DESC LIMIT 1",
            [note_id],
        ).fetchone()
        if (
            last is not None
            and session
            and last[2] == session
            and last[3] == source
            and (now - datetime.fromisoformat(last[1])).total_seconds() < coalesce_seconds
        ):
            db.execute(
                """UPDATE note_revisions SET saved_at = ?, progress = ?, problems = ?, next_steps = ?,
                   status = ?, percent = ? WHERE id = ?""",
                [stamp, *_values(fields), last[0]],
            )
        else:
            db.execute(
                f"""INSERT INTO note_revisions (note_id, saved_at, session, source, {_FIELDS})
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [note_id, stamp, session, source, *_values(fields)],
            )
    return StoredNote(note_id, measure_id, period, unit, fields, stamp)


def previous_note(db: sqlite_utils.Database, *, measure_id: int, unit: str, before: str) -> StoredNote | None:
    """Return the latest note with something written for a period that ended before `before`."""
    row = db.execute(
        f"""SELECT id, period, {_FIELDS}, updated_at FROM notes
            WHERE measure_id = ? AND unit = ? AND period_end < ?
              AND (progress != '' OR problems != '' OR next_steps != '')
            ORDER BY period_end DESC, id DESC LIMIT 1""",
        [measure_id, unit, before],
    ).fetchone()
    if row is None:
        return None
    return StoredNote(row[0], measure_id, row[1], unit, _fields(row[2:7]), row[7])


def notes_for_period(db: sqlite_utils.Database, *, period: str, unit: str) -> dict[int, NoteFields]:
    """Return every note of a period and unit, by measure id."""
    rows = db.execute(
        f"SELECT measure_id, {_FIELDS} FROM notes WHERE period = ? AND unit = ?", [period, unit]
    )
    return {row[0]: _fields(row[1:]) for row in rows}


def revisions(db: sqlite_utils.Database, *, note_id: int) -> list[Revision]:
    """Return a note's revisions, newest first."""
    rows = db.execute(
        f"SELECT id, saved_at, source, {_FIELDS} FROM note_revisions WHERE note_id = ? ORDER BY id DESC",
        [note_id],
    )
    return [Revision(r[0], r[1], r[2], _fields(r[3:])) for r in rows]


def revision(db: sqlite_utils.Database, *, revision_id: int) -> tuple[int, Revision] | None:
    """Return the note id and the revision with this id."""
    r = db.execute(
        f"SELECT note_id, id, saved_at, source, {_FIELDS} FROM note_revisions WHERE id = ?", [revision_id]
    ).fetchone()
    return (r[0], Revision(r[1], r[2], r[3], _fields(r[4:]))) if r else None


def notes_of_period(db: sqlite_utils.Database, *, period: str) -> dict[tuple[int, str], NoteFields]:
    """Return every unit's notes of a period, by (measure id, unit)."""
    rows = db.execute(f"SELECT measure_id, unit, {_FIELDS} FROM notes WHERE period = ?", [period])
    return {(row[0], row[1]): _fields(row[2:]) for row in rows}
