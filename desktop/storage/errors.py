"""Sort SQLite failures into the environment's faults (a plain message) and bugs (a crash)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.domain.errors import ErrorCode, LuoshiError

# Substrings of SQLite's messages for faults of the environment, not of the program.
_FAULTS = {
    "database is locked": "locked",
    "database table is locked": "locked",
    "readonly": "readonly",
    "read-only": "readonly",
    "disk i/o error": "io",
    "database or disk is full": "full",
    "file is not a database": "corrupt",
    "database disk image is malformed": "corrupt",
    "unable to open database": "cannot_open",
}


def classify(exc: sqlite3.Error) -> str | None:
    """Return the fault kind of an SQLite error, or None when it is a bug."""
    text = str(exc).lower()
    return next((kind for needle, kind in _FAULTS.items() if needle in text), None)


@contextmanager
def translated(path: str) -> Iterator[None]:
    """Turn environment faults raised inside the block into LuoshiError(DB_ERROR)."""
    try:
        yield
    except sqlite3.Error as exc:
        kind = classify(exc)
        if kind is None:
            raise
        raise LuoshiError(ErrorCode.DB_ERROR, path=path, kind=kind, detail=str(exc)) from exc


class TranslatingConnection(sqlite3.Connection):
    """A connection whose environment faults come out as LuoshiError(DB_ERROR).

    It is the one place where storage's SQLite errors are sorted (sqlite-utils runs every statement,
    BEGIN and COMMIT included, through `execute`), so no service wraps its calls.
    """

    path = ""  # the database file, for the message

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        """Run one statement; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        """Run one statement for many rows; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:
        """Run a script; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().executescript(script)

    def commit(self) -> None:
        """Commit; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            super().commit()
