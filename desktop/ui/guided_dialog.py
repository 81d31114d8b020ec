"""指定读法: the guided path, when the parser found no measure in a file or could not name its columns.

The clerk gives each column of the detected table a role (序号, 任务, 牵头单位 …) or picks the numbering
that starts a measure, and sees the measures it gives at once. 按此导入 hands the plan on to 核对方案.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LuoshiError
from desktop.domain.models import Plan
from desktop.domain.terms import Role
from desktop.services import guided
from desktop.services.messages import error_text
from desktop.ui.screen import fit_to_screen

SAMPLE_ROWS = 8  # rows of the file's table shown under the role boxes
PREVIEW_COLUMNS = ("序号", "任务", "牵头单位", "配合单位", "完成时限")


class GuidedDialog(QDialog):
    """Asks how to read a file; `plan` is the result once accepted."""

    def __init__(self, found: guided.Material, parent: QWidget | None = None) -> None:
        """Lay out the two ways (columns, numbering), the file's table and the live preview."""
        super().__init__(parent)
        self.found = found
        self.plan: Plan | None = None
        self.setWindowTitle(self.tr("指定读法：") + found.path.name)
        fit_to_screen(self, 1100, 700)
        intro = QLabel(
            self.tr("落实没能自动读出这份文件中的措施。请告诉它怎么读，下方会立即显示读出的措施。")
        )
        intro.setWordWrap(True)
        self.by_columns = QRadioButton(self.tr("按表格的列：为每一列选择它的内容"))
        self.by_numbering = QRadioButton(self.tr("按编号：每项措施以这种编号开头"))
        self.numbering = QComboBox()
        self.numbering.addItems(list(guided.NUMBERING_NAMES))
        self.roles: list[QComboBox] = []
        self.sample = self._sample_table()
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setHorizontalHeaderLabels([self.tr(c) for c in PREVIEW_COLUMNS])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the task's text takes the room
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("按此导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        numbering_row = QHBoxLayout()
        numbering_row.addWidget(self.by_numbering)
        numbering_row.addWidget(self.numbering)
        numbering_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.by_columns)
        layout.addWidget(self.sample, 2)
        layout.addLayout(numbering_row)
        layout.addWidget(QLabel(self.tr("读出的措施：")))
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        has_grid = bool(found.grid)
        self.by_columns.setEnabled(has_grid)
        self.sample.setEnabled(has_grid)
        (self.by_columns if has_grid else self.by_numbering).setChecked(True)
        self.by_columns.toggled.connect(self.refresh)
        self.numbering.currentIndexChanged.connect(self._numbering_chosen)
        for box in self.roles:
            box.currentIndexChanged.connect(self._role_chosen)
        self.refresh()

    def _sample_table(self) -> QTableWidget:
        rows = [list(r) for r in self.found.grid[:SAMPLE_ROWS]]
        guesses = guided.guess_roles(self.found)
        width = self.found.width
        table = QTableWidget(len(rows) + 1, width)
        table.setHorizontalHeaderLabels([self.tr("第 %1 列").replace("%1", str(c + 1)) for c in range(width)])
        table.setVerticalHeaderLabels([self.tr("内容"), *(str(i + 1) for i in range(len(rows)))])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col in range(width):
            box = QComboBox()
            box.addItems([self.tr(name) for name in guided.ROLE_NAMES])
            box.setCurrentIndex(guided.ROLE_NAMES.index(guesses.get(col, "忽略")))
            table.setCellWidget(0, col, box)
            self.roles.append(box)
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text.replace("\n", " "))
                item.setToolTip(text)
                table.setItem(r, c, item)
        table.horizontalHeader().setMinimumSectionSize(110)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def set_role(self, column: int, role: str) -> None:
        """Give a column a role (a name of guided.ROLE_NAMES), as the clerk does with its box."""
        self.roles[column].setCurrentIndex(guided.ROLE_NAMES.index(role))

    def _role_chosen(self) -> None:
        self.by_columns.setChecked(True)
        self.refresh()

    def _numbering_chosen(self) -> None:
        self.by_numbering.setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Read the file the chosen way and show the measures, or say why none came out."""
        self.plan = None
        try:
            if self.by_columns.isChecked():
                chosen = {
                    col: kind
                    for col, box in enumerate(self.roles)
                    if (kind := guided.ROLE_KINDS[guided.ROLE_NAMES[box.currentIndex()]]) is not None
                }
                if "text" not in chosen.values():
                    raise _Missing(self.tr("请至少为一列选择“任务”。"))
                self.plan = guided.plan_with_columns(self.found, chosen)
            else:
                self.plan = guided.plan_with_numbering(self.found, self.numbering.currentText())
        except _Missing as missing:
            self.status.setText(str(missing))
        except LuoshiError as error:
            self.status.setText(error_text(error))
        self._show(self.plan)

    def _show(self, plan: Plan | None) -> None:
        measures = plan.measures if plan else ()
        self.preview.setRowCount(len(measures))
        for row, m in enumerate(measures):
            leads = "、".join(u.name for u in m.units if u.role is Role.LEAD)
            supports = "、".join(u.name for u in m.units if u.role is not Role.LEAD)
            for col, text in enumerate((m.label, m.text, leads, supports, m.deadline or "")):
                self.preview.setItem(row, col, QTableWidgetItem(text))
        self.import_button.setEnabled(bool(measures))
        if plan is not None:
            named = sum(1 for m in measures if m.units)
            self.status.setText(
                self.tr("读出 %1 项措施，其中 %2 项写明了责任单位。")
                .replace("%1", str(len(measures)))
                .replace("%2", str(named))
            )


class _Missing(Exception):
    """A choice the clerk has still to make before anything can be read."""
