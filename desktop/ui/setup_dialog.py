"""设置: 本单位 (searchable or typed), the wildcard categories it belongs to, and the reporting rhythm."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.periods import RHYTHM_LABELS, Rhythm
from desktop.services.measures import TaskCount
from desktop.ui.message_boxes import ok_cancel
from desktop.ui.screen import fit_to_screen


@dataclass(frozen=True)
class SetupChoice:
    """What the clerk chose."""

    unit: str
    categories: list[str]
    rhythm: Rhythm
    due_days: int


class SetupDialog(QDialog):
    """First-run set-up, and later 设置 → 本单位与报送周期."""

    def __init__(
        self,
        *,
        units: list[tuple[str, int, int]],
        categories: list[str],
        current: SetupChoice | None,
        count: Callable[[str, list[str]], TaskCount] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Offer `units` (name, led, supported) and `categories`; preselect `current`.

        `count(unit, categories)` gives the unit's tasks as the desk will count them, shown as the choice changes.
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置本单位与报送周期"))
        intro = QLabel(
            self.tr(
                "请选择或输入本单位名称。落实将列出方案中由本单位牵头或配合的措施；"
                "写作“各有关部门”“行业主管部门”等的措施，按下面勾选的类别归入本单位。"
            )
        )
        intro.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.unit.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("输入单位名称中的任意字查找"))
        for name, led, supported in units:
            self.unit.addItem(
                self.tr("%1（点名牵头 %2 项，配合 %3 项）")
                .replace("%1", name)
                .replace("%2", str(led))
                .replace("%3", str(supported)),
                name,
            )
        completer = QCompleter([name for name, _, _ in units], self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)
        self.unit.setAccessibleName(self.tr("本单位"))
        self.categories = QListWidget()
        self.categories.setAccessibleName(self.tr("所属类别"))
        for category in categories:
            entry = QListWidgetItem(category)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(entry)
        self.categories.setMaximumHeight(150)
        self.rhythm = QComboBox()
        for rhythm, label in RHYTHM_LABELS.items():
            self.rhythm.addItem(self.tr(label), rhythm.value)
        self.rhythm.setCurrentIndex(self.rhythm.findData(Rhythm.QUARTER.value))
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 60)
        self.due_days.setValue(5)
        self.due_days.setPrefix(self.tr("每期结束后 "))
        self.due_days.setSuffix(self.tr(" 日内"))
        self._count = count
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        self.unit.currentTextChanged.connect(self._update_tally)
        self.categories.itemChanged.connect(self._update_tally)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("本单位"), self.unit)
        form.addRow(self.tr("所属类别"), self.categories)
        form.addRow(self.tr("报送周期"), self.rhythm)
        form.addRow(self.tr("报送时限"), self.due_days)
        buttons = ok_cancel(self, self.tr("确定"), self.tr("取消"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.tally)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 460)
        if current is not None:
            self.select(current)
        else:
            self.unit.setCurrentIndex(-1)
            self.unit.setEditText("")

    def _update_tally(self) -> None:
        """Say how many tasks the desk will list for the unit and categories chosen now."""
        name = self._chosen_name()
        if self._count is None or not name:
            self.tally.clear()
            return
        found = self._count(name, self._checked_categories())
        text = (
            self.tr("按当前选择，本单位任务共 %1 项：牵头 %2 项，配合 %3 项。")
            .replace("%1", str(found.lead + found.support))
            .replace("%2", str(found.lead))
            .replace("%3", str(found.support))
        )
        if found.by_category:
            text += self.tr("其中 %1 项按类别分配，设置后请逐项确认是否属于本单位。").replace(
                "%1", str(found.by_category)
            )
        self.tally.setText(text)

    def select(self, choice: SetupChoice) -> None:
        """Show an existing choice."""
        index = self.unit.findData(choice.unit)
        if index >= 0:
            self.unit.setCurrentIndex(index)
        else:
            self.unit.setCurrentIndex(-1)
            self.unit.setEditText(choice.unit)
        for row in range(self.categories.count()):
            entry = self.categories.item(row)
            checked = entry.text() in choice.categories
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.rhythm.setCurrentIndex(max(0, self.rhythm.findData(choice.rhythm.value)))
        self.due_days.setValue(choice.due_days)

    def _chosen_name(self) -> str:
        text = self.unit.currentText().strip()
        index = self.unit.currentIndex()
        # the shown text carries counts; an item chosen from the list gives its plain name
        return str(self.unit.itemData(index) if index >= 0 and self.unit.itemText(index) == text else text)

    def _checked_categories(self) -> list[str]:
        return [
            self.categories.item(r).text()
            for r in range(self.categories.count())
            if self.categories.item(r).checkState() == Qt.CheckState.Checked
        ]

    def choice(self) -> SetupChoice:
        """Return what the dialog holds."""
        return SetupChoice(
            self._chosen_name(),
            self._checked_categories(),
            Rhythm(self.rhythm.currentData()),
            self.due_days.value(),
        )

    def accept(self) -> None:
        """Refuse an empty unit name."""
        if not self.choice().unit:
            self.error.setText(self.tr("请选择或输入本单位名称。"))
            self.unit.setFocus()
            return
        super().accept()
