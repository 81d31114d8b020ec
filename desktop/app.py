"""Composition root of the window: `make run` and the bundle start here.

The window paints first; then desktop.ui.opening, the program's one deferred import, opens the database
and fills the window with the desk. Everything heavy loads through it, so the clerk sees a window at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services.locations import database_path, resource_path
from desktop.ui import qt_chinese
from desktop.ui.background import stop_all
from desktop.ui.crash import CrashReporter, log_file
from desktop.ui.main_window import MainWindow
from desktop.ui.window_settings import ui_settings


def application() -> QApplication:
    """Return the QApplication, creating it with Chinese Qt dialogs (Qt 6 scales high-DPI screens itself)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Luoshi")
    app.setApplicationDisplayName("落实")
    app.setDesktopFileName("luoshi")  # the menu entry the .deb installs: its icon in the task bar
    app.setWindowIcon(QIcon(str(resource_path("icons", "luoshi.png"))))
    qt_chinese.install(app)
    return app


class _AfterPaint(QObject):
    """Calls `then` once, just after the watched window's next paint, or after `latest_ms` at the latest.

    The time limit covers a window that is not painted (minimised at start, or on a locked screen).
    """

    def __init__(self, window: QObject, then: Callable[[], object], latest_ms: int = 3000) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.deleteLater()  # Qt drops it from the window's filters, and its pending timer with it
            then()


def acquire_lock(db_path: Path) -> QLockFile | None:
    """Return the lock of this database, or None when another running instance holds it."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # a lock left by a killed process is recognised by its dead PID
    return lock if lock.tryLock(200) else None


def _open_desk(window: MainWindow, db_path: Path) -> None:
    """Load the desk into the painted window; once the filled desk is on screen, take the day's backup."""
    from desktop.ui import opening  # the one deferred import: the desk and everything it needs

    desk = opening.open_desk(window, window.settings, db_path)
    if desk is None:
        return
    window.set_desk(desk)
    _AfterPaint(window, lambda: opening.after_start(desk))
    window.update()


def _refuse(text: str) -> int:
    QMessageBox.critical(None, "落实", text)
    return 1


def _parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="luoshi-desktop")
    parser.add_argument("--db", help="数据库文件路径")
    return parser.parse_args(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the clerk's database; one instance per database."""
    args = _parse_args(list(argv) if argv is not None else sys.argv[1:])
    app = application()
    db_path = database_path(args.db)
    try:
        lock = acquire_lock(db_path)
    except OSError as exc:
        return _refuse(f"无法创建数据目录“{db_path.parent}”：{exc.strerror}。请检查权限。")
    if lock is None:
        return _refuse(
            f"落实已经在使用数据库“{db_path}”（可能在另一个窗口中已打开）。\n"
            "为避免两处同时修改，请切换到已打开的落实窗口。"
        )
    reporter = CrashReporter(log_file(db_path.parent / "logs"))
    reporter.install()
    window = MainWindow(ui_settings(db_path))
    reporter.before_dialog = window.save_pending
    _AfterPaint(window, lambda: _open_desk(window, db_path))
    window.show()
    code = app.exec()
    stop_all()  # a backup or export still running finishes before its window goes
    window.release()
    lock.unlock()
    return int(code)
