"""The window's menus and the small actions behind them: navigation, settings, backups, text size.

The heavier flows (import and review, exports, set-up, a note's history and 佐证材料) live in their own
modules, imported the first time the clerk asks for them, so they do not lengthen the start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop.domain.errors import LuoshiError
from desktop.services.messages import error_text

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeySequence

    from desktop.ui.desk import Desk
    from desktop.ui.export_actions import ExportActions
    from desktop.ui.import_flow import ImportFlow
    from desktop.ui.measure_actions import MeasureActions
    from desktop.ui.note_actions import NoteActions
    from desktop.ui.office_actions import OfficeActions

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

    def __init__(self, desk: Desk) -> None:
        """Add the menus to the desk's window and restore the text size."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self._imports: ImportFlow | None = None
        self._exports: ExportActions | None = None
        self._notes: NoteActions | None = None
        self._measures: MeasureActions | None = None
        self._base_point_size: float | None = None  # the platform's size, read when the text is first scaled
        self._font_scale = 100
        self.size_actions: dict[int, QAction] = {}
        self.office: OfficeActions | None = None
        self._filled = False
        bar = desk.menuBar()
        self._menus = {
            "file": bar.addMenu(self.tr("文件(&F)")),
            "view": bar.addMenu(self.tr("查看(&V)")),
            "settings": bar.addMenu(self.tr("设置(&S)")),
            "help": bar.addMenu(self.tr("帮助(&H)")),
        }
        saved = str(desk.settings.value("ui/font_scale", 100) or 100)
        self.set_font_scale(int(saved) if saved.isdigit() and int(saved) in FONT_SCALES else 100)
        d = desk.detail
        d.history_requested.connect(lambda: self.notes.show_history())
        d.edit_measure_requested.connect(lambda: self.measures.edit_current())
        d.attach_requested.connect(lambda: self.notes.attach_files())
        d.open_attachment.connect(lambda attachment_id: self.notes.open_attachment(attachment_id))
        d.remove_attachment.connect(lambda attachment_id: self.notes.remove_attachment(attachment_id))

    @property
    def imports(self) -> ImportFlow:
        """The import flow, created on first use."""
        if self._imports is None:
            from desktop.ui.import_flow import ImportFlow

            self._imports = ImportFlow(self.desk)
        return self._imports

    @property
    def exports(self) -> ExportActions:
        """The report, ledger and format-check flow, created on first use."""
        if self._exports is None:
            from desktop.ui.export_actions import ExportActions

            self._exports = ExportActions(self.desk)
        return self._exports

    @property
    def notes(self) -> NoteActions:
        """History and 佐证材料 of the note in the editor, created when the first measure opens."""
        if self._notes is None:
            from desktop.ui.note_actions import NoteActions

            self._notes = NoteActions(self.desk)
        return self._notes

    @property
    def measures(self) -> MeasureActions:
        """编辑措施 on the measure in the detail pane, created on first use."""
        if self._measures is None:
            from desktop.ui.measure_actions import MeasureActions

            self._measures = MeasureActions(self.desk)
        return self._measures

    def _action(
        self, menu_name: str, text: str, slot: object, *keys: str | QKeySequence.StandardKey
    ) -> QAction:
        menu = self._menus[menu_name]
        from PySide6.QtGui import QAction, QKeySequence  # built after the first paint, with the commands

        action = QAction(text, self.widget)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def fill_menus(self) -> None:
        """Add the menus' commands and shortcuts; the window calls it as the desk loads (once).

        The menu titles paint with the window; the ~25 commands come just after the first paint, when the
        desk they act on is being opened.
        """
        from PySide6.QtGui import QKeySequence

        from desktop.ui.office_actions import OfficeActions

        if self._filled:
            return
        self._filled = True
        self._action(
            "file",
            self.tr("导入方案或任务清单…"),
            lambda: self.imports.choose_import(),
            QKeySequence.StandardKey.Open,
        )
        self._menus["file"].addSeparator()
        self._action("file", self.tr("生成报告…"), lambda: self.exports.make_report(), "Ctrl+R")
        self._action("file", self.tr("导出台账…"), lambda: self.exports.make_ledger(), "Ctrl+E")
        self._action("file", self.tr("格式检查…"), lambda: self.exports.choose_check())
        self._menus["file"].addSeparator()
        self._action("file", self.tr("退出"), self.desk.close, "Ctrl+Q")
        self._action("view", self.tr("下一项措施"), lambda: self.desk.move_by(1), "Alt+Down", "Ctrl+PgDown")
        self._action("view", self.tr("上一项措施"), lambda: self.desk.move_by(-1), "Alt+Up", "Ctrl+PgUp")
        self._action("view", self.tr("搜索"), self.focus_search, QKeySequence.StandardKey.Find)
        self._action("view", self.tr("方案历史版本…"), self.show_versions)
        self._menus["view"].addSeparator()
        for percent, label in zip(
            FONT_SCALES, (self.tr("标准字号"), self.tr("较大字号"), self.tr("特大字号")), strict=True
        ):
            action = self._action("view", label, lambda _=False, p=percent: self.set_font_scale(p))
            action.setCheckable(True)
            action.setChecked(percent == self._font_scale)
            self.size_actions[percent] = action
        self._action("settings", self.tr("本单位与报送周期…"), self.edit_setup)
        self._action("settings", self.tr("恢复备份…"), self.restore_backup)
        self.office = OfficeActions(self.desk, self._menus["settings"])
        self._action("help", self.tr("关于落实"), self.about)

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background (a drop on the window)."""
        self.imports.import_files(files)

    def restore_backup(self) -> None:
        """List the backups; restoring closes the database, puts the backup in place and reloads."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.services import backups
        from desktop.ui.backup_dialog import BackupDialog

        if not self.desk.autosaver.flush():
            return
        dialog = BackupDialog(backups.list_backups(self.desk.ws.path), self.widget)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.desk.ws.close()  # reopened on next use
        try:
            backups.restore(self.desk.ws.path, dialog.chosen)
        except (LuoshiError, OSError) as error:
            text = error_text(error) if isinstance(error, LuoshiError) else str(error)
            self.desk.reload()
            QMessageBox.warning(self.widget, self.tr("恢复备份"), self.tr("未能恢复备份：") + text)
            return
        self.desk.reload()
        self.desk.statusBar().showMessage(self.tr("已恢复备份。"), 8000)

    def show_versions(self) -> None:
        """Open the plan's version history."""
        from desktop.ui.versions_dialog import VersionsDialog

        self.versions_dialog = VersionsDialog(self.desk.ws, self.widget)
        self.versions_dialog.show()

    # ---- settings -----------------------------------------------------------------------------
    def edit_setup(self) -> None:
        """Open the set-up dialog with the current choices."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.setup_flow import run_setup

        try:
            run_setup(self.desk.ws, self.widget, first_run=False)
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("落实"), error_text(error))
        self.desk.reload()

    def set_font_scale(self, percent: int) -> None:
        """Switch to a larger or standard text size and remember it."""
        if self._base_point_size is None and percent != 100:
            self._base_point_size = QApplication.font().pointSizeF()
        if self._base_point_size is not None:  # at 100 % an unscaled font is left alone (no QFont at start)
            apply_font_scale(percent, self._base_point_size)
        self._font_scale = percent
        for value, action in self.size_actions.items():
            action.setChecked(value == percent)
        self.desk.settings.setValue("ui/font_scale", percent)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.desk.filters.search.setFocus()
        self.desk.filters.search.selectAll()

    def about(self) -> None:
        """Say what the program is."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.widget,
            self.tr("关于落实"),
            self.tr("落实：实施方案任务落实台账。离线运行，数据保存在本机：") + str(self.desk.ws.path),
        )
