"""方案历史版本: every imported version of a plan stays viewable, measures as they then read."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.ids import PlanId
from desktop.domain.terms import Role
from desktop.services import plans as plan_service
from desktop.services import revisions
from desktop.services.revisions import VersionRow
from desktop.services.workspace import Workspace
from desktop.ui.screen import fit_to_screen


class VersionsDialog(QDialog):
    """A plan chooser, its versions, and the measures of the version selected."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        """List the plans and show the current version of the first."""
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("方案历史版本"))
        fit_to_screen(self, 1100, 640)
        self.plan = QComboBox()
        for plan in plan_service.list_plans(ws):
            self.plan.addItem(plan.title, plan.id)
        self.plan.currentIndexChanged.connect(self._fill_versions)
        self.versions = QListWidget()
        self.versions.setMaximumWidth(300)
        self.versions.currentRowChanged.connect(self._fill_measures)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("措施"), self.tr("责任单位"), self.tr("完成时限")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 220)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("方案：")))
        top.addWidget(self.plan, 1)
        body = QHBoxLayout()
        body.addWidget(self.versions)
        body.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._rows: list[VersionRow] = []
        self._fill_versions()

    def _fill_versions(self) -> None:
        self.versions.clear()
        plan_id = self.plan.currentData()
        self._rows = revisions.versions(self.ws, PlanId(int(plan_id))) if plan_id is not None else []
        for v in self._rows:
            mark = self.tr("（当前）") if v.current else ""
            self.versions.addItem(
                self.tr("第%1版%2\n%3，%4 项措施")
                .replace("%1", str(v.version_no))
                .replace("%2", mark)
                .replace("%3", v.source_name)
                .replace("%4", str(v.measure_count))
            )
        if self._rows:
            self.versions.setCurrentRow(len(self._rows) - 1)

    def _fill_measures(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            self.table.setRowCount(0)
            return
        plan_id = PlanId(int(self.plan.currentData()))
        measures = revisions.version_measures(self.ws, plan_id, self._rows[row].id)
        self.table.setRowCount(len(measures))
        for number, m in enumerate(measures):
            units = "、".join(u.name + ("（牵头）" if u.role is Role.LEAD else "") for u in m.units)
            for column, text in enumerate((m.label, m.text, units, m.deadline or "")):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
