"""The window's menus and the actions behind them: import, settings, history, 佐证材料, text size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop.domain.errors import LuoshiError
from desktop.services import attachments as attachment_service
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services import revisions
from desktop.services import units as unit_service
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask
from desktop.ui.export_actions import ExportActions
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.import_task import FileResult, ImportTask
from desktop.ui.office_actions import OfficeActions
from desktop.ui.review_dialog import ReviewDialog
from desktop.ui.setup_dialog import SetupChoice, SetupDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

FONT_SCALES = (100, 125, 150)
PLAN_FILTER = "方案文件 (*.docx *.pdf *.xlsx *.txt *.doc *.wps *.xls);;所有文件 (*)"


def apply_font_scale(percent: int, base_point_size: float) -> None:
    """Set the application font to `percent` of the platform's size (较大/特大字号)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSizeF(base_point_size * percent / 100)
        app.setFont(font)


class WindowActions(QObject):
    """Builds the menus of a MainWindow and carries out what they ask."""

    def __init__(self, window: MainWindow) -> None:
        """Add the menus to `window` and restore its saved geometry and text size."""
        super().__init__(window)
        self.window = window
        self.task: ImportTask | None = None
        self.last_import: list[FileResult] = []
        self.pending_reviews: list[revisions.Prepared] = []
        self.base_point_size = QApplication.font().pointSizeF()
        self._build_menus()
        self.restore_window_state()
        d = window.detail
        d.history_requested.connect(self.show_history)
        d.attach_requested.connect(self.attach_files)
        d.open_attachment.connect(self.open_attachment)
        d.remove_attachment.connect(self.remove_attachment)

    def _action(
        self, menu_name: str, text: str, slot: object, *keys: str | QKeySequence.StandardKey
    ) -> QAction:
        menu = self._menus[menu_name]
        action = QAction(text, self.window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self._menus = {
            "file": bar.addMenu(self.tr("文件(&F)")),
            "view": bar.addMenu(self.tr("查看(&V)")),
            "settings": bar.addMenu(self.tr("设置(&S)")),
            "help": bar.addMenu(self.tr("帮助(&H)")),
        }
        self._action(
            "file", self.tr("导入方案或任务清单…"), self.choose_import, QKeySequence.StandardKey.Open
        )
        self._menus["file"].addSeparator()
        self.exports = ExportActions(self.window, self._menus["file"])
        self._menus["file"].addSeparator()
        self._action("file", self.tr("退出"), self.window.close, "Ctrl+Q")
        self._action("view", self.tr("下一项措施"), lambda: self.window.move_by(1), "Alt+Down", "Ctrl+PgDown")
        self._action("view", self.tr("上一项措施"), lambda: self.window.move_by(-1), "Alt+Up", "Ctrl+PgUp")
        self._action("view", self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action("view", self.tr("方案历史版本…"), self.show_versions)
        self._menus["view"].addSeparator()
        self.size_actions = {}
        for percent, label in zip(
            FONT_SCALES, (self.tr("标准字号"), self.tr("较大字号"), self.tr("特大字号")), strict=True
        ):
            action = self._action("view", label, lambda _=False, p=percent: self.set_font_scale(p))
            action.setCheckable(True)
            self.size_actions[percent] = action
        self._action("settings", self.tr("本单位与报送周期…"), self.edit_setup)
        self._action("settings", self.tr("恢复备份…"), self.restore_backup)
        self.office = OfficeActions(self.window, self._menus["settings"])
        self._action("help", self.tr("关于落实"), self.about)

    # ---- import -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ask for plan files and import them."""
        names, _ = QFileDialog.getOpenFileNames(self.window, self.tr("导入方案"), "", self.tr(PLAN_FILTER))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background, then list what became of each."""
        if self.task is not None and self.task.is_running():
            return
        if not self.window.autosaver.flush():
            return
        self.task = ImportTask(self.window.ws.path, files, self.window)
        self.task.done.connect(self._import_done)

    def _import_done(self, results: list[FileResult], cancelled: bool) -> None:
        self.last_import = results
        self.window.reload()
        if cancelled:
            text = self.tr("已取消导入。取消时正在导入的文件未写入数据库。")
        else:
            text = self.tr("导入完成。")
        lines = [("✔ " if r.ok else "✘ ") + f"{r.path.name}：{r.message}" for r in results]
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("导入方案"))
        box.setIcon(QMessageBox.Icon.Information if all(r.ok for r in results) else QMessageBox.Icon.Warning)
        box.setText(text + "\n\n" + "\n".join(lines))
        box.show()
        self.result_box = box
        self.pending_reviews = [r.review for r in results if r.review is not None]
        self.review_next()

    def review_next(self) -> None:
        """Show the next revision waiting for review; applying it runs in the background."""
        if not self.pending_reviews:
            return
        dialog = ReviewDialog(self.pending_reviews.pop(0), self.window)
        dialog.accepted.connect(lambda: self._apply_review(dialog.prepared))
        dialog.rejected.connect(self.review_next)
        dialog.open()
        self.review_dialog = dialog

    def _apply_review(self, prepared: revisions.Prepared) -> None:
        path = self.window.ws.path

        def work(should_stop: Callable[[], bool]) -> object:
            with Workspace(path) as ws:  # its own connection, in the worker thread
                return revisions.apply(ws, prepared, should_stop=should_stop)

        task = BackgroundTask(
            work, title=self.tr("应用新版本"), label=self.tr("正在应用新版本…"), parent=self.window
        )
        task.done.connect(self._review_applied)
        self.apply_task = task

    def _review_applied(self, saved: object, message: str, cancelled: bool) -> None:
        self.window.reload()
        if message:
            QMessageBox.warning(self.window, self.tr("应用新版本"), message)
        elif not cancelled:
            self.window.statusBar().showMessage(self.tr("已应用新版本，原有进展记录均已保留。"), 8000)
        self.review_next()

    def restore_backup(self) -> None:
        """List the backups; restoring closes the database, puts the backup in place and reloads."""
        from desktop.services import backups
        from desktop.ui.backup_dialog import BackupDialog

        if not self.window.autosaver.flush():
            return
        dialog = BackupDialog(backups.list_backups(self.window.ws.path), self.window)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.window.ws.close()  # reopened on next use
        try:
            backups.restore(self.window.ws.path, dialog.chosen)
        except (LuoshiError, OSError) as error:
            text = error_text(error) if isinstance(error, LuoshiError) else str(error)
            QMessageBox.warning(self.window, self.tr("恢复备份"), text)
        self.window.reload()
        self.window.statusBar().showMessage(self.tr("已恢复备份。"), 8000)

    def show_versions(self) -> None:
        """Open the plan's version history."""
        from desktop.ui.versions_dialog import VersionsDialog

        self.versions_dialog = VersionsDialog(self.window.ws, self.window)
        self.versions_dialog.show()

    # ---- settings -----------------------------------------------------------------------------
    def edit_setup(self) -> None:
        """Open the set-up dialog with the current choices."""
        try:
            run_setup(self.window.ws, self.window, first_run=False)
        except LuoshiError as error:
            QMessageBox.warning(self.window, self.tr("落实"), error_text(error))
        self.window.reload()

    def set_font_scale(self, percent: int) -> None:
        """Switch to a larger or standard text size and remember it."""
        apply_font_scale(percent, self.base_point_size)
        for value, action in self.size_actions.items():
            action.setChecked(value == percent)
        self.window.settings.setValue("ui/font_scale", percent)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.window.filters.search.setFocus()
        self.window.filters.search.selectAll()

    def about(self) -> None:
        """Say what the program is."""
        QMessageBox.about(
            self.window,
            self.tr("关于落实"),
            self.tr("落实：实施方案任务落实台账。离线运行，数据保存在本机：") + str(self.window.ws.path),
        )

    def save_window_state(self) -> None:
        """Remember geometry and splitter positions."""
        s = self.window.settings
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue("window/main_split", self.window.split.saveState())
        s.setValue("window/note_split", self.window.detail.split.saveState())
        s.setValue("window/table_header", self.window.table.horizontalHeader().saveState())
        s.sync()

    def restore_window_state(self) -> None:
        """Restore geometry, splitters and text size (defaults fit a 1366×768 screen)."""
        s = self.window.settings
        self.window.resize(1280, 700)
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        for key, widget in (
            ("window/main_split", self.window.split),
            ("window/note_split", self.window.detail.split),
        ):
            state = s.value(key)
            if state is not None:
                widget.restoreState(state)
        if s.value("window/main_split") is None:
            self.window.split.setSizes([700, 640])
        header = s.value("window/table_header")
        if header is not None:
            self.window.table.horizontalHeader().restoreState(header)
        saved = str(s.value("ui/font_scale", 100) or 100)
        self.set_font_scale(int(saved) if saved.isdigit() and int(saved) in FONT_SCALES else 100)

    # ---- history and 佐证材料 -------------------------------------------------------------------
    def show_history(self) -> None:
        """List the note's revisions and restore the one the clerk picks."""
        key = self.window.current_key()
        if key is None or not self.window.autosaver.flush():
            return
        dialog = HistoryDialog(note_service.history(self.window.ws, key), self.window)
        self.history_dialog = dialog
        if dialog.exec() and dialog.chosen_revision is not None:
            self._guard(lambda: note_service.restore(self.window.ws, key, dialog.chosen_revision or 0))
            self.window.reload()

    def attach_files(self) -> None:
        """Copy evidence files into the data folder and list them under the note."""
        key = self.window.current_key()
        if key is None or not self.window.autosaver.flush():
            return
        names, _ = QFileDialog.getOpenFileNames(self.window, self.tr("添加佐证材料"))
        for name in names:
            self._guard(lambda n=name: attachment_service.attach(self.window.ws, key, Path(n)))
        self.refresh_attachments()

    def refresh_attachments(self) -> None:
        """Show the files attached to the current note."""
        key = self.window.current_key()
        rows = attachment_service.list_attachments(self.window.ws, key) if key else []
        self._rows = {row.attachment_id: row for row in rows}
        self.window.detail.show_attachments([(row.attachment_id, row.name) for row in rows])

    def open_attachment(self, attachment_id: int) -> None:
        """Open an attached file with the system's viewer."""
        row = self._rows.get(attachment_id)
        if row is not None:
            QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(attachment_service.stored_file(self.window.ws, row)))
            )

    def remove_attachment(self, attachment_id: int) -> None:
        """Take a file off the note after a confirmation."""
        row = self._rows.get(attachment_id)
        if row is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("移除佐证材料"), self.tr("从本条进展中移除“%1”？").replace("%1", row.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._guard(lambda: attachment_service.detach(self.window.ws, row))
            self.refresh_attachments()

    def _guard(self, work: object) -> None:
        try:
            work()  # type: ignore[operator]
        except LuoshiError as error:
            QMessageBox.warning(self.window, self.tr("落实"), error_text(error))


def run_setup(ws: Workspace, parent: QWidget | None, *, first_run: bool) -> bool:
    """Show the set-up dialog; save what the clerk chose. Return False when it was cancelled."""
    dialog = setup_dialog_for(ws, parent)
    if first_run:
        dialog.setWindowTitle(dialog.tr("欢迎使用落实：先设置本单位"))
    if not dialog.exec():
        return False
    save_setup(ws, dialog.choice())
    return True


def setup_dialog_for(ws: Workspace, parent: QWidget | None) -> SetupDialog:
    """Return the set-up dialog filled from the workspace."""
    ranked = sorted(unit_service.list_units(ws), key=lambda u: -(u.lead_count + u.support_count))
    units = [(u.name, u.lead_count, u.support_count) for u in ranked if not u.wildcard]
    profile = unit_service.get_profile(ws)
    schedule = period_service.get_schedule(ws)
    current = None
    if profile.unit:
        current = SetupChoice(profile.unit, list(profile.categories), schedule.rhythm, schedule.due_days)
    return SetupDialog(
        units=units, categories=unit_service.list_categories(ws), current=current, parent=parent
    )


def save_setup(ws: Workspace, choice: SetupChoice) -> None:
    """Save the clerk's unit, categories and rhythm."""
    unit_service.set_profile(ws, unit=choice.unit, categories=choice.categories)
    period_service.set_schedule(ws, rhythm=choice.rhythm, due_days=choice.due_days)
