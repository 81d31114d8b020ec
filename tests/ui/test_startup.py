"""The start-up design: the frame paints before the desk's modules load; then one import brings the desk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services.locations import APP_NAME, DB_ENV
from desktop.services.workspace import Workspace
from desktop.ui.window_settings import ui_settings
from tests.conftest import ROOT
from tests.ui.windows import desk_window


def test_the_frame_paints_before_the_database_and_the_desk_load(tmp_path: Path) -> None:
    """What the first paint waits for: no SQLite, storage, parser, desk or office-file library."""
    env = {k: v for k, v in os.environ.items() if k != DB_ENV}
    # started the clerk's way: no arguments, the data folder found by platformdirs (XDG_DATA_HOME on Linux)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    probe = [sys.executable, "-m", "tests.ui.paint_probe", "modules"]
    done = subprocess.run(probe, env=env, cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modules = set(
        json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))["modules"]
    )
    assert "desktop.ui.main_window" in modules  # the probe saw the real window
    if sys.platform == "linux":
        assert (tmp_path / APP_NAME).is_dir()  # the clerk's data folder, found without arguments
    heavy = ("sqlite", "docx", "openpyxl", "desktop.storage", "desktop.importers", "desktop.ui.desk_view")
    assert not {m for m in modules if m.startswith(heavy)}
    assert "desktop.ui.opening" not in modules  # the one deferred import comes after the paint


def test_the_desk_restores_the_text_size_and_fills_the_menus(qtbot: QtBot, ws: Workspace) -> None:
    settings = ui_settings(ws.path)
    settings.setValue("ui/font_scale", 125)
    window, desk = desk_window(ws, settings=settings)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["文件(&F)", "查看(&V)", "设置(&S)", "帮助(&H)"]
    menus = window.menuBar().actions()  # held: PySide6 6.9 frees a menu reached through a temporary list
    commands = [a.text() for a in menus[0].menu().actions() if a.text()]  # type: ignore[union-attr]
    assert commands == [
        "导入方案或任务清单…",
        "生成报告…",
        "导出台账…",
        "格式检查…",
        "报送到服务器…",
        "归档当前方案…",
        "已归档的方案…",
        "退出",
    ]
    assert desk.commands.size_actions[125].isChecked() and not desk.commands.size_actions[100].isChecked()
    desk.commands.set_font_scale(100)
    desk.autosaver.discard()
