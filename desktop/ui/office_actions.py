"""The 协调 menu of the coordinating office: 报送情况, 导出任务清单; shown in 协调单位 mode."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop.domain.errors import LuoshiError
from desktop.services import plans as plan_service
from desktop.services import units as unit_service
from desktop.services.messages import error_text
from desktop.ui.desk import Desk
from desktop.ui.file_dialogs import save_file

if TYPE_CHECKING:
    from desktop.ui.board_window import BoardWindow

MODE_KEY = "office/coordinator"


class OfficeActions(QObject):
    """Adds 协调单位模式 to the settings menu and the 协调 menu it shows."""

    def __init__(self, desk: Desk, settings_menu: QMenu) -> None:
        """Create the menu and restore the remembered mode."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.menu = QMenu(self.tr("协调(&C)"), self.widget)
        self.menu.setToolTipsVisible(True)
        about = self.menu.addAction(self.tr("协调单位：汇总各责任单位报送的台账"))
        about.setEnabled(False)  # a line that says what the menu is for
        self.menu.addSeparator()
        for text, slot in (
            (self.tr("报送情况与回执…"), self.show_board),
            (self.tr("导出任务清单…"), self.export_tasklist),
        ):
            action = QAction(text, self.widget)
            action.triggered.connect(slot)
            self.menu.addAction(action)
        self.mode = QAction(self.tr("协调单位模式（汇总各单位报送）"), self.widget)
        self.mode.setCheckable(True)
        self.mode.toggled.connect(self.set_mode)
        settings_menu.addAction(self.mode)
        self.menu_action = desk.menuBar().insertMenu(desk.menuBar().actions()[-1], self.menu)
        on = QSettings().value(MODE_KEY, False, type=bool)
        self.mode.setChecked(bool(on))
        self.menu_action.setVisible(bool(on))
        self.board: BoardWindow | None = None

    def set_mode(self, on: bool) -> None:
        """Show or hide the 协调 menu and remember the choice; say what it is for when it appears."""
        self.menu_action.setVisible(on)
        QSettings().setValue(MODE_KEY, on)
        if on:
            self.desk.statusBar().showMessage(
                self.tr(
                    "已开启协调单位模式：菜单栏的“协调”可查看各单位报送情况、导入回执、生成汇总报告，"
                    "并导出任务清单发给各单位。"
                ),
                10000,
            )

    def show_board(self) -> BoardWindow:
        """Open (or raise) the 报送情况 window."""
        if self.board is None:
            from desktop.ui.board_window import BoardWindow  # a menu's flow: loaded at its first use

            self.board = BoardWindow(self.desk.ws, self.widget, plan=self._desk_plan())
        else:
            self.board.show_plan(self._desk_plan())
        self.board.reload()
        self.board.show()
        self.board.raise_()
        return self.board

    def _desk_plan(self) -> int | None:
        """Return the plan the desk shows, or None in 全部方案."""
        plans = self.desk.current_plans()
        return plans[0] if len(plans) == 1 else None

    def _ask_plan(self, title: str) -> int | None:
        """Return the plan a task list is of: the desk's, or the one the clerk picks (None: cancelled)."""
        plan = self._desk_plan()
        if plan is not None:
            return plan
        offered = plan_service.choices(self.desk.ws, {})
        labels = [c.label for c in offered]
        label, ok = QInputDialog.getItem(
            self.widget, title, self.tr("导出哪个方案的任务清单："), labels, 0, False
        )
        return offered[labels.index(label)].plan.id if ok and label in labels else None

    def export_tasklist(self) -> None:
        """Ask which plan (in 全部方案) and which unit (or all), then where, and write the task list."""
        plan = self._ask_plan(self.tr("导出任务清单"))
        if plan is None:
            return
        everyone = self.tr("（全部任务）")
        names = [everyone] + [u.name for u in unit_service.list_units(self.desk.ws) if not u.wildcard]
        unit, ok = QInputDialog.getItem(
            self.widget, self.tr("导出任务清单"), self.tr("导出哪个单位的任务："), names, 0, False
        )
        if not ok:
            return
        chosen = None if unit == everyone else unit
        suggested = f"任务清单（{chosen or '全部'}）.xlsx"
        target = save_file(
            self.widget,
            self.desk.settings,
            "tasklist",
            self.tr("导出任务清单"),
            suggested,
            self.tr("Excel 文件 (*.xlsx)"),
        )
        if target is None:
            return
        from desktop.services import tasklists  # a menu's flow: loaded at its first use

        try:
            count = tasklists.export_tasklist(
                self.desk.ws, out=target, today=date.today(), plan_id=plan, unit=chosen
            )
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("导出任务清单"), error_text(error))
            return
        self.desk.statusBar().showMessage(
            self.tr("已导出任务清单：%1 项任务。").replace("%1", str(count)), 8000
        )
