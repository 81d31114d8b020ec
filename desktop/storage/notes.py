"""Progress notes per measure, period and unit, with every saved revision kept."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desktop.domain.desk.notes import NoteFields
from desktop.domain.ids import MeasureId
from desktop.domain.terms import NoteSource, Status
from desktop.storage import char_index

_FIELDS = "progress, problems, next_steps, status, percent"


@dataclass(frozen=True)
class StoredNote:
    """A note as saved: its row id, where it belongs, and what it says."""

    note_id: int
    measure_id: MeasureId
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


def _fields(row: sqlite3.Row) -> NoteFields:
    """Return the note fields of a row that selected _FIELDS."""
    return NoteFields(
        progress=str(row["progress"] or ""),
        problems=str(row["problems"] or ""),
        next_steps=str(row["next_steps"] or ""),
        status=Status(str(row["status"])) if row["status"] else None,
        percent=int(row["percent"]) if row["percent"] is not None else None,
    )


def _values(fields: NoteFields) -> list[object]:
    status = fields.status.value if fields.status else None
    return [fields.progress, fields.problems, fields.next_steps, status, fields.percent]


def get_note(
    db: sqlite_utils.Database, *, measure_id: MeasureId, period: str, unit: str
) -> StoredNote | None:
    """Return the note of a measure for a period and unit, if one was saved."""
    row = db.execute(
        f"SELECT id, {_FIELDS}, updated_at FROM notes WHERE measure_id = ? AND period = ? AND unit = ?",
        [measure_id, period, unit],
    ).fetchone()
    if row is None:
        return None
    return StoredNote(row["id"], measure_id, period, unit, _fields(row), row["updated_at"])


def save_note(
    db: sqlite_utils.Database,
    *,
    measure_id: MeasureId,
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
            _rewrite(db, note_id, fields, stamp, return_id=return_id)
        if return_id is None:
            char_index.reindex(db, measure_id)
        last = db.execute(
            "SELECT id, saved_at, session, source FROM note_revisions WHERE note_id = ? ORDER BY id DESC LIMIT 1",
            [note_id],
        ).fetchone()
        if (
            last is not None
            and session
            and last["session"] == session
            and last["source"] == source
            and (now - datetime.fromisoformat(last["saved_at"])).total_seconds() < coalesce_seconds
        ):
            db.execute(
                """UPDATE note_revisions SET saved_at = ?, progress = ?, problems = ?, next_steps = ?,
                   status = ?, percent = ? WHERE id = ?""",
                [stamp, *_values(fields), last["id"]],
            )
        else:
            _add_revision(db, note_id, fields, stamp, session=session, source=source)
    return StoredNote(note_id, measure_id, period, unit, fields, stamp)


def _rewrite(
    db: sqlite_utils.Database, note_id: int, fields: NoteFields, stamp: str, *, return_id: int | None
) -> None:
    db.execute(
        """UPDATE notes SET progress = ?, problems = ?, next_steps = ?, status = ?, percent = ?,
           updated_at = ?, return_id = ? WHERE id = ?""",
        [*_values(fields), stamp, return_id, note_id],
    )


def _add_revision(
    db: sqlite_utils.Database, note_id: int, fields: NoteFields, stamp: str, *, session: str, source: str
) -> None:
    db.execute(
        f"""INSERT INTO note_revisions (note_id, saved_at, session, source, {_FIELDS})
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [note_id, stamp, session, source, *_values(fields)],
    )


def merge_into(db: sqlite_utils.Database, *, source: MeasureId, target: MeasureId, now: datetime) -> None:
    """Give measure `target` the notes of measure `source` (two measures merged into one).

    A note of a period and unit only `source` has moves over whole. Where both have one, the texts are
    joined, the newer first, the newer one's status kept, and the result saved as a revision ('merge').
    """
    stamp = now.isoformat(timespec="seconds")
    rows = db.execute(
        f"SELECT id, period, unit, {_FIELDS}, updated_at, return_id FROM notes WHERE measure_id = ?", [source]
    ).fetchall()
    for row in rows:
        mine = get_note(db, measure_id=target, period=row["period"], unit=row["unit"])
        if mine is None:
            db.execute("UPDATE notes SET measure_id = ? WHERE id = ?", [target, row["id"]])
            continue
        theirs = _fields(row)
        newer, older = (theirs, mine.fields) if row["updated_at"] > mine.updated_at else (mine.fields, theirs)
        joined = NoteFields(
            progress="\n".join(t for t in (newer.progress, older.progress) if t),
            problems="\n".join(t for t in (newer.problems, older.problems) if t),
            next_steps="\n".join(t for t in (newer.next_steps, older.next_steps) if t),
            status=newer.status,
            percent=newer.percent,
        )
        _rewrite(db, mine.note_id, joined, stamp, return_id=None)
        _add_revision(db, mine.note_id, joined, stamp, session="", source=NoteSource.MERGE)
    char_index.reindex(db, target)


def previous_note(
    db: sqlite_utils.Database, *, measure_id: MeasureId, unit: str, before: str
) -> StoredNote | None:
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
    return StoredNote(row["id"], measure_id, row["period"], unit, _fields(row), row["updated_at"])


def notes_of_unit(db: sqlite_utils.Database, *, period: str, unit: str) -> dict[MeasureId, NoteFields]:
    """Return every note of a period and unit, by measure id."""
    rows = db.execute(
        f"SELECT measure_id, {_FIELDS} FROM notes WHERE period = ? AND unit = ?", [period, unit]
    )
    return {MeasureId(row["measure_id"]): _fields(row) for row in rows}


def revisions(db: sqlite_utils.Database, *, note_id: int) -> list[Revision]:
    """Return a note's revisions, newest first."""
    rows = db.execute(
        f"SELECT id, saved_at, source, {_FIELDS} FROM note_revisions WHERE note_id = ? ORDER BY id DESC",
        [note_id],
    )
    return [Revision(r["id"], r["saved_at"], r["source"], _fields(r)) for r in rows]


def revision(db: sqlite_utils.Database, *, revision_id: int) -> tuple[int, Revision] | None:
    """Return the note id and the revision with this id."""
    r = db.execute(
        f"SELECT note_id, id, saved_at, source, {_FIELDS} FROM note_revisions WHERE id = ?", [revision_id]
    ).fetchone()
    return (r["note_id"], Revision(r["id"], r["saved_at"], r["source"], _fields(r))) if r else None


def notes_of_every_unit(db: sqlite_utils.Database, *, period: str) -> dict[tuple[int, str], NoteFields]:
    """Return every unit's notes of a period, by (measure id, unit)."""
    rows = db.execute(f"SELECT measure_id, unit, {_FIELDS} FROM notes WHERE period = ?", [period])
    return {(row["measure_id"], row["unit"]): _fields(row) for row in rows}


def latest_revisions(db: sqlite_utils.Database, *, period: str, unit: str) -> dict[MeasureId, int]:
    """Return the id of each note's latest revision for a period and unit, by measure id."""
    rows = db.execute(
        """SELECT n.measure_id, max(r.id) AS revision FROM notes n JOIN note_revisions r ON r.note_id = n.id
           WHERE n.period = ? AND n.unit = ? GROUP BY n.measure_id""",
        [period, unit],
    )
    return {MeasureId(row["measure_id"]): int(row["revision"]) for row in rows}
