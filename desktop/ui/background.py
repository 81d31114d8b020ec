"""Run one piece of long work off the UI thread, with a progress dialog after 0.5 s that can cancel it.

Every background job of the window (importing plans, applying a review, exports, merging returns) goes
through `BackgroundTask`. The work gets a `TaskControl`: `should_stop()` for cancel, `report()` for
progress. It must open its own database connection (SQLite connections stay in their thread).
A known failure (LuoshiError) comes back as its Chinese message; a bug goes to the crash reporter
(`sys.excepthook`: logged with its traceback, one dialog) and comes back as a short message.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, SignalInstance
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.domain.errors import Cancelled, LuoshiError
from desktop.services.messages import error_text

SHOW_AFTER_MS = 500
T = TypeVar("T")


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


class TaskControl:
    """What the work may ask of its task: whether to stop, and to show how far it has come."""

    def __init__(self, cancel: threading.Event, progress: SignalInstance) -> None:
        """Wrap the task's cancel flag and its progress signal."""
        self._cancel = cancel
        self._progress = progress

    def should_stop(self) -> bool:
        """Return True once the clerk has pressed 取消."""
        return self._cancel.is_set()

    def report(self, step: int, text: str = "") -> None:
        """Show step `step` of the dialog's maximum, and `text` as its label when given."""
        self._progress.emit(step, text)


class _Worker(QObject):
    progress = Signal(int, str)
    finished = Signal(object, str, bool)  # result, error message ('' when none), cancelled

    def __init__(self, work: Callable[[TaskControl], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    def run(self) -> None:
        result: object = None
        message, cancelled = "", False
        try:
            result = self._work(TaskControl(self._cancel, self.progress))
        except Cancelled:
            cancelled = True
        except LuoshiError as error:
            message = error_text(error)
        except Exception:  # a bug: logged with its traceback by the crash reporter, and the window goes on
            sys.excepthook(*sys.exc_info())
            message = QCoreApplication.translate(
                "BackgroundTask", "程序遇到意外错误，已写入日志，本次操作未完成。"
            )
        finally:
            self.finished.emit(result, message, cancelled)  # always, or the window would wait forever


_running: set[BackgroundTask[Any]] = set()


def stop_all() -> None:
    """Stop every task still running and wait for it: Qt aborts the process if a running thread is deleted."""
    for task in list(_running):
        task.stop()


class BackgroundTask(QObject, Generic[T]):
    """Long work in its own thread; on the UI thread its `T` goes to `on_done`, a failure to `on_failed`.

    A failure's message is shown in a warning box titled `title` unless `on_failed` takes it; a cancel
    calls `on_cancelled` (default: nothing). `ended` is emitted after those callbacks, and `result`,
    `message` and `cancelled` then say how the work ended (for whoever waits on it).
    """

    ended = Signal()

    def __init__(
        self,
        work: Callable[[TaskControl], T],
        *,
        on_done: Callable[[T], None],
        title: str,
        label: str,
        parent: QWidget,
        maximum: int = 0,
        on_failed: Callable[[str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        """Start `work` in a new thread; `maximum` > 0 gives the dialog a bar of that many steps."""
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_cancelled = on_cancelled
        self.result: T | None = None
        self.message = ""
        self.cancelled = False
        self.cancel_event = threading.Event()
        self.dialog = delayed_progress(
            parent, title=title, label=label, cancel=self.tr("取消"), maximum=maximum
        )
        self.dialog.canceled.connect(self.cancel_event.set)
        self._thread = QThread(self)
        self._worker = _Worker(work, self.cancel_event)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._thread.start()
        _running.add(self)

    @property
    def progress(self) -> SignalInstance:
        """Return the work's progress signal (step, label), emitted in the work's thread."""
        return self._worker.progress

    def stop(self) -> None:
        """Ask the work to stop and wait for its thread (the program is ending)."""
        self.cancel_event.set()
        self._thread.quit()
        self._thread.wait()
        _running.discard(self)

    def _progress(self, step: int, text: str) -> None:
        if text:
            self.dialog.setLabelText(text)
        self.dialog.setValue(step)

    def _finished(self, result: object, message: str, cancelled: bool) -> None:
        _running.discard(self)
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.close()
        self.message, self.cancelled = message, cancelled
        try:
            if message:
                if self._on_failed is not None:
                    self._on_failed(message)
                else:
                    QMessageBox.warning(self._parent, self._title, message)
            elif cancelled:
                if self._on_cancelled is not None:
                    self._on_cancelled()
            else:
                self.result = cast(T, result)  # the worker returned what `work` returned: a T
                self._on_done(self.result)
        finally:
            self.ended.emit()

    def is_running(self) -> bool:
        """Return True until the work has finished."""
        return self._thread.isRunning()
