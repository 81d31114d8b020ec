"""Backups on real files: taken before imports and merges and upgrades, restored, damaged files set aside."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import backups, imports
from desktop.services.workspace import Workspace
from desktop.storage.backup import is_healthy, list_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM plan_versions").fetchone()[0])
    finally:
        conn.close()


def test_import_backs_up_first_and_restore_brings_it_back(sample_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "luoshi.db"
    with Workspace(db) as ws:
        imports.import_file(ws, path=sample_path)
        assert list_files(db) == []  # nothing to lose before the first plan
        changed = tmp_path / "v2.txt"
        changed.write_text(
            sample_path.read_text(encoding="utf-8").replace("招商引资", "招商引资工作"), encoding="utf-8"
        )
        imports.import_file(ws, path=changed)
    taken = list_files(db)
    assert [b.reason for b in taken] == ["revision"] and is_healthy(taken[0].path)
    assert _count(taken[0].path) == 1 and _count(db) == 2
    kept = backups.restore(db, taken[0])
    assert _count(db) == 1 and kept is not None and _count(kept) == 2  # the replaced state is a backup too


def test_damaged_database_is_set_aside_and_the_newest_good_backup_offered(
    sample_path: Path, tmp_path: Path
) -> None:
    db = tmp_path / "luoshi.db"
    with Workspace(db) as ws:
        imports.import_file(ws, path=sample_path)
        good = backups.make_backup(ws, "start")
    assert good is not None
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage, as a failing disk leaves it
    db.write_bytes(bytes(data))
    health = backups.check_on_start(db)
    assert not health.ok and health.offer == good
    assert health.set_aside is not None and health.set_aside.exists() and not db.exists()
    backups.restore(db, good)
    assert is_healthy(db) and _count(db) == 1


def test_upgrade_from_an_old_schema_keeps_a_copy_first(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "db" / "schema_v2.db", db)
    Workspace(db).db.close()
    taken = list_files(db)
    assert len(taken) == 1 and taken[0].reason.startswith("before_v")
    conn = sqlite3.connect(taken[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()


def test_daily_backup_once_a_day_and_thinning(sample_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "luoshi.db"
    day = datetime(2026, 11, 25, 9, 0)
    with Workspace(db) as ws:
        imports.import_file(ws, path=sample_path)
        assert backups.daily_backup(ws, now=day) is not None
        assert backups.daily_backup(ws, now=day + timedelta(hours=3)) is None
        for n in range(1, 60):
            backups.make_backup(ws, "start", now=day + timedelta(days=n))
    kept = list_files(db)
    assert len(kept) < 25 and kept[0].taken == day + timedelta(days=59)


def test_cli_backup_list_now_restore(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "luoshi.db")
    assert main(["--db", db, "backup", "list"]) == 0
    assert "还没有备份" in capsys.readouterr().out
    assert main(["--db", db, "import", str(sample_path)]) == 0
    assert main(["--db", db, "backup", "now"]) == 0
    assert main(["--db", db, "backup", "list"]) == 0
    out = capsys.readouterr().out
    assert "1. " in out and "（manual）" in out
    assert main(["--db", db, "backup", "restore", "1"]) == 0
    assert "已用" in capsys.readouterr().out
    assert main(["--db", db, "backup", "restore", "9"]) == 2
