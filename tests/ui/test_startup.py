"""The start-up design: the window paints before the heavy parts load, then the desk fills in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop import app as app_module
from desktop.services.locations import APP_NAME, DB_ENV
from desktop.services.workspace import Workspace
from desktop.ui import item_roles
from desktop.ui.main_window import MainWindow
from desktop.ui.measure_model import MeasureTableModel
from tests.conftest import ROOT
from tests.ui.conftest import TODAY


def test_the_window_paints_before_storage_and_qt_namespace_load(tmp_path: Path) -> None:
    """What the first paint waits for: no SQLite, storage, parser or domain dataclasses, no `Qt` enums."""
    env = {k: v for k, v in os.environ.items() if k != DB_ENV}
    # started the clerk's way: no arguments, the data folder found by platformdirs (XDG_DATA_HOME on Linux)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    env[app_module.EXIT_AFTER_PAINT] = "1"
    probe = [sys.executable, "-m", "tests.ui.paint_probe"]
    done = subprocess.run(probe, env=env, cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    assert loaded["qt_namespace"] is False
    assert loaded["dialog_types"] == []  # PySide builds a class's type and enums when it is first named
    modules = set(loaded["modules"])
    assert "desktop.ui.main_window" in modules  # the probe saw the real window
    if sys.platform == "linux":
        assert (tmp_path / APP_NAME).is_dir()  # the clerk's data folder, found without arguments
    assert not {m for m in modules if m.startswith(("sqlite", "desktop.storage", "desktop.importers"))}
    # nor the dataclasses of the domain: the widgets are built from desktop.domain.terms
    assert not modules & {"desktop.domain.notes", "desktop.domain.worklist", "desktop.domain.models"}


def test_roles_are_qt_values() -> None:
    expected = {
        "DISPLAY": Qt.ItemDataRole.DisplayRole,
        "TOOLTIP": Qt.ItemDataRole.ToolTipRole,
        "FONT": Qt.ItemDataRole.FontRole,
        "ALIGNMENT": Qt.ItemDataRole.TextAlignmentRole,
        "FOREGROUND": Qt.ItemDataRole.ForegroundRole,
        "USER": Qt.ItemDataRole.UserRole,
        "ALIGN_CENTER": Qt.AlignmentFlag.AlignCenter,
        "HORIZONTAL": Qt.Orientation.Horizontal,
    }
    assert {name: getattr(item_roles, name) for name in expected} == {n: e.value for n, e in expected.items()}


def test_loading_keeps_the_titles_and_widths(qtbot: QtBot, ws: Workspace) -> None:
    """Before load the header shows the titles from a Qt model; the widths the clerk set survive the swap."""
    window = MainWindow(ws, app_module.ui_settings(ws.path), today=TODAY, load=False)
    qtbot.addWidget(window)
    header = window.table.horizontalHeader()
    titles = window.table.model()
    assert titles is not window.model and titles.columnCount() == len(window.model.headers)
    shown = [titles.headerData(c, Qt.Orientation.Horizontal) for c in range(titles.columnCount())]
    assert shown == window.model.headers
    window.table.setColumnWidth(MeasureTableModel.LEADS, 150)  # as restored from the clerk's last session
    window.load()
    assert window.table.model() is window.model and window.model.rowCount() > 0
    assert header.sectionSize(MeasureTableModel.LEADS) == 150
    assert header.sectionResizeMode(MeasureTableModel.TASK).name == "Stretch"
    window.table.selectRow(2)  # the selection is wired to the real model
    assert window.current_key() is not None
    window.autosaver.discard()


def test_menu_commands_come_with_the_desk(qtbot: QtBot, ws: Workspace) -> None:
    """The menu titles paint with the window; the commands, shortcuts and the saved text size follow."""
    settings = app_module.ui_settings(ws.path)
    settings.setValue("ui/font_scale", 125)
    window = MainWindow(ws, settings, today=TODAY, load=False)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "查看(&V)", "设置(&S)", "帮助(&H)"]
    assert all(not a.menu().actions() for a in window.menuBar().actions())  # type: ignore[union-attr]
    window.load()
    window.load()  # reloading the desk adds nothing twice
    commands = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]  # type: ignore[union-attr]
    assert commands == ["导入方案或任务清单…", "生成报告…", "导出台账…", "格式检查…", "退出"]
    assert window.actions_.size_actions[125].isChecked() and not window.actions_.size_actions[100].isChecked()
    window.actions_.set_font_scale(100)
    window.autosaver.discard()
