"""确认按类别分配的任务: every task given to a category of 本单位 (各行业主管部门…), answered in one place."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.worklist import WorkItem
from desktop.domain.errors import LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.terms import Claim
from desktop.services import claims as claim_service
from desktop.services.messages import error_text
from desktop.ui.desk import EVERYTHING, Desk
from desktop.ui.message_boxes import ok_cancel
from desktop.ui.screen import fit_to_screen

_UNANSWERED = ""
PLAN_COLUMN = 4


class ClaimsDialog(QDialog):
    """One row per category task, with 待确认 / 属于本单位 / 不属于本单位."""

    def __init__(self, items: list[WorkItem], parent: QWidget | None = None) -> None:
        """List `items` (category tasks) with their current answers; a 方案 column when they span plans."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认按类别分配的任务"))
        self._items = items
        intro = QLabel(
            self.tr(
                "以下任务在方案中分配给“各行业主管部门”“有关部门”等类别，本单位属于这些类别。"
                "请逐项确认是否属于本单位：确认属于的列入报告和台账；不属于的不再列为本单位任务；"
                "待确认的暂不列入报告和台账。以后可在措施详情或表格右键菜单中更改。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(items), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("序号"), self.tr("任务"), self.tr("分配给"), self.tr("是否属于本单位"), self.tr("方案")]
        )
        self.table.setColumnHidden(PLAN_COLUMN, len({i.plan_id for i in items}) < 2)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLAN_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.moveSection(PLAN_COLUMN, 1)
        self.table.setColumnWidth(PLAN_COLUMN, 14 * self.fontMetrics().horizontalAdvance("国"))
        self.choices: list[QComboBox] = []
        for row, item in enumerate(items):
            texts = {
                0: item.label,
                1: item.text.replace("\n", " "),
                2: item.matched,
                PLAN_COLUMN: item.plan_title,
            }
            for column, text in texts.items():
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.text if column == 1 else text)
                self.table.setItem(row, column, cell)
            choice = QComboBox()
            choice.addItem(self.tr("待确认"), _UNANSWERED)
            choice.addItem(self.tr("属于本单位"), Claim.MINE.value)
            choice.addItem(self.tr("不属于本单位"), Claim.NOT_MINE.value)
            choice.setCurrentIndex(choice.findData(item.claim.value if item.claim else _UNANSWERED))
            self.table.setCellWidget(row, 3, choice)
            self.choices.append(choice)
        self.table.resizeRowsToContents()
        all_mine = QPushButton(self.tr("全部属于本单位"))
        all_mine.clicked.connect(lambda: self.set_all(Claim.MINE))
        none_mine = QPushButton(self.tr("全部不属于本单位"))
        none_mine.clicked.connect(lambda: self.set_all(Claim.NOT_MINE))
        bulk = QHBoxLayout()
        bulk.addWidget(all_mine)
        bulk.addWidget(none_mine)
        bulk.addStretch(1)
        buttons = ok_cancel(self, self.tr("保存"), self.tr("稍后再说"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 600)

    def set_all(self, claim: Claim) -> None:
        """Give every row the same answer."""
        for choice in self.choices:
            choice.setCurrentIndex(choice.findData(claim.value))

    def answers(self) -> dict[MeasureId, Claim | None]:
        """Return the rows whose answer changed, by measure id (None: back to 待确认)."""
        changed: dict[MeasureId, Claim | None] = {}
        for item, choice in zip(self._items, self.choices, strict=True):
            value = choice.currentData()
            claim = Claim(value) if value else None
            if claim is not item.claim:
                changed[item.measure_id] = claim
        return changed


def confirm_category_tasks(
    desk: Desk, *, only_unanswered: bool = True, plans: list[int] | None = None
) -> ClaimsDialog | None:
    """Open the dialog on the unit's category tasks (the unanswered ones, or all); None when there are none.

    It opens at set-up, after an import (on that plan's tasks only: `plans`), and from 设置 →
    确认按类别分配的任务… (every plan in use). The answers are saved when the clerk presses 保存.
    """
    try:
        items = claim_service.category_tasks(
            desk.ws, desk.current_period(), today=desk.today, unconfirmed_only=only_unanswered, plans=plans
        )
    except LuoshiError as error:
        QMessageBox.warning(desk.widget(), "落实", error_text(error))
        return None
    if not items:
        return None
    dialog = ClaimsDialog(items, desk.widget())
    dialog.accepted.connect(lambda: _save(desk, dialog))
    dialog.open()
    return dialog


def _save(desk: Desk, dialog: ClaimsDialog) -> None:
    answers = dialog.answers()
    try:
        claim_service.answer(desk.ws, answers)
    except LuoshiError as error:
        QMessageBox.warning(desk.widget(), dialog.tr("确认按类别分配的任务"), error_text(error))
        return
    desk.changed.emit(EVERYTHING)
    desk.statusBar().showMessage(dialog.tr("已保存 %1 项任务的确认。").replace("%1", str(len(answers))), 6000)
