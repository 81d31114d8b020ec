"""归档 a finished plan (it leaves the chooser; its data stays, searchable) and bring one back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LuoshiError
from desktop.domain.ids import PlanId
from desktop.services import plans as plan_service
from desktop.services.messages import error_text
from desktop.ui.desk import EVERYTHING, Desk


class ArchivedDialog(QDialog):
    """The archived plans; 恢复 brings the chosen one back to the chooser."""

    def __init__(self, plans: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        """List `plans` (id, name)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("已归档的方案"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("已归档的方案"))
        for plan_id, name in plans:
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, plan_id)
        if plans:
            self.list.setCurrentRow(0)
        note = QLabel(
            self.tr("归档的方案不出现在方案选择中，其措施和进展都保留，在“全部方案”中搜索仍能找到。")
            if plans
            else self.tr("没有已归档的方案。")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore = buttons.addButton(self.tr("恢复"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore.setEnabled(bool(plans))
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def chosen(self) -> int | None:
        """Return the id of the plan chosen, if any."""
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class ArchiveActions(QObject):
    """文件 → 归档当前方案… and 已归档的方案…."""

    def __init__(self, desk: Desk) -> None:
        """Act on `desk`'s plans."""
        super().__init__(desk.widget())
        self.desk = desk
        self.dialog: ArchivedDialog | None = None

    def archive_current(self) -> None:
        """Ask, then archive the plan the desk shows."""
        plans = self.desk.current_plans()
        title = self.tr("归档方案")
        if len(plans) != 1:
            QMessageBox.information(
                self.desk.widget(),
                title,
                self.tr("请先在“方案”中选择要归档的方案（不能在“全部方案”中归档）。"),
            )
            return
        plan = next(p for p in plan_service.list_plans(self.desk.ws) if p.id == plans[0])
        name = plan_service.plan_label(plan.title, plan.doc_number)
        answer = QMessageBox.question(
            self.desk.widget(),
            title,
            self.tr(
                "归档%1？\n\n归档后它不再出现在方案选择中；措施和进展全部保留，仍可搜索，"
                "可在“文件 → 已归档的方案…”中恢复。"
            ).replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes or not self.desk.leave_note():
            return
        self._set(plan.id, archived=True, done=self.tr("已归档%1。").replace("%1", name))

    def show_archived(self) -> None:
        """List the archived plans and restore the one the clerk chooses."""
        archived = plan_service.list_plans(self.desk.ws, archived=True)
        names: list[tuple[int, str]] = [
            (p.id, plan_service.plan_label(p.title, p.doc_number)) for p in archived
        ]
        self.dialog = ArchivedDialog(names, self.desk.widget())
        if self.dialog.exec() == QDialog.DialogCode.Accepted and self.dialog.chosen() is not None:
            chosen = self.dialog.chosen()
            assert chosen is not None
            name = dict(names)[chosen]
            self._set(PlanId(chosen), archived=False, done=self.tr("已恢复%1。").replace("%1", name))

    def _set(self, plan_id: PlanId, *, archived: bool, done: str) -> None:
        try:
            plan_service.set_archived(self.desk.ws, plan_id, archived)
        except LuoshiError as error:
            QMessageBox.warning(self.desk.widget(), self.tr("归档方案"), error_text(error))
            return
        self.desk.changed.emit(EVERYTHING)
        self.desk.statusBar().showMessage(done, 8000)
