"""比对新版本: the new measures with what each continues, the differences marked, corrections, apply."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.ids import MeasureId
from desktop.domain.revision import CHANGE_WORDS, How, text_diff
from desktop.services.imports import ImportReview
from desktop.ui.screen import fit_to_screen

ADDED_FILL, CHANGED_FILL = QColor("#E6F4EA"), QColor("#FFF4D6")
AS_NEW = -1  # the combo entry "作为新增措施"


class ReviewDialog(QDialog):
    """Shows a revision's review; `prepared` holds the clerk's corrections when accepted."""

    def __init__(self, prepared: ImportReview, parent: QWidget | None = None) -> None:
        """Lay out the summary, the table of new measures, the marked text and the measures to archive."""
        super().__init__(parent)
        self.prepared = prepared
        self.setWindowTitle(self.tr("比对方案新版本：") + prepared.plan.title)
        fit_to_screen(self, 1180, 700)
        self.summary = QLabel()
        self.only_changes = QCheckBox(self.tr("只显示有变化的措施"))
        self.only_changes.setChecked(True)
        self.only_changes.toggled.connect(self._fill)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("新序号"),
                self.tr("比对结果"),
                self.tr("对应原措施"),
                self.tr("变化内容"),
                self.tr("措施内容"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 260)
        self.table.setColumnWidth(3, 150)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_diff(row))
        self.diff = QTextBrowser()
        self.removed = QListWidget()
        lower = QWidget()
        row = QHBoxLayout(lower)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("文字差异（红色删除线为删去的文字，绿色为新增的文字）：")))
        left.addWidget(self.diff)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("新版本中没有、将归档的措施（不删除，进展记录保留）：")))
        right.addWidget(self.removed)
        row.addLayout(left, 3)
        row.addLayout(right, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([430, 200])
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("应用新版本"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_changes)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._old = {s.measure_id: s.measure for s in prepared.stored}
        self._fill()

    # ---- content --------------------------------------------------------------------------------
    def _fill(self) -> None:
        review = self.prepared.review
        assert review is not None
        renumbered = sum(1 for m in review.matches if m.renumbered and not m.changes)
        self.summary.setText(
            self.tr(
                "新增 %1 项，修改 %2 项，删除（归档）%3 项，仅序号调整 %4 项。可在“对应原措施”中改正比对结果。"
            )
            .replace("%1", str(len(review.added)))
            .replace("%2", str(len(review.changed)))
            .replace("%3", str(len(review.removed)))
            .replace("%4", str(renumbered))
        )
        measures = self.prepared.plan.measures
        shown = [
            i
            for i in range(len(measures))
            if not self.only_changes.isChecked()
            or i in review.added
            or (m := review.match_for(i)) is None
            or m.changes
            or m.how in (How.SIMILAR, How.CLERK)
        ]
        self._rows = shown
        self.table.setRowCount(len(shown))
        for row, index in enumerate(shown):
            self._fill_row(row, index)
        self.removed.clear()
        for measure_id in review.removed:
            old = self._old[measure_id]
            self.removed.addItem(f"{old.label}. {old.text}")
        if shown:
            self.table.setCurrentCell(0, 0)

    def _fill_row(self, row: int, index: int) -> None:
        review = self.prepared.review
        assert review is not None
        measure = self.prepared.plan.measures[index]
        match = review.match_for(index)
        if match is None:
            verdict, fill, what = self.tr("新增"), ADDED_FILL, ""
        elif match.changes:
            verdict, fill = self.tr("修改"), CHANGED_FILL
            what = "、".join(self.tr(CHANGE_WORDS[c]) for c in match.changes)
        else:
            verdict, fill, what = (self.tr("仅序号调整") if match.renumbered else self.tr("未变")), None, ""
        for column, text in ((0, measure.label), (1, verdict), (3, what), (4, measure.text)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if fill is not None:
                item.setBackground(fill)
            self.table.setItem(row, column, item)
        combo = QComboBox()
        combo.addItem(self.tr("（作为新增措施）"), AS_NEW)
        choices = [mid for mid, _ in review.candidates.get(index, ())]
        if match is not None and match.measure_id not in choices:
            choices.insert(0, match.measure_id)
        choices += [i for i in review.removed if i not in choices]  # the dropped ones are the likely pairs
        for measure_id in choices:
            old = self._old[measure_id]
            mark = self.tr("（将归档）") if measure_id in review.removed else ""
            combo.addItem(f"{mark}原{old.label}. {old.text[:24]}", measure_id)
        combo.setCurrentIndex(combo.findData(match.measure_id) if match is not None else 0)
        combo.currentIndexChanged.connect(lambda _=0, i=index, c=combo: self._correct(i, c.currentData()))
        self.table.setCellWidget(row, 2, combo)

    def _correct(self, index: int, measure_id: int) -> None:
        self.prepared = self.prepared.corrected(
            index, None if measure_id == AS_NEW else MeasureId(measure_id)
        )
        current = self.table.currentRow()
        self._fill()
        self.table.setCurrentCell(max(0, min(current, self.table.rowCount() - 1)), 0)

    def _show_diff(self, row: int) -> None:
        review = self.prepared.review
        if review is None or not 0 <= row < len(self._rows):
            self.diff.clear()
            return
        index = self._rows[row]
        new = self.prepared.plan.measures[index]
        match = review.match_for(index)
        if match is None:
            self.diff.setHtml(f"<p style='background:#E6F4EA'>{html.escape(new.text)}</p>")
            return
        old = self._old[match.measure_id]
        styles = {
            "equal": "{}",
            "delete": "<span style='color:#C00000;text-decoration:line-through'>{}</span>",
            "insert": "<span style='color:#007A33;background:#E6F4EA'>{}</span>",
        }
        marked = "".join(styles[s.kind].format(html.escape(s.text)) for s in text_diff(old.text, new.text))
        units = ""
        if old.units != new.units:
            before = "、".join(u.name for u in old.units)
            after = "、".join(u.name for u in new.units)
            units = f"<p>{self.tr('责任单位：')}{html.escape(before)} → {html.escape(after)}</p>"
        self.diff.setHtml(
            f"<p>{self.tr('原')} {old.label} → {self.tr('新')} {new.label}</p><p>{marked}</p>{units}"
        )
