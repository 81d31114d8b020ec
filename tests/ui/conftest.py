from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import application, open_workspace, ui_settings
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from desktop.ui.main_window import MainWindow

TODAY = date(2026, 3, 20)  # inside 2026Q1: the default period is 2026年第一季度


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    return application()  # the app's own set-up: Chinese Qt translations, high DPI


@pytest.fixture
def ws(db_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(db_path)  # seeds the bundled sample like a first run
    unit_service.set_profile(workspace, unit="自治区发展改革委", categories=["行业主管部门"])
    yield workspace
    workspace.close()


@pytest.fixture
def window(qtbot: object, ws: Workspace) -> Iterator[MainWindow]:
    win = MainWindow(ws, ui_settings(ws.path), today=TODAY)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1366, 768)
    win.show()
    yield win
    win.autosaver.discard()


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method commits it (keyClicks with Chinese aborts Qt)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
