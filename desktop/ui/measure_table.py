"""The desk's table of measures: one row a measure, columns sized to the text size, one row chosen."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from desktop.domain.desk.worklist import WorkItem
from desktop.ui.measure_model import MeasureTableModel

MAX_LABEL_CHARS = 10  # 序号 is widened for labels up to this long ('（十一）3', '1（12）'); longer ones wrap
_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class MeasureTable(QTableView):
    """Shows a MeasureTableModel; 任务 takes the width the other columns leave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the table on a new, empty model."""
        super().__init__(parent)
        self.measures = MeasureTableModel()
        self.setModel(self.measures)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MeasureTableModel.TASK, QHeaderView.ResizeMode.Stretch)
        header.moveSection(MeasureTableModel.PLAN, MeasureTableModel.TASK)  # 方案 beside 序号 in 全部方案
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.fitted = False
        self.fit_columns([])

    def fit_columns(self, labels: list[str]) -> None:
        """Size the columns to their titles and contents in the current font (序号 to `labels`).

        Rows are two lines high and the unit, deadline and reminder columns wrap, so at a larger text size
        the table still shows every column beside the note. Run at build and whenever the text size changes.
        """
        metrics = self.fontMetrics()
        char = metrics.horizontalAdvance("国")
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + char // 2
        model, header = self.measures, self.horizontalHeader()
        longest_label = max(labels[:500] or ["12"], key=metrics.horizontalAdvance)[:MAX_LABEL_CHARS]
        # column -> (a long content, lines it may wrap to)
        samples = {
            model.SEQ: (longest_label, 1),
            model.LEADS: ("自治区发展改革委", 2),
            model.SUPPORTS: ("自治区发展改革委", 2),
            model.DEADLINE: ("2026年12月底前", 2),
            model.STATUS: ("持续推进", 1),
            model.FILLED: ("未填", 1),
            model.LIGHTS: ("逾期、滞后", 2),
            model.PLAN: ("鄂府办发〔2025〕18号", 2),
        }
        for column, (sample, lines) in samples.items():
            content = -(-metrics.horizontalAdvance(sample) // lines) + (char if lines > 1 else 0)
            wanted = max(metrics.horizontalAdvance(model.headers[column]), content) + pad
            if header.sectionSize(column) < wanted or not self.fitted:
                self.setColumnWidth(column, wanted)
        header.setMinimumSectionSize(char * 2)
        self.verticalHeader().setDefaultSectionSize(2 * metrics.lineSpacing() + 8)
        self.fitted = True

    def needed_width(self) -> int:
        """Return the width for every column plus eight characters of 任务."""
        header = self.horizontalHeader()
        task = self.measures.TASK
        fixed = sum(header.sectionSize(c) for c in range(self.measures.columnCount()) if c != task)
        return fixed + 8 * self.fontMetrics().horizontalAdvance("国") + 24

    def show_plan_column(self, shown: bool) -> None:
        """Show 方案 (in 全部方案) or hide it (one plan)."""
        self.setColumnHidden(self.measures.PLAN, not shown)

    def current_item(self) -> WorkItem | None:
        """Return the measure of the chosen row."""
        index = self.currentIndex()
        return self.measures.item(index.row()) if index.isValid() else None

    def current_uid(self) -> str:
        """Return the uid of the chosen row's measure ('' when none)."""
        item = self.current_item()
        return item.uid if item else ""

    def choose_row(self, row: int) -> None:
        """Choose row `row` and scroll to it (the selection's change signals are emitted)."""
        self.selectionModel().setCurrentIndex(self.measures.index(row, 0), _SELECT_ROW)
        self.scrollTo(self.measures.index(row, 0))

    def row_of(self, uid: str) -> int:
        """Return the row of measure `uid`, the first row when it is not shown, -1 when none is."""
        rows = self.measures.rowCount()
        found = next((r for r in range(rows) if self.measures.item(r).uid == uid), None)
        return found if found is not None else (0 if rows else -1)

    def move_by(self, step: int) -> None:
        """Choose the next (1) or previous (-1) row."""
        count = self.measures.rowCount()
        if count:
            row = self.currentIndex().row()
            self.choose_row(min(count - 1, max(0, row + step if row >= 0 else 0)))
