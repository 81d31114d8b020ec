"""Sort SQLite failures into the environment's faults (a plain message) and bugs (a crash)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.domain.errors import ErrorCode, LuoshiError

# SQLite's primary result codes for faults of the environment, not of the program (sqlite.org/rescode.html);
# an extended code (SQLITE_IOERR_WRITE …) carries its primary code in the low byte.
_FAULTS = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "readonly",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "full",  # SQLITE_FULL
    14: "cannot_open",  # SQLITE_CANTOPEN
    26: "corrupt",  # SQLITE_NOTADB
}


def classify(exc: sqlite3.Error) -> str | None:
    """Return the fault kind of an SQLite error, or None when it is a bug (bad SQL, a constraint …)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return _FAULTS.get(code & 0xFF) if isinstance(code, int) else None


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


class TranslatingCursor(sqlite3.Cursor):
    """A cursor whose fetches sort faults too: a damaged page may first be met while rows are read."""

    path = ""

    def fetchone(self) -> Any:
        """Read one row; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().fetchone()

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        """Read some rows; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().fetchmany(size)

    def fetchall(self) -> list[Any]:
        """Read the remaining rows; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().fetchall()

    def __next__(self) -> Any:
        """Read the next row while iterating; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().__next__()


class TranslatingConnection(sqlite3.Connection):
    """A connection whose environment faults come out as LuoshiError(DB_ERROR).

    It is the one place where storage's SQLite errors are sorted (sqlite-utils runs every statement,
    BEGIN and COMMIT included, through `execute`, and reads rows through its cursors), so no service
    wraps its calls.
    """

    path = ""  # the database file, for the message

    def cursor(self, factory: Any = TranslatingCursor) -> sqlite3.Cursor:  # type: ignore[override]
        """Return a cursor that sorts faults met while fetching (`execute` runs on one of these)."""
        made: sqlite3.Cursor = super().cursor(factory)
        if isinstance(made, TranslatingCursor):
            made.path = self.path
        return made

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        """Run one statement; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return self.cursor().execute(sql, parameters)  # Connection.execute would skip our cursor

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        """Run one statement for many rows; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:
        """Run a script; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            return super().executescript(script)

    def commit(self) -> None:
        """Commit; a fault of the environment raises LuoshiError."""
        with translated(self.path):
            super().commit()
