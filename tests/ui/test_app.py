"""The composition root: first start on an empty folder, a second instance, drops and attachments."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop import app as app_module
from desktop.services import attachments as attachment_service
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from tests.conftest import FIXTURES, ROOT


def test_first_start_seeds_the_sample_and_paints(tmp_path: Path) -> None:
    """`python -m desktop` on an empty folder, in its own process (app.exec() ends a QApplication)."""
    db = tmp_path / "new" / "luoshi.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    probe = [sys.executable, "-m", "tests.ui.paint_probe", "started", "--db", str(db)]
    done = subprocess.run(probe, env=env, cwd=ROOT, timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert conn.execute("SELECT COUNT(*) FROM measure_revisions").fetchone()[0] == 34
    conn.close()
    assert (tmp_path / "new" / "logs" / "luoshi.log").exists()
    assert (
        len(list((tmp_path / "new" / "backups").glob("*.db"))) == 1
    )  # the day's backup, taken in the background
    assert not Path(str(db) + ".lock").exists()  # released on exit


def test_second_instance_gets_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "luoshi.db"
    held = app_module.acquire_lock(db)
    assert held is not None
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: seen.append(text))
    try:
        assert app_module.main(["--db", str(db)]) == 1
    finally:
        held.unlock()
    assert seen and "已经在使用数据库" in seen[0] and str(db) in seen[0]
    assert not db.exists()  # refused before the database was opened


def test_after_paint_runs_once_after_a_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    app_module._AfterPaint(widget, lambda: calls.append(1), latest_ms=60_000)
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.update()
    qtbot.wait(50)
    assert calls == [1]  # once, not at every paint


def test_after_paint_runs_for_a_window_that_never_paints(qtbot: QtBot) -> None:
    """A window minimised at start, or on a locked screen, still gets its desk loaded and its backup."""
    widget = QWidget()
    qtbot.addWidget(widget)  # never shown: no paint comes
    calls: list[int] = []
    app_module._AfterPaint(widget, lambda: calls.append(1), latest_ms=100)
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    widget.show()
    qtbot.wait(50)
    assert calls == [1]


def test_dropping_a_file_imports_it(qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(FIXTURES / "plans" / "weihai_2023_shuzi.txt"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    flow = desk.commands.imports
    assert flow.task is not None
    qtbot.waitUntil(lambda: flow.check_dialog is not None and flow.check_dialog.isVisible(), timeout=10000)
    assert flow.result_box is None  # nothing failed: straight to 核对方案
    assert flow.check_dialog is not None and flow.check_dialog.table.rowCount() == 3
    assert len(plan_service.list_plans(ws)) == 1  # nothing stored before the clerk applies
    flow.check_dialog.accept()
    qtbot.waitUntil(lambda: len(plan_service.list_plans(ws)) == 2, timeout=10000)


def test_attach_open_and_remove_evidence(
    qtbot: QtBot, desk: DeskView, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evidence = tmp_path / "督导检查照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff fake jpeg")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(evidence)], ""))
    desk.commands.notes.attach_files()
    assert desk.detail.attachments.count() == 1
    assert desk.detail.attachments.item(0).text() == "督导检查照片.jpg"
    key = desk.current_key()
    assert key is not None
    row = attachment_service.list_attachments(ws, key)[0]
    opened: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.note_actions.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    desk.detail.attachments.setCurrentRow(0)
    desk.detail.open_button.click()
    assert opened == [str(attachment_service.stored_file(ws, row))]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    desk.detail.remove_button.click()
    assert desk.detail.attachments.count() == 0
