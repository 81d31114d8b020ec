"""Opening the desk in a painted window: check and open the database, set up 本单位, show the worklist.

desktop.app imports this module once its window has painted: it is the one deferred import of the program,
and everything heavy (sqlite-utils, storage, the parser, the worklist) loads through it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from desktop.domain.errors import LuoshiError
from desktop.services import backups
from desktop.services import plans as plan_service
from desktop.services.locations import sample_plan_path
from desktop.services.messages import error_text
from desktop.services.notes import my_unit
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask
from desktop.ui.claims_dialog import confirm_category_tasks
from desktop.ui.crash import log_start
from desktop.ui.desk_view import DeskView
from desktop.ui.setup_flow import run_setup


def open_workspace(db_path: Path, ws: Workspace | None = None) -> Workspace:
    """Open the database, seeding it with the bundled sample plan when it holds no plan yet."""
    ws = ws or Workspace(db_path)
    if not plan_service.list_plans(ws):
        from desktop.services import imports  # the plan reader: loaded on a first run, to read the sample

        imports.import_file(ws, path=sample_plan_path())
    return ws


def open_desk(window: QMainWindow, settings: QSettings, db_path: Path) -> DeskView | None:
    """Check and open the database (seeding the sample when empty), ask for 本单位 on a first run, build the desk.

    The desk is built inside `window`, for the window to show. Returns None when the database cannot be
    opened: the clerk has been told why and the window closed.
    """
    ws = Workspace(db_path)
    try:
        check_database(db_path, window)
        open_workspace(db_path, ws)
        first_setup = not my_unit(ws) and run_setup(ws, window, first_run=True)
        desk = DeskView(ws, settings, window)
        if first_setup:
            confirm_category_tasks(desk)
    except LuoshiError as error:
        ws.close()
        QMessageBox.critical(window, "落实", error_text(error))
        window.close()
        return None
    return desk


def after_start(desk: DeskView) -> BackupTask:
    """Log this start and take the day's first backup off the UI thread; a failure is reported, never fatal."""
    log_start(desk.ws.path.parent / "logs", desk.ws.path)
    return BackupTask(desk.ws.path, desk.widget())


class BackupTask(QObject):
    """The day's first backup, taken on its own connection in the background."""

    def __init__(self, db_path: Path, parent: QWidget) -> None:
        """Start the backup of `db_path`; a fault is shown over `parent`."""
        super().__init__(parent)
        self._parent = parent
        self.task = BackgroundTask(
            lambda _control: _daily_backup(db_path),
            on_done=lambda _none: None,
            on_failed=self._failed,
            title=self.tr("落实"),
            label=self.tr("正在进行每日自动备份…"),
            parent=parent,
        )

    def _failed(self, message: str) -> None:
        QMessageBox.warning(
            self._parent,
            self.tr("落实"),
            self.tr("今天的自动备份没有完成：%1\n数据库本身未受影响，可以继续填写。").replace("%1", message),
        )


def _daily_backup(db_path: Path) -> None:
    with Workspace(db_path) as ws:  # a connection of this thread: SQLite connections stay in theirs
        backups.daily_backup(ws)


def check_database(db_path: Path, parent: QWidget) -> None:
    """Run the quick integrity check; a damaged file is set aside and the newest good backup offered."""
    health = backups.check_on_start(db_path)
    if health.ok:
        return
    text = parent.tr("数据库文件已损坏，无法使用。为保护数据，已将它另存为“%1”（未删除）。").replace(
        "%1", str(health.set_aside)
    )
    if health.offer is None:
        QMessageBox.critical(parent, "落实", text + parent.tr("\n没有找到可用的备份，将新建一个空数据库。"))
        return
    answer = QMessageBox.question(
        parent,
        "落实",
        text
        + parent.tr(
            "\n\n最新的完好备份是 %1。现在用它恢复吗？\n（选“否”将新建一个空数据库，损坏的文件仍保留。）"
        ).replace("%1", f"{health.offer.taken:%Y年%m月%d日 %H:%M}"),
    )
    if answer == QMessageBox.StandardButton.Yes:
        backups.restore(db_path, health.offer)
