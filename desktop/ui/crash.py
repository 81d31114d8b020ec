"""The global exception hook: log to a rotating file, save what can be saved, show one Chinese dialog."""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.message_boxes import add_close

LOG_NAME = "luoshi"
_fault_file: IO[str] | None = None


def log_file(log_dir: Path) -> Path:
    """Return where the log of `log_dir` is written."""
    return log_dir / "luoshi.log"


def setup_logging(log_dir: Path) -> Path:
    """Log to luoshi.log in `log_dir` (1 MB × 5 files); calling it again changes nothing."""
    from logging.handlers import RotatingFileHandler  # logging.handlers: the log opens after the first paint

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_file(log_dir)
    logger = logging.getLogger(LOG_NAME)
    ours = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if any(h.baseFilename == os.path.abspath(path) for h in ours):
        return path
    for stale in ours:  # a log of another data folder
        logger.removeHandler(stale)
        stale.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def log_start(log_dir: Path, db_path: Path) -> None:
    """Write one line for this start (which database), so a support log shows what ran when."""
    with contextlib.suppress(OSError):  # the log is a help for support, never a reason not to start
        setup_logging(log_dir)
        logging.getLogger(LOG_NAME).info("started on %s", db_path)


def dump_native_crashes(log_dir: Path) -> None:
    """Write the Python stacks of a native crash (segfault, abort) to crash-native.log in `log_dir`."""
    global _fault_file
    if _fault_file is None:
        with contextlib.suppress(OSError):  # without a writable folder there is no dump, but the app runs
            log_dir.mkdir(parents=True, exist_ok=True)
            _fault_file = (log_dir / "crash-native.log").open("a", encoding="utf-8")
            faulthandler.enable(_fault_file)


class CrashReporter(QObject):
    """Turns uncaught exceptions (any thread) into a log entry and a dialog; the app keeps running."""

    _report = Signal(str)

    def __init__(self, log_path: Path, before_dialog: Callable[[], object] | None = None) -> None:
        """Report to `log_path`; call `before_dialog` first (it flushes pending saves)."""
        super().__init__()
        self.log_path = log_path
        self.before_dialog = before_dialog
        self.dialog: QMessageBox | None = None
        self.reported = 0
        # from a worker the signal is queued to the UI thread; on it, _show waits for the event loop, so a
        # dialog never opens inside the code that failed
        self._report.connect(self._show)

    def install(self) -> None:
        """Become sys.excepthook and threading.excepthook; dump native crashes beside the log."""
        dump_native_crashes(self.log_path.parent)
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def hook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """Log an uncaught exception and ask the UI thread to show the dialog."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        with contextlib.suppress(OSError):  # an unwritable log must not hide the dialog
            setup_logging(self.log_path.parent)
        logging.getLogger(LOG_NAME).error("uncaught exception\n%s", text)
        self.reported += 1
        self._report.emit(text)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, text: str) -> None:
        QTimer.singleShot(0, lambda: self._present(text))

    def _present(self, text: str) -> None:
        if self.before_dialog is not None:
            try:
                self.before_dialog()
            except Exception:
                logging.getLogger(LOG_NAME).exception("saving before the error dialog failed")
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time
        parent = QCoreApplication.instance()
        window = parent.activeWindow() if parent is not None and hasattr(parent, "activeWindow") else None
        box = QMessageBox(window if isinstance(window, QWidget) else None)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("落实：程序出错"))
        box.setText(self.tr("程序遇到意外错误，已写入日志。您填写的内容已尽量保存，可以继续使用。"))
        box.setInformativeText(self.tr("如问题反复出现，请把日志文件发给技术支持：") + str(self.log_path))
        box.setDetailedText(text)
        add_close(box)
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog = box
        box.show()
