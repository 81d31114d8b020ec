"""Composition root of the window: `make run` and the bundle start here."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# isort: off
# The Qt-free modules come before PySide6: its import hook reads the source of every module imported after
# it (looking for "PySide6"), which about doubles what an import costs (bench/RESULTS.md).
from desktop.domain.errors import LuoshiError
from desktop.services.locations import database_path, sample_plan_path
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace

from PySide6.QtCore import QEvent, QLibraryInfo, QLockFile, QObject, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication
# isort: on

from desktop.ui.crash import CrashReporter, log_file, log_start
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    import argparse

# Set by the start-up benchmark: quit as soon as the main window has painted once.
EXIT_AFTER_PAINT = "LUOSHI_EXIT_AFTER_PAINT"


def application() -> QApplication:
    """Return the QApplication, creating it with Chinese Qt dialogs (Qt 6 scales high-DPI screens itself)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Luoshi")
    app.setApplicationDisplayName("落实")
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def open_workspace(db_path: Path, ws: Workspace | None = None) -> Workspace:
    """Open the database, seeding it with the bundled sample plan when it holds no plan yet."""
    from desktop.services import imports  # after the first paint: the parsers are heavy
    from desktop.services import plans as plan_service

    ws = ws or Workspace(db_path)
    if not plan_service.list_plans(ws):
        imports.import_file(ws, path=sample_plan_path())
    return ws


def ui_settings(db_path: Path) -> QSettings:
    """Return the window's own settings (geometry, splitters, text size), kept beside the database."""
    return QSettings(str(db_path.parent / "luoshi-ui.ini"), QSettings.Format.IniFormat)


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


def _painted_quit() -> None:
    """Print when the window painted (wall clock, for the benchmark) and quit."""
    sys.stdout.write(f"painted {time.time():.6f}\n")
    sys.stdout.flush()
    QApplication.quit()


def _open_desk(window: MainWindow, *, first_run_setup: bool) -> None:
    """Check and open the database (seeding the sample when empty), ask for 本单位 on a first run, show the desk.

    The integrity check runs here, after the first paint: on years of data it takes a noticeable moment.
    The day's backup and the log line follow once the desk is shown.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.notes import my_unit

    try:
        _check_database(window.ws.path)
        open_workspace(window.ws.path, window.ws)
        if first_run_setup and not my_unit(window.ws):
            from desktop.ui.setup_flow import run_setup

            run_setup(window.ws, window, first_run=True)
        window.load()
    except LuoshiError as error:
        QMessageBox.critical(window, "落实", error_text(error))
        window.close()
        return
    _AfterPaint(window, lambda: _after_load(window))  # once the filled desk is on screen
    window.update()


def _after_load(window: MainWindow) -> None:
    """Log this start and take the day's first backup; a failed backup is reported, never fatal."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import backups

    log_start(window.ws.path.parent / "logs", window.ws.path)
    try:
        backups.daily_backup(window.ws)
    except LuoshiError as error:
        QMessageBox.warning(
            window,
            "落实",
            "今天的自动备份没有完成：" + error_text(error) + "\n数据库本身未受影响，可以继续填写。",
        )


def _check_database(db_path: Path) -> None:
    """Run the quick integrity check; a damaged file is set aside and the newest good backup offered."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import backups

    health = backups.check_on_start(db_path)
    if health.ok:
        return
    text = f"数据库文件已损坏，无法使用。为保护数据，已将它另存为“{health.set_aside}”（未删除）。"
    if health.offer is None:
        QMessageBox.critical(None, "落实", text + "\n没有找到可用的备份，将新建一个空数据库。")
        return
    answer = QMessageBox.question(
        None,
        "落实",
        text + f"\n\n最新的完好备份是 {health.offer.taken:%Y年%m月%d日 %H:%M}。现在用它恢复吗？"
        "\n（选“否”将新建一个空数据库，损坏的文件仍保留。）",
    )
    if answer == QMessageBox.StandardButton.Yes:
        backups.restore(db_path, health.offer)


def _refuse(text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "落实", text)
    return 1


def _parse_args(args: list[str]) -> argparse.Namespace:
    import argparse

    parser = argparse.ArgumentParser(prog="luoshi-desktop")
    parser.add_argument("--db", help="数据库文件路径")
    return parser.parse_args(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the clerk's database; one instance per database."""
    args = list(argv) if argv is not None else sys.argv[1:]
    db = _parse_args(args).db if args else None  # a clerk's start has none: no argparse, gettext or locale
    app = application()
    db_path = database_path(db)
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
    ws = Workspace(db_path)  # opened on first use, after the window has painted
    window = MainWindow(ws, ui_settings(db_path), load=False)
    reporter.before_dialog = window.autosaver.flush
    watch = os.environ.get(EXIT_AFTER_PAINT)
    if watch == "loaded":  # the start-up benchmark: quit once the loaded desk has painted
        window.loaded.connect(lambda: (_AfterPaint(window, _painted_quit), window.update()))
    if watch and watch != "loaded":  # or quit as soon as the window has painted
        _AfterPaint(window, _painted_quit)
    else:
        # the window paints first; then the database is opened (sqlite-utils imported) and the desk filled
        _AfterPaint(window, lambda: _open_desk(window, first_run_setup=not watch))
    window.show()
    code = app.exec()
    ws.close()
    lock.unlock()
    return int(code)
