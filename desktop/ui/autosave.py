"""Save typed text shortly after the last keystroke, at least every few seconds, and retry on failure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.errors import LuoshiError
from desktop.services.messages import error_text

QUIET_MS = 600  # after the last keystroke
MAX_WAIT_MS = 1000  # while typing without pause: at most 1 s of typing is ever unsaved
RETRY_MS = 3000  # after a failed save


class AutoSaver(QObject):
    """Calls `save` when edits settle; `flush()` saves now. Failures keep the text and retry."""

    saved = Signal()
    failed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        """Use `save` to write the editor's current text; it raises LuoshiError on a fault."""
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._quiet.timeout.connect(self.flush)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.last_error = ""

    @property
    def dirty(self) -> bool:
        """Return True while there are edits not yet in the database."""
        return self._dirty

    def mark_dirty(self) -> None:
        """Note an edit; a save follows within QUIET_MS of the last one (MAX_WAIT_MS at most)."""
        if not self._dirty:
            self._dirty = True
            self.dirty_changed.emit(True)
        self._quiet.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def discard(self) -> None:
        """Forget pending edits (the editor was reloaded from the database)."""
        for timer in (self._quiet, self._max_wait, self._retry):
            timer.stop()
        if self._dirty:
            self._dirty = False
            self.dirty_changed.emit(False)

    def flush(self) -> bool:
        """Save pending edits now; return False when the save failed (the text stays, a retry is set)."""
        self._quiet.stop()
        self._max_wait.stop()
        if not self._dirty:
            return True
        try:
            self._save()
        except LuoshiError as error:
            self.last_error = error_text(error)
            self._retry.start()
            self.failed.emit(self.last_error)
            return False
        self._retry.stop()
        self.last_error = ""
        self._dirty = False
        self.dirty_changed.emit(False)
        self.saved.emit()
        return True
