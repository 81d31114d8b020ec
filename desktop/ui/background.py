"""Run one piece of long work off the UI thread, with a progress dialog after 0.5 s that can cancel it."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.domain.errors import Cancelled, LuoshiError
from desktop.services.messages import error_text

SHOW_AFTER_MS = 500
Work = Callable[[Callable[[], bool]], object]  # called with `should_stop`; returns the result


def delayed_progress(
    parent: QWidget, *, title: str, label: str, cancel: str, maximum: int
) -> QProgressDialog:
    """Return a progress dialog that shows itself only after SHOW_AFTER_MS (range 0–0: a busy bar)."""
    dialog = QProgressDialog(label, cancel, 0, maximum, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


class _Worker(QObject):
    finished = Signal(object, str, bool)  # result, error message ('' when none), cancelled

    def __init__(self, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    def run(self) -> None:
        result: object = None
        message, cancelled = "", False
        try:
            result = self._work(self._cancel.is_set)
        except Cancelled:
            cancelled = True
        except LuoshiError as error:
            message = error_text(error)
        except Exception as exc:  # a bug must not leave the window waiting forever
            message = f"{type(exc).__name__}: {exc}"
        finally:
            self.finished.emit(result, message, cancelled)


class BackgroundTask(QObject):
    """`done(result, message, cancelled)` is emitted on the UI thread when the work ends."""

    done = Signal(object, str, bool)

    def __init__(self, work: Work, *, title: str, label: str, parent: QWidget) -> None:
        """Start `work` (it must open its own database connection) in a new thread."""
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.dialog = delayed_progress(parent, title=title, label=label, cancel=self.tr("取消"), maximum=0)
        self.dialog.canceled.connect(self.cancel_event.set)
        self._thread = QThread(self)
        self._worker = _Worker(work, self.cancel_event)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._finished)
        self._thread.start()

    def _finished(self, result: object, message: str, cancelled: bool) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.close()
        self.done.emit(result, message, cancelled)

    def is_running(self) -> bool:
        """Return True until the work has finished."""
        return self._thread.isRunning()
