"""A real crash: the window's process is killed with SIGKILL two seconds after typing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import acquire_lock
from desktop.ui.opening import open_workspace
from tests.conftest import ROOT
from tests.ui.windows import desk_window

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_typed_note_survives_sigkill(qtbot: QtBot, db_path: Path) -> None:
    text = "被强制结束前两秒输入的进展：已完成企业走访30家。"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_child", str(db_path), text],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line.startswith("TYPED"), line
        measure_id = int(line.split()[1])
        time.sleep(2)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    row = conn.execute(
        "SELECT progress FROM notes WHERE measure_id = ? AND period = '2026Q1'", [measure_id]
    ).fetchone()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert row is not None and row[0] == text
    # the app reopens where the clerk was: the lock is stale, the same measure and its text are shown
    lock = acquire_lock(db_path)
    assert lock is not None
    ws = open_workspace(db_path)
    frame, window = desk_window(ws)
    qtbot.addWidget(frame)
    frame.show()
    assert window.current_key() is not None and window.current_key().measure_id == measure_id  # type: ignore[union-attr]
    assert window.detail.editor.texts["progress"].toPlainText() == text
    frame.close()
    ws.close()
    lock.unlock()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_continuous_typing_loses_at_most_the_last_second(db_path: Path) -> None:
    """A clerk types without any pause (a character every 50 ms) and the power goes: ≤ 1 s is lost."""
    text = "持续输入从不停顿的进展文字。"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_child", str(db_path), text, "continuous"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env=env,
    )
    typed: list[tuple[int, float]] = []
    try:
        assert child.stdout is not None
        while not typed or typed[-1][1] - typed[0][1] < 3.0:  # three seconds of typing, never a pause
            _, measure_id, count, stamp = child.stdout.readline().split()
            typed.append((int(count), float(stamp)))
        child.send_signal(signal.SIGKILL)
        killed = time.time()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    row = conn.execute(
        "SELECT progress FROM notes WHERE measure_id = ? AND period = '2026Q1'", [int(measure_id)]
    ).fetchone()
    conn.close()
    assert row is not None
    saved = len(row[0])
    assert row[0] == "".join(text[i % len(text)] for i in range(saved))  # what was saved is what was typed
    # everything typed more than a second (and a scheduling margin) before the kill is on disk
    settled = max(count for count, stamp in typed if stamp <= killed - 1.0 - 0.3)
    assert saved >= settled, (saved, settled, typed[-1][0])
