"""Evidence files (佐证材料) recorded against a note; the files themselves live beside the database."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class AttachmentRow:
    """One attached file: its shown name, content hash and where the copy is stored."""

    attachment_id: int
    note_id: int
    name: str
    sha256: str
    size: int
    stored: str
    added_at: str


def add(
    db: sqlite_utils.Database, *, note_id: int, name: str, sha256: str, size: int, stored: str, added_at: str
) -> AttachmentRow:
    """Record an attached file; the same content under the same name is recorded once."""
    row = db.execute(
        "SELECT id, added_at FROM attachments WHERE note_id = ? AND sha256 = ? AND name = ? AND removed_at IS NULL",
        [note_id, sha256, name],
    ).fetchone()
    if row is not None:
        return AttachmentRow(row["id"], note_id, name, sha256, size, stored, row["added_at"])
    with db.atomic():
        cursor = db.execute(
            """INSERT INTO attachments (note_id, name, sha256, size, stored, added_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [note_id, name, sha256, size, stored, added_at],
        )
    return AttachmentRow(int(cursor.lastrowid or 0), note_id, name, sha256, size, stored, added_at)


def for_note(db: sqlite_utils.Database, *, note_id: int) -> list[AttachmentRow]:
    """Return the files attached to a note, oldest first."""
    rows = db.execute(
        """SELECT id, note_id, name, sha256, size, stored, added_at FROM attachments
           WHERE note_id = ? AND removed_at IS NULL ORDER BY id""",
        [note_id],
    )
    return [AttachmentRow(*r) for r in rows]


def remove(db: sqlite_utils.Database, *, attachment_id: int, removed_at: str) -> None:
    """Mark an attachment as removed; the stored copy is kept (the history may name it)."""
    with db.atomic():
        db.execute("UPDATE attachments SET removed_at = ? WHERE id = ?", [removed_at, attachment_id])
