"""核对方案: every parsed measure before it is stored, doubtful ones first and marked.

The clerk edits, merges, splits, adds and removes (each step undone with 撤销 / Ctrl+Z until 导入), gives a unit
one name across the plan, then applies (or applies the plan as it is in one click).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.corrections import (
    Add,
    Correction,
    Edit,
    MergeNext,
    Remove,
    Split,
    added_label,
    apply_corrections,
)
from desktop.domain.models import Measure, UnitRef
from desktop.domain.parsing.doubts import describe
from desktop.domain.terms import Role
from desktop.services.imports import ImportReview
from desktop.ui.measure_editor import MeasureEditor
from desktop.ui.screen import fit_to_screen

DOUBT_FILL = QColor("#FDECEA")
DOUBT_SELECTED = QColor("#EF9A9A")  # a doubtful row stays red when selected (the usual blue hid it)
EDITED_FILL = QColor("#E6F4EA")
COLUMNS = ("序号", "任务", "牵头单位", "配合单位", "完成时限", "疑点")
MAX_ROW_LINES = 5  # a long measure shows its first lines; the whole text is in its tooltip and editor
_DOUBT_ROLE = Qt.ItemDataRole.UserRole + 1


class _DoubtDelegate(QStyledItemDelegate):
    """Paints a selected doubtful row in red instead of the selection blue, so its mark stays visible."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        # PySide6 6.9's stubs lack QStyleOptionViewItem's fields (6.10's have them)
        if index.data(_DOUBT_ROLE) and option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined, unused-ignore]
            palette = QPalette(option.palette)  # type: ignore[attr-defined, unused-ignore]
            palette.setColor(QPalette.ColorRole.Highlight, DOUBT_SELECTED)
            palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
            option.palette = palette  # type: ignore[attr-defined, unused-ignore]


class PlanCheckDialog(QDialog):
    """Shows a parsed plan for checking; `corrections` holds what the clerk changed when accepted."""

    def __init__(self, prepared: ImportReview, parent: QWidget | None = None) -> None:
        """Lay out the summary, the table of measures and the correction buttons."""
        super().__init__(parent)
        self.prepared = prepared
        self.original = list(prepared.plan.measures)
        self.corrections: list[Correction] = []
        self.steps: list[tuple[int, set[int]]] = []  # per step: corrections it added, marks before it
        self.measures = list(self.original)
        self.touched: set[int] = set()  # positions in `measures` the clerk changed
        self.year = int(prepared.plan.issued_on[:4]) if prepared.plan.issued_on else None
        self.editor: MeasureEditor | None = None
        self.setWindowTitle(self.tr("核对方案：") + prepared.plan.title)
        fit_to_screen(self, 1240, 720)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 70), (2, 170), (3, 200), (4, 110), (5, 230)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_selected())
        self.table.setAccessibleName(self.tr("解析出的措施"))
        self.table.setItemDelegate(_DoubtDelegate(self.table))
        # rows are sized once the columns have their widths (before the first show they have none yet)
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("编辑…"), self.edit_selected),
            (self.tr("与下一项合并"), self.merge_selected),
            (self.tr("拆分…"), self.edit_selected),
            (self.tr("新增措施…"), self.add_after_selected),
            (self.tr("删除（不是措施）"), self.remove_selected),
            (self.tr("统一单位名称…"), self.rename_unit),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setToolTip(self.tr("撤销上一步修改（Ctrl+Z），导入前都可以撤销"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setDefault(True)
        buttons.addButton(self.tr("取消导入"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._fill()

    # -- the table ---------------------------------------------------------------------------------

    def order(self) -> list[int]:
        """Return positions in `measures` in the order shown: measures with doubts first."""
        positions = range(len(self.measures))
        return sorted(positions, key=lambda i: (not self.measures[i].doubts, i))

    def _fill(self, select: int | None = None) -> None:
        doubtful = sum(1 for m in self.measures if m.doubts)
        text = self.tr("共 %1 项措施。").replace("%1", str(len(self.measures)))
        if doubtful:
            text += self.tr("其中 %1 项标红的需要核对（排在前面）。").replace("%1", str(doubtful))
        text += self.tr("双击一项可修改；核对无误后点“导入”，也可直接导入，以后在“编辑措施…”中改正。")
        self.summary.setText(text)
        order = self.order()
        self.table.setRowCount(len(order))
        for row, index in enumerate(order):
            m = self.measures[index]
            leads = "、".join(u.name for u in m.units if u.role is Role.LEAD)
            supports = "、".join(u.name for u in m.units if u.role is Role.SUPPORT)
            doubts = "；".join(describe(d) for d in m.doubts)
            values = (f"{m.seq}（{m.label}）", m.text, leads, supports, m.deadline or "", doubts)
            fill = DOUBT_FILL if m.doubts else EDITED_FILL if index in self.touched else None
            for column, value in enumerate(values):
                item = QTableWidgetItem(("⚠ " if column == 0 and m.doubts else "") + value)
                item.setData(Qt.ItemDataRole.UserRole, index)
                item.setData(_DOUBT_ROLE, bool(m.doubts))
                item.setToolTip(value)
                if fill is not None:
                    item.setBackground(fill)
                self.table.setItem(row, column, item)
        self._rows_timer.start()
        self.undo_button.setEnabled(bool(self.steps))
        if select is not None and select in order:
            self.table.selectRow(order.index(select))
        elif order:
            self.table.selectRow(0)

    def showEvent(self, event: QShowEvent) -> None:
        """Size the rows once the table has its width."""
        super().showEvent(event)
        self._rows_timer.start()

    def _fit_rows(self) -> None:
        """Fit each row to its text, at most MAX_ROW_LINES lines (a long measure does not fill the screen)."""
        self.table.resizeRowsToContents()
        tallest = MAX_ROW_LINES * self.table.fontMetrics().lineSpacing() + 8
        for row in range(self.table.rowCount()):
            if self.table.rowHeight(row) > tallest:
                self.table.setRowHeight(row, tallest)

    def selected_index(self) -> int | None:
        """Return the position in `measures` of the selected row."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select_index(self, index: int) -> None:
        """Select the row showing measure position `index`."""
        self.table.selectRow(self.order().index(index))

    # -- corrections -------------------------------------------------------------------------------

    def correct(self, correction: Correction, touched: list[int]) -> None:
        """Record a correction as one step, recompute the measures and show them."""
        self.correct_all([correction], touched)

    def correct_all(self, corrections: list[Correction], touched: list[int]) -> None:
        """Record corrections as one step (one 撤销 undoes them together), recompute and show."""
        self.steps.append((len(corrections), set(self.touched)))
        for correction in corrections:
            self.corrections.append(correction)
            self.touched = self._shifted(correction)
        self.touched |= set(touched)
        self.measures = apply_corrections(self.original, self.corrections)
        self._fill(select=touched[0] if touched else None)

    def undo(self) -> None:
        """Take the last step back (merge, removal, edit, split, addition or a unit's new name)."""
        if not self.steps:
            return
        count, self.touched = self.steps.pop()
        del self.corrections[len(self.corrections) - count :]
        self.measures = apply_corrections(self.original, self.corrections)
        self._fill(select=self.selected_index())

    def rename_unit(self) -> None:
        """Give one unit a new name in every measure of the plan (扶贫办 → 国务院扶贫办), as one step."""
        names = self.directory()
        if not names:
            return
        index = self.selected_index()
        current = (
            self.measures[index].units[0].name if index is not None and self.measures[index].units else ""
        )
        title = self.tr("统一单位名称")
        old, ok = QInputDialog.getItem(
            self,
            title,
            self.tr("要改名的单位："),
            names,
            max(0, names.index(current) if current in names else 0),
        )
        if not ok:
            return
        new, ok = QInputDialog.getText(
            self,
            title,
            self.tr("“%1”在本方案中统一改为：").replace("%1", old),
            QLineEdit.EchoMode.Normal,
            old,
        )
        new = new.strip()
        if ok and new and new != old:
            self.rename_everywhere(old, new)

    def rename_everywhere(self, old: str, new: str) -> int:
        """Rename unit `old` to `new` in every measure naming it (one step); return how many measures changed."""
        edits: list[Correction] = []
        for i, m in enumerate(self.measures):
            if any(u.name == old for u in m.units):
                units: list[UnitRef] = []
                for u in m.units:
                    renamed = replace(u, name=new) if u.name == old else u
                    if all(x.name != renamed.name for x in units):  # 扶贫办 and 国务院扶贫办 both named: once
                        units.append(renamed)
                edits.append(Edit(i, units=tuple(units)))
        if edits:
            self.correct_all(edits, [e.index for e in edits if isinstance(e, Edit)])
        return len(edits)

    def _shifted(self, correction: Correction) -> set[int]:
        """Keep the marks of earlier corrections on the same measures after rows moved."""
        marks = set()
        for i in self.touched:
            if isinstance(correction, MergeNext | Remove) and i > correction.index:
                marks.add(i - 1)
            elif (isinstance(correction, Split) and i > correction.index) or (
                isinstance(correction, Add) and i > correction.after
            ):
                marks.add(i + 1)
            elif not (isinstance(correction, Remove) and i == correction.index):
                marks.add(i)
        return marks

    def edit_selected(self) -> None:
        """Open the measure editor on the selected measure; apply its edit or split."""
        index = self.selected_index()
        if index is None:
            return
        editor = MeasureEditor(
            self.measures[index], self.directory(), year=self.year, index=index, parent=self
        )
        editor.accepted.connect(lambda: self.apply_editor(editor, index))
        editor.open()
        self.editor = editor

    def apply_editor(self, editor: MeasureEditor, index: int) -> None:
        """Record what a closed editor holds for measure position `index`."""
        # Saving a doubtful measure, even unchanged, says the clerk checked it: its doubts go.
        measure = self.measures[index]
        for correction in editor.corrections:
            if isinstance(correction, Split):
                self.correct(correction, [index, index + 1])
            elif isinstance(correction, Edit) and (_changes(measure, correction) or measure.doubts):
                self.correct(correction, [index])

    def merge_selected(self) -> None:
        """Join the selected measure with the next one in the plan."""
        index = self.selected_index()
        if index is None:
            return
        if index + 1 >= len(self.measures):
            QMessageBox.information(self, self.windowTitle(), self.tr("这是最后一项，没有可以合并的下一项。"))
            return
        self.correct(MergeNext(index), [index])

    def remove_selected(self) -> None:
        """Leave the selected item out of the plan (it is not a measure)."""
        index = self.selected_index()
        if index is not None:
            self.correct(Remove(index), [])

    def add_after_selected(self) -> None:
        """Type a measure the parser missed, placed after the selected one."""
        index = self.selected_index()
        after = index if index is not None else len(self.measures) - 1
        base = self.measures[after] if after >= 0 else None
        blank = Measure(
            seq=0,
            label=added_label(m.label for m in self.measures),
            chapter=base.chapter if base else "",
            section=base.section if base else "",
            text="",
        )
        editor = MeasureEditor(blank, self.directory(), year=self.year, index=after + 1, parent=self)
        editor.split_button.hide()
        editor.accepted.connect(lambda: self._added(editor, blank, after))
        editor.open()
        self.editor = editor

    def _added(self, editor: MeasureEditor, blank: Measure, after: int) -> None:
        e = editor.edit
        if e is None:
            return
        measure = Measure(
            seq=0,
            label=e.label or blank.label,
            chapter=blank.chapter,
            section=blank.section,
            text=e.text or "",
            units=e.units or (),
            deadlines=e.deadlines or (),
        )
        self.correct(Add(after, measure), [after + 1])

    def directory(self) -> list[str]:
        """Return the unit names of this plan, for the editor's picker."""
        return list(dict.fromkeys(u.name for m in self.measures for u in m.units))


def _changes(measure: Measure, edit: Edit) -> bool:
    return (
        (edit.text is not None and edit.text != measure.text)
        or (edit.label is not None and edit.label != measure.label)
        or (edit.units is not None and edit.units != measure.units)
        or (edit.deadlines is not None and edit.deadlines != measure.deadlines)
    )
