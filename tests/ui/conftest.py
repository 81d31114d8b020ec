from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import application
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.opening import open_workspace
from tests.ui.windows import TODAY, desk_window

__all__ = ["TODAY"]


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
    win, desk = desk_window(ws)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1366, 768)
    win.show()
    yield win
    desk.autosaver.discard()


@pytest.fixture
def desk(window: MainWindow) -> DeskView:
    """The desk inside the `window` fixture."""
    assert isinstance(window.centralWidget(), DeskView)
    return window.centralWidget()  # type: ignore[return-value]


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method commits it (keyClicks with Chinese aborts Qt)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
