"""Open the database file with WAL, foreign keys and full sync, and migrate it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.storage.backup import copy_database, path_for
from desktop.storage.errors import TranslatingConnection, translated
from desktop.storage.migrations import SCHEMA_VERSION, migrate, user_version

Database = sqlite_utils.Database  # what services hold: the layer above never imports sqlite-utils itself


def open_database(path: Path) -> sqlite_utils.Database:
    """Return an open, migrated database at `path`, creating the file and its folder if needed."""
    name = str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LuoshiError(ErrorCode.DB_ERROR, path=name, kind="cannot_open", detail=str(exc)) from None
    with translated(name):
        conn = sqlite3.connect(name, timeout=5.0, factory=TranslatingConnection)
        conn.path = name
        conn.row_factory = sqlite3.Row  # rows are read by column name (an index still works)
        try:
            # no plugins: none is ever wanted here, and looking for them scans every installed package
            db = sqlite_utils.Database(conn, execute_plugins=False)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            found = user_version(db)
            if 0 < found < SCHEMA_VERSION:  # a copy as it was, before the first step of the upgrade
                target = path_for(path, datetime.now().replace(microsecond=0), f"before_v{SCHEMA_VERSION}")
                target.parent.mkdir(parents=True, exist_ok=True)
                copy_database(conn, target)
            migrate(db, path=name)
        except BaseException:
            conn.close()
            raise
    return db
