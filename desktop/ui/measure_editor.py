"""编辑措施: the clerk corrects one measure, or cuts it in two at the cursor.

Number, text, units (picked from the plan's directory or typed, ordered, lead or support) and deadline.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.corrections import (
    Correction,
    Edit,
    MergeNext,
    Remove,
    Split,
    deadlines_from_text,
    units_from_names,
)
from desktop.domain.models import Measure
from desktop.domain.parsing.doubts import describe
from desktop.domain.terms import Role
from desktop.ui.screen import fit_to_screen

ROLE_CHOICES = (Role.LEAD, Role.SUPPORT)


class MeasureEditor(QDialog):
    """Edits a copy of a measure; once accepted, `corrections` holds what the clerk did, at `index`.

    Saved: an Edit. Cut at the cursor: the Edit, then a Split. On a stored measure also 与下一项合并
    (MergeNext) or 删除此项 (Remove). Nothing is applied here: the caller applies the list as one step.
    """

    def __init__(
        self,
        measure: Measure,
        directory: list[str],
        *,
        year: int | None = None,
        index: int = 0,
        stored: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """Show `measure` for editing; `directory` lists the plan's unit names to pick from."""
        super().__init__(parent)
        self.measure = measure
        self.year = year
        self.index = index
        self.corrections: list[Correction] = []
        self.setWindowTitle(self.tr("编辑措施 ") + measure.label)
        fit_to_screen(self, 760, 600)
        self.label_edit = QLineEdit(measure.label)
        self.text_edit = QPlainTextEdit(measure.text)
        self.text_edit.setAccessibleName(self.tr("措施内容"))
        self.deadline_edit = QLineEdit(measure.deadline or "")
        self.deadline_edit.setPlaceholderText(self.tr("如：2026年6月底前、年底前、持续推进；没有则留空"))
        self.units = QTableWidget(0, 2)
        self.units.setHorizontalHeaderLabels([self.tr("单位"), self.tr("角色")])
        self.units.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units.verticalHeader().setVisible(False)
        self.units.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.units.setAccessibleName(self.tr("责任单位"))
        for unit in measure.units:
            self._add_unit_row(unit.name, unit.role)
        self.picker = QComboBox()
        self.picker.setEditable(True)
        self.picker.addItems(directory)
        self.picker.setCurrentText("")
        line = self.picker.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("从本方案单位中选择，或直接输入单位名称"))
        add = QPushButton(self.tr("添加单位"))
        add.clicked.connect(self._add_picked)
        up, down, remove = (
            QPushButton(self.tr("上移")),
            QPushButton(self.tr("下移")),
            QPushButton(self.tr("移除")),
        )
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        remove.clicked.connect(self._remove_unit)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.picker, 1)
        for button in (add, up, down, remove):
            unit_buttons.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("编号"), self.label_edit)
        form.addRow(self.tr("完成时限"), self.deadline_edit)
        layout = QVBoxLayout(self)
        if measure.doubts:
            doubts = QLabel(self.tr("需要核对：") + "；".join(describe(d) for d in measure.doubts))
            doubts.setWordWrap(True)
            doubts.setStyleSheet("color: #9A3412;")
            layout.addWidget(doubts)
        if measure.clause:
            clause = QLabel(self.tr("原文责任分工：") + measure.clause)
            clause.setWordWrap(True)
            clause.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(clause)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("措施内容（要拆成两项时，把光标放在第二项开头，点“在光标处拆分”）："))
        )
        layout.addWidget(self.text_edit, 2)
        layout.addWidget(QLabel(self.tr("责任单位（按原文顺序；角色可选“牵头”或“配合”）：")))
        layout.addWidget(self.units, 1)
        layout.addLayout(unit_buttons)
        buttons = QDialogButtonBox()
        self.split_button = buttons.addButton(self.tr("在光标处拆分"), QDialogButtonBox.ButtonRole.ActionRole)
        self.split_button.clicked.connect(self._split)
        if stored:  # on the desk: the whole set of corrections for this one measure
            merge = buttons.addButton(self.tr("与下一项合并"), QDialogButtonBox.ButtonRole.ActionRole)
            merge.clicked.connect(lambda: self._act(MergeNext(self.index)))
            remove_measure = buttons.addButton(self.tr("删除此项"), QDialogButtonBox.ButtonRole.ActionRole)
            remove_measure.clicked.connect(lambda: self._act(Remove(self.index)))
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_unit_row(self, name: str, role: Role) -> None:
        row = self.units.rowCount()
        self.units.insertRow(row)
        self.units.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox()
        combo.addItems([self.tr("牵头"), self.tr("配合")])
        combo.setCurrentIndex(ROLE_CHOICES.index(role))
        self.units.setCellWidget(row, 1, combo)

    def _add_picked(self) -> None:
        name = self.picker.currentText().strip()
        if name and name not in self.unit_names():
            self._add_unit_row(name, Role.SUPPORT if self.units.rowCount() else Role.LEAD)
        self.picker.setCurrentText("")

    def _row_values(self, row: int) -> tuple[str, int]:
        item = self.units.item(row, 0)
        combo = self.units.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        return (item.text() if item else ""), combo.currentIndex()

    def _move(self, step: int) -> None:
        row = self.units.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.units.rowCount():
            return
        first, second = self._row_values(row), self._row_values(target)
        for at, (name, role) in ((row, second), (target, first)):
            self.units.setItem(at, 0, QTableWidgetItem(name))
            combo = self.units.cellWidget(at, 1)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(role)
        self.units.setCurrentCell(target, 0)

    def _remove_unit(self) -> None:
        row = self.units.currentRow()
        if row >= 0:
            self.units.removeRow(row)

    def unit_names(self) -> list[str]:
        """Return the unit names listed, in order."""
        return [self._row_values(r)[0].strip() for r in range(self.units.rowCount())]

    def set_role(self, row: int, role: Role) -> None:
        """Set the role of the unit in `row` (as the clerk would with its combo box)."""
        combo = self.units.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(ROLE_CHOICES.index(role))

    def _current_edit(self) -> Edit:
        names = [n for n in self.unit_names() if n]
        leads = [n for r, n in enumerate(self.unit_names()) if n and self._row_values(r)[1] == 0]
        units = units_from_names(names, leads)
        if not leads and units:  # the clerk marked none as lead: keep every unit's role as support
            units = tuple(replace(u, role=Role.SUPPORT) for u in units)
        deadline = self.deadline_edit.text().strip()
        deadlines = (
            self.measure.deadlines
            if deadline == (self.measure.deadline or "")
            else deadlines_from_text(deadline, self.year)
        )
        return Edit(
            self.index,
            text=self.text_edit.toPlainText().strip(),
            label=self.label_edit.text().strip(),
            units=units,
            deadlines=deadlines,
        )

    def _save(self) -> None:
        edit = self._current_edit()
        if not edit.text:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("措施内容不能为空。不是措施的一项请在列表中删除。")
            )
            return
        self.corrections = [edit]
        self.accept()

    @property
    def edit(self) -> Edit | None:
        """Return the clerk's edit of the fields (None after 合并 or 删除)."""
        return next((c for c in self.corrections if isinstance(c, Edit)), None)

    def _act(self, action: MergeNext | Remove) -> None:
        if isinstance(action, Remove):
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("确定这一项不是措施、要删除吗？删除后归档保存，已填的进展不会丢失。"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.corrections = [action]
        self.accept()

    def _split(self) -> None:
        at = self.text_edit.textCursor().position()
        text = self.text_edit.toPlainText()
        if not 0 < at < len(text):
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("请先把光标放在第二项措施开头的文字前，再点“在光标处拆分”。"),
            )
            return
        self.corrections = [self._current_edit(), Split(self.index, at)]
        self.accept()
