"""What the menu commands and flows may use of the desk: the window's surface, named in one place.

The flows (import, exports, notes, 编辑措施, office) take a `Desk` rather than the window class, so no
module of ui/ imports main_window and the window's helpers form no import circle with it.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenuBar, QStatusBar, QWidget

from desktop.domain.periods import Period
from desktop.services.notes import NoteKey
from desktop.services.workspace import Workspace
from desktop.ui.autosave import AutoSaver
from desktop.ui.detail_pane import DetailPane
from desktop.ui.filter_bar import FilterBar


class Desk(Protocol):
    """The clerk's desk as the commands see it (MainWindow provides it)."""

    ws: Workspace
    settings: QSettings
    today: date
    autosaver: AutoSaver
    detail: DetailPane
    filters: FilterBar

    def widget(self) -> QWidget:
        """Return the window, as the parent of dialogs."""
        ...

    def reload(self, *, select_uid: str | None = None) -> None:
        """Read the worklist again and show it."""
        ...

    def current_key(self) -> NoteKey | None:
        """Return the note in the editor, if a measure is chosen."""
        ...

    def current_period(self) -> Period:
        """Return the chosen period."""
        ...

    def current_plans(self) -> list[int]:
        """Return the ids of the plans the desk shows: the chosen one, or every plan in use (全部方案)."""
        ...

    def plan_changed(self) -> None:
        """Show the desk again after plans were imported, archived or restored."""
        ...

    def unit_name(self) -> str:
        """Return 本单位."""
        ...

    def move_by(self, step: int) -> None:
        """Go to the next or previous measure."""
        ...

    def statusBar(self) -> QStatusBar:
        """Return the status bar."""
        ...

    def menuBar(self) -> QMenuBar:
        """Return the menu bar."""
        ...

    def close(self) -> bool:
        """Close the window."""
        ...
