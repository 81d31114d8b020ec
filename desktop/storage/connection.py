"""Open the database file with WAL, foreign keys and full sync, and migrate it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.storage.errors import translated
from desktop.storage.migrations import migrate

if TYPE_CHECKING:
    import sqlite_utils


def open_database(path: Path) -> sqlite_utils.Database:
    """Return an open, migrated database at `path`, creating the file and its folder if needed."""
    import sqlite_utils  # imported on first open: the window paints before it is needed

    name = str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LuoshiError(ErrorCode.DB_ERROR, path=name, kind="cannot_open", detail=str(exc)) from None
    with translated(name):
        conn = sqlite3.connect(name, timeout=5.0)
        try:
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            migrate(db, path=name)
        except BaseException:
            conn.close()
            raise
    return db
