"""SQLite faults sorted by their result code, met on execute or only while rows are fetched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.services.messages import error_text
from desktop.storage.connection import open_database
from desktop.storage.errors import classify

PAGE = 4096


def test_faults_are_sorted_by_code_and_bugs_are_not() -> None:
    def error(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("whatever the message says")
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    assert classify(error(5)) == "locked" and classify(error(261)) == "locked"  # SQLITE_BUSY_RECOVERY
    assert classify(error(13)) == "full" and classify(error(26)) == "corrupt"
    assert classify(error(778)) == "io"  # SQLITE_IOERR_WRITE
    assert classify(error(1)) is None  # SQLITE_ERROR: bad SQL is our bug
    assert classify(sqlite3.OperationalError("database is locked")) is None  # no code: not guessed from text


def test_a_damaged_page_met_only_while_fetching_gives_the_corruption_message(tmp_path: Path) -> None:
    path = tmp_path / "luoshi.db"
    db = open_database(path)
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
    with db.conn:
        db.conn.executemany("INSERT INTO filler (text) VALUES (?)", [("进展" * 200,) for _ in range(400)])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.conn.close()
    with path.open("r+b") as raw:  # scribble over a page near the end of the table, far from the schema
        raw.seek((pages - 3) * PAGE)
        raw.write(b"\xff" * PAGE)

    db = open_database(path)  # the schema pages are whole: opening and the first rows work
    cursor = db.execute("SELECT text FROM filler ORDER BY id")
    assert cursor.fetchone() is not None
    with pytest.raises(LuoshiError) as raised:
        cursor.fetchall()  # the damaged page is met here, not on execute
    assert raised.value.code is ErrorCode.DB_ERROR and raised.value.params["kind"] == "corrupt"
    assert "备份" in error_text(raised.value)  # the clerk is told to restore from a backup
    db.conn.close()
