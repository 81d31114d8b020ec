"""SIGKILL in the middle of an import and of a merge of returns: never a half-written database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import plan_text
from desktop.domain.desk.periods import parse_period
from desktop.services import imports
from desktop.services.workspace import Workspace
from desktop.storage.backup import is_healthy
from tests.conftest import ROOT
from tests.province import UNITS, write_return

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX"), pytest.mark.slow]


def _kill_after(kind: str, db: Path, target: Path, delay: float) -> bool:
    """Run the worker, kill it `delay` s after it is ready; return True when it finished first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.services.kill_worker", kind, str(db), str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    time.sleep(delay)
    finished = child.poll() is not None
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return finished


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("delay", [0.6, 1.0, 1.2, 1.4])  # parse ≈ 1 s, then the write
def test_killed_import_leaves_no_partial_plan(tmp_path: Path, delay: float) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(plan_text(2000), encoding="utf-8")
    db = tmp_path / "luoshi.db"
    Workspace(db).db.close()
    _kill_after("import", db, plan, delay)
    assert is_healthy(db)
    versions = _rows(db, "SELECT id FROM plan_versions")
    measures = _rows(db, "SELECT COUNT(*) FROM measure_revisions")[0][0]
    assert (versions, measures) in (([], 0), ([(1,)], 2000))  # all or nothing


@pytest.mark.parametrize("delay", [0.5, 1.5, 3.0])
def test_killed_merge_keeps_every_return_whole(tmp_path: Path, sample_path: Path, delay: float) -> None:
    q1 = parse_period("2026Q1")
    assert q1 is not None
    db = tmp_path / "office.db"
    from tests.province import plan_text as province_text
    from tests.province import province

    (tmp_path / "plan.txt").write_text(province_text(province().old), encoding="utf-8")
    folder = tmp_path / "returns"
    folder.mkdir()
    with Workspace(db) as ws:
        imports.import_file(ws, path=tmp_path / "plan.txt")
        for unit in UNITS:
            write_return(ws, unit, q1, folder / f"{unit}.xlsx")
    _kill_after("merge", db, folder, delay)
    assert is_healthy(db)
    for return_id, rows in _rows(db, "SELECT id, row_count FROM returns"):
        notes = _rows(db, f"SELECT COUNT(*) FROM notes WHERE return_id = {return_id}")[0][0]
        assert notes == rows  # a return is in the database with all its notes, or not at all
    recorded = _rows(db, "SELECT COUNT(*) FROM notes WHERE return_id IS NOT NULL")[0][0]
    assert recorded == sum(r[0] for r in _rows(db, "SELECT row_count FROM returns"))
