"""What the menu commands and flows may use of the desk: the window's surface, named in one place.

The flows (import, exports, notes, 编辑措施, office) take a `Desk` rather than the window class, so no
module of ui/ imports main_window and the window's helpers form no import circle with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QSettings, SignalInstance
from PySide6.QtWidgets import QMenuBar, QStatusBar, QWidget

from desktop.domain.desk.periods import Period
from desktop.domain.ids import MeasureId
from desktop.services.corrections import MeasureChange
from desktop.services.notes import NoteKey
from desktop.services.workspace import Workspace
from desktop.ui.autosave import AutoSaver
from desktop.ui.detail_pane import DetailPane
from desktop.ui.filter_bar import FilterBar


@dataclass(frozen=True)
class DeskChange:
    """What a command changed, emitted on the desk's `changed` signal for it to show.

    `measure_ids`: measures changed in place (fields, note, short title): their rows are redrawn.
    `rows_changed`: measures or plans came or went, or which are the clerk's changed: the worklist is read
    again (a plan not offered before is chosen), keeping the chosen measure or choosing `select_uid`.
    """

    measure_ids: tuple[MeasureId, ...] = ()
    rows_changed: bool = False
    select_uid: str | None = None

    @classmethod
    def of_measures(cls, change: MeasureChange) -> DeskChange:
        """Return the desk's change for what 编辑措施 changed."""
        return cls(measure_ids=change.edited, rows_changed=change.rows_changed)


EVERYTHING = DeskChange(rows_changed=True)  # read the worklist again (after an import, a restore…)


class Desk(Protocol):
    """The clerk's desk as the commands see it (DeskView provides it)."""

    ws: Workspace
    settings: QSettings
    today: date
    autosaver: AutoSaver
    detail: DetailPane
    filters: FilterBar
    changed: SignalInstance  # emit a DeskChange after changing what the desk shows
    note_opened: SignalInstance  # the NoteKey now in the editor (None: none)

    def widget(self) -> QWidget:
        """Return the window, as the parent of dialogs."""
        ...

    def leave_note(self) -> bool:
        """Save the note in the editor (or say why it cannot be saved yet, and return False: stay)."""
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
