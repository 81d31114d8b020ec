"""Import plan files off the UI thread, with a progress dialog that appears after 0.5 s and can cancel."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import Cancelled, LuoshiError
from desktop.services import imports
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import delayed_progress


@dataclass(frozen=True)
class FileResult:
    """What became of one file: a message, whether it was imported, and a revision awaiting review."""

    path: Path
    ok: bool
    message: str
    review: imports.ImportReview | None = None  # a new version of a stored plan: not applied yet
    check: imports.ImportReview | None = (
        None  # a new plan: the clerk checks it (核对方案) before it is stored
    )


class _Worker(QObject):
    progress = Signal(int, str)
    finished = Signal(list, bool)

    def __init__(self, db_path: Path, files: list[Path], cancel: threading.Event) -> None:
        super().__init__()
        self._db_path = db_path
        self._files = files
        self._cancel = cancel

    def run(self) -> None:
        results: list[FileResult] = []
        cancelled = False
        try:
            cancelled = self._import_all(results)
        except LuoshiError as error:  # the database itself could not be opened or written
            results.append(FileResult(self._files[len(results)], False, error_text(error)))
        finally:
            self.finished.emit(results, cancelled)  # always, or the window would wait forever

    def _import_all(self, results: list[FileResult]) -> bool:
        # Its own connection: SQLite connections stay in the thread that opened them.
        with Workspace(self._db_path) as ws:
            for number, path in enumerate(self._files):
                if self._cancel.is_set():
                    return True
                self.progress.emit(number, path.name)
                try:
                    prepared = imports.prepare(ws, path=path)
                    if prepared.needs_review:  # the clerk reviews the changes before anything is written
                        text = self.tr("《%1》的新版本：请在比对窗口中核对后应用").replace(
                            "%1", prepared.plan.title
                        )
                        results.append(FileResult(path, True, text, prepared))
                        continue
                    if prepared.plan_id is None and not prepared.seen_before:
                        text = self.tr("《%1》：%2 项措施，请在“核对方案”窗口中核对后导入")
                        text = text.replace("%1", prepared.plan.title).replace(
                            "%2", str(len(prepared.plan.measures))
                        )
                        results.append(FileResult(path, True, text, check=prepared))
                        continue
                    outcome = imports.apply_prepared(ws, prepared, should_stop=self._cancel.is_set)
                except Cancelled:
                    return True
                except LuoshiError as error:
                    results.append(FileResult(path, False, error_text(error)))
                    continue
                except Exception as exc:  # a bug in a parser must not kill the window
                    results.append(FileResult(path, False, f"{type(exc).__name__}: {exc}"))
                    continue
                template = (
                    self.tr("已导入《%1》：%2 项措施")
                    if outcome.saved.created
                    else self.tr("《%1》此前已导入，未改动（%2 项措施）")
                )
                text = template.replace("%1", outcome.plan.title).replace(
                    "%2", str(outcome.saved.measure_count)
                )
                results.append(FileResult(path, True, text))
        return False


class ImportTask(QObject):
    """One import run: `done(results, cancelled)` is emitted on the UI thread at the end."""

    done = Signal(list, bool)

    def __init__(self, db_path: Path, files: list[Path], parent: QWidget) -> None:
        """Start importing `files` into the database at `db_path`."""
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.dialog = delayed_progress(
            parent,
            title=self.tr("导入方案"),
            label=self.tr("正在导入方案…"),
            cancel=self.tr("取消"),
            maximum=len(files),
        )
        self.dialog.canceled.connect(self.cancel_event.set)
        self._thread = QThread(self)
        self._worker = _Worker(db_path, files, self.cancel_event)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self._thread.start()

    def _progress(self, number: int, name: str) -> None:
        self.dialog.setLabelText(self.tr("正在导入：") + name)
        self.dialog.setValue(number)

    def _finished(self, results: list[FileResult], cancelled: bool) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.close()
        self.done.emit(results, cancelled)

    def is_running(self) -> bool:
        """Return True until the worker has finished."""
        return self._thread.isRunning()
