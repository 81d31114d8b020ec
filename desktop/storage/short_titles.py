"""The clerk's short titles (任务简称), kept on the measure so they outlive the plan's revisions."""

from __future__ import annotations

import sqlite_utils


def short_titles(db: sqlite_utils.Database) -> dict[int, str]:
    """Return every short title the clerk has set, by measure id."""
    rows = db.execute("SELECT id, short_title FROM measures WHERE short_title IS NOT NULL").fetchall()
    return {measure_id: title for measure_id, title in rows}


def set_short_title(db: sqlite_utils.Database, *, measure_id: int, title: str | None) -> bool:
    """Set (or, with None, clear) a measure's short title; return False when there is no such measure."""
    with db.atomic():
        cursor = db.execute("UPDATE measures SET short_title = ? WHERE id = ?", [title, measure_id])
    return cursor.rowcount == 1
