"""The window's menus and the small actions behind them: navigation, settings, backups, text size.

The heavier flows (import and review, exports, set-up, a note's history and 佐证材料, the office's
commands) live in their own modules; this one builds the menus and hands each command to its flow.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.errors import LuoshiError
from desktop.services import backups
from desktop.services.messages import error_text
from desktop.ui.background import BackgroundTask
from desktop.ui.backup_dialog import BackupDialog
from desktop.ui.claims_dialog import ClaimsDialog, confirm_category_tasks
from desktop.ui.desk import EVERYTHING, Desk
from desktop.ui.network_actions import NetworkActions
from desktop.ui.note_actions import NoteActions
from desktop.ui.office_actions import OfficeActions
from desktop.ui.screen import available
from desktop.ui.setup_flow import run_setup
from desktop.ui.versions_dialog import VersionsDialog

if TYPE_CHECKING:
    from desktop.ui.archive_actions import ArchiveActions
    from desktop.ui.export_actions import ExportActions
    from desktop.ui.import_flow import ImportFlow
    from desktop.ui.measure_actions import MeasureActions

FONT_SCALES = (100, 125, 150)


def apply_font_scale(percent: int, base_point_size: float) -> None:
    """Set the application font to `percent` of the platform's size (较大/特大字号)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = app.font()
        font.setPointSizeF(base_point_size * percent / 100)
        app.setFont(font)


def keep_on_screen(window: QWidget, wanted: QSize) -> None:
    """Give `window` the size `wanted` (as much as its new text size allows), inside the free screen area.

    Runs once the layouts have followed a new text size: a larger text may force the window to grow,
    and going back to a smaller one returns it to `wanted` instead of leaving it grown.
    """

    def clamp() -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the layouts' new minimum sizes
        area = available(window)
        frame = window.frameGeometry().size() - window.size()  # title bar and borders
        least = window.minimumSizeHint()
        width = min(max(wanted.width(), least.width()), area.width() - frame.width())
        height = min(max(wanted.height(), least.height()), area.height() - frame.height())
        if (width, height) != (window.width(), window.height()):
            window.resize(width, height)

    QTimer.singleShot(0, window, clamp)


class WindowActions(QObject):
    """Builds the menus of the desk's window and carries out what they ask."""

    def __init__(self, desk: Desk) -> None:
        """Add the menus to the desk's window and restore the text size."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.notes = NoteActions(desk)
        self.restore_task: BackgroundTask[Path | None] | None = None
        self.claims_dialog: ClaimsDialog | None = None
        self._base_point_size = QApplication.font().pointSizeF()  # the platform's size
        self._font_scale = 100
        self._wanted_size: QSize | None = None
        self._grown_to = QSize()
        self.size_actions: dict[int, QAction] = {}
        bar = desk.menuBar()
        self._menus = {
            "file": bar.addMenu(self.tr("文件(&F)")),
            "view": bar.addMenu(self.tr("查看(&V)")),
            "settings": bar.addMenu(self.tr("设置(&S)")),
            "help": bar.addMenu(self.tr("帮助(&H)")),
        }
        self._fill_menus()
        self.office = OfficeActions(desk, self._menus["settings"])
        self.network = NetworkActions(desk, self._menus["settings"], import_files=self.import_files)
        self._action("help", self.tr("关于落实"), self.about)
        saved = str(desk.settings.value("ui/font_scale", 100) or 100)
        self._font_scale = int(saved) if saved.isdigit() and int(saved) in FONT_SCALES else 100
        apply_font_scale(self._font_scale, self._base_point_size)  # the window is sized by its owner after
        for value, action in self.size_actions.items():
            action.setChecked(value == self._font_scale)
        d = desk.detail
        d.history_requested.connect(self.notes.show_history)
        d.edit_measure_requested.connect(lambda: self.measures.edit_current())
        d.attach_requested.connect(self.notes.attach_files)
        d.open_attachment.connect(self.notes.open_attachment)
        d.remove_attachment.connect(self.notes.remove_attachment)

    # The flows behind the menus (import and review, report and ledger, 编辑措施) load at their first use:
    # imported with the desk they made the filled worklist ~60 ms slower and the window ~15 MB larger
    # (bench/RESULTS.md, 2026-12-03). tests/test_layers.py lists these deferred imports.
    @cached_property
    def imports(self) -> ImportFlow:
        """The import flow."""
        from desktop.ui.import_flow import ImportFlow  # a menu's flow: loaded at its first use

        return ImportFlow(self.desk)

    @cached_property
    def exports(self) -> ExportActions:
        """The report, ledger and format-check flow."""
        from desktop.ui.export_actions import ExportActions  # a menu's flow: loaded at its first use

        return ExportActions(self.desk)

    @cached_property
    def archive(self) -> ArchiveActions:
        """归档当前方案… and 已归档的方案…."""
        from desktop.ui.archive_actions import ArchiveActions  # a menu's flow: loaded at its first use

        return ArchiveActions(self.desk)

    @cached_property
    def measures(self) -> MeasureActions:
        """编辑措施 on the measure in the detail pane."""
        from desktop.ui.measure_actions import MeasureActions  # a menu's flow: loaded at its first use

        return MeasureActions(self.desk)

    def _action(
        self, menu_name: str, text: str, slot: object, *keys: str | QKeySequence.StandardKey
    ) -> QAction:
        action = QAction(text, self.widget)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self._menus[menu_name].addAction(action)
        return action

    def _fill_menus(self) -> None:
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
        self._action("file", self.tr("报送到服务器…"), lambda: self.network.send())
        self._menus["file"].addSeparator()
        self._action("file", self.tr("归档当前方案…"), lambda: self.archive.archive_current())
        self._action("file", self.tr("已归档的方案…"), lambda: self.archive.show_archived())
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
            self.size_actions[percent] = action
        self._action("settings", self.tr("本单位与报送周期…"), self.edit_setup)
        self._action("settings", self.tr("确认按类别分配的任务…"), self.review_claims)
        self._action("settings", self.tr("恢复备份…"), self.restore_backup)

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background (a drop on the window)."""
        self.imports.import_files(files)

    def restore_backup(self) -> None:
        """List the backups; restoring closes the database and puts the backup in place in the background."""
        if not self.desk.leave_note():
            return
        dialog = BackupDialog(backups.list_backups(self.desk.ws.path), self.widget)
        if dialog.exec() != BackupDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen, db_path = dialog.chosen, self.desk.ws.path
        self.desk.ws.close()  # reopened on next use
        self.restore_task = BackgroundTask(
            lambda _control: backups.restore(db_path, chosen),
            on_done=lambda _none: self._restored(""),
            on_failed=self._restored,
            title=self.tr("恢复备份"),
            label=self.tr("正在恢复备份…"),
            parent=self.widget,
        )

    def _restored(self, message: str) -> None:
        self.desk.changed.emit(EVERYTHING)
        if message:
            QMessageBox.warning(self.widget, self.tr("恢复备份"), self.tr("未能恢复备份：") + message)
        else:
            self.desk.statusBar().showMessage(self.tr("已恢复备份。"), 8000)

    def show_versions(self) -> None:
        """Open the plan's version history."""
        self.versions_dialog = VersionsDialog(self.desk.ws, self.widget)
        self.versions_dialog.show()

    # ---- settings -----------------------------------------------------------------------------
    def edit_setup(self) -> None:
        """Open the set-up dialog with the current choices."""
        try:
            saved = run_setup(self.desk.ws, self.widget, first_run=False)
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("落实"), error_text(error))
            saved = False
        self.desk.changed.emit(EVERYTHING)
        if saved:  # the unit or its categories may have changed: ask about tasks given by category
            self.claims_dialog = confirm_category_tasks(self.desk)

    def review_claims(self) -> None:
        """List every category task of the unit with its answer, to confirm or change."""
        self.claims_dialog = confirm_category_tasks(self.desk, only_unanswered=False)
        if self.claims_dialog is None:
            QMessageBox.information(
                self.widget,
                self.tr("确认按类别分配的任务"),
                self.tr("本单位没有按类别（如“各行业主管部门”）分配的任务，无需确认。"),
            )

    def set_font_scale(self, percent: int) -> None:
        """Switch to a larger or standard text size and remember it."""
        if self._wanted_size is None or self.widget.size() != self._grown_to:
            self._wanted_size = self.widget.size()  # the size the clerk gave the window
        apply_font_scale(percent, self._base_point_size)
        keep_on_screen(self.widget, self._wanted_size)
        QTimer.singleShot(0, self, lambda: setattr(self, "_grown_to", self.widget.size()))
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
        QMessageBox.about(
            self.widget,
            self.tr("关于落实"),
            self.tr("落实：实施方案任务落实台账。离线运行，数据保存在本机：") + str(self.desk.ws.path),
        )
