"""The schema ladder: fresh apply, re-apply, a newer file refused untouched, old fixture files upgrade."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.storage.connection import open_database
from desktop.storage.migrations import SCHEMA_VERSION, user_version
from tests.conftest import FIXTURES


def test_fresh_database_has_schema_wal_and_foreign_keys(db_path: Path) -> None:
    db = open_database(db_path)
    assert user_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert {
        "plans",
        "plan_versions",
        "chapters",
        "measures",
        "measure_revisions",
        "units",
        "unit_aliases",
        "measure_units",
        "settings",
    } <= set(db.table_names())
    db.close()


def test_reopen_applies_nothing(db_path: Path) -> None:
    open_database(db_path).close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    db = open_database(db_path)
    assert user_version(db) == SCHEMA_VERSION
    db.close()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest


def test_newer_database_is_refused_and_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(LuoshiError) as caught:
        open_database(db_path)
    assert caught.value.code is ErrorCode.DB_NEWER
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_fixture_of_every_schema_version_opens(tmp_path: Path, version: int) -> None:
    fixture = FIXTURES / "db" / f"schema_v{version}.db"
    assert fixture.exists(), "commit a fixture database for every schema version"
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    db = open_database(copy)
    assert user_version(db) == SCHEMA_VERSION
    assert db.execute("SELECT COUNT(*) FROM measure_revisions").fetchone()[0] == 34
    db.close()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LuoshiError) as caught:
        open_database(path)
    assert caught.value.code is ErrorCode.DB_ERROR
    assert caught.value.params["kind"] == "corrupt"


def test_upgrade_from_v1_indexes_existing_measures_for_search(tmp_path: Path) -> None:
    copy = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "db" / "schema_v1.db", copy)
    db = open_database(copy)
    from desktop.storage.search import search_measures

    hits = search_measures(db, ["招商引资违规"])
    assert len(hits) == 1
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_v2_fixture_keeps_its_note(tmp_path: Path) -> None:
    copy = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "db" / "schema_v2.db", copy)
    db = open_database(copy)
    row = db.execute("SELECT period, progress, status FROM notes").fetchone()
    assert tuple(row) == ("2026Q1", "清理文件12件", "in_progress")
    db.close()


def test_upgrade_to_v3_indexes_characters_of_existing_notes(tmp_path: Path) -> None:
    copy = tmp_path / "v2.db"
    shutil.copy(FIXTURES / "db" / "schema_v2.db", copy)
    db = open_database(copy)
    from desktop.storage.search import search_measures

    note_measure = db.execute("SELECT measure_id FROM notes").fetchone()[0]
    assert note_measure in search_measures(db, ["12"])  # the note says 清理文件12件
    assert note_measure in search_measures(db, ["件"])
    db.close()
