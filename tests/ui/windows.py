"""Building the window the way the app does once its database is open: the frame with the desk inside."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import ui_settings

TODAY = date(2026, 4, 3)  # 2026Q1 has ended and is due: the default period is 2026年第一季度


def desk_window(
    ws: Workspace, *, today: date = TODAY, settings: QSettings | None = None
) -> tuple[MainWindow, DeskView]:
    """Return a window showing the desk on `ws` (its settings beside the database unless given)."""
    window = MainWindow(settings or ui_settings(ws.path))
    desk = DeskView(ws, window.settings, window, today=today)
    window.set_desk(desk)
    return window, desk
