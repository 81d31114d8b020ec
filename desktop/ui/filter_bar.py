"""Filters above the table: 我牵头的/我配合的/全部, chapter, status, 逾期/预警 and the search box."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop.domain.desk.worklist import Filter
from desktop.domain.terms import STATUS_WORDS, UNFILLED, Scope
from desktop.services.place import Place

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    """Emits `changed` with the new Filter whenever the clerk changes one of its fields."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the controls."""
        super().__init__(parent)
        self._quiet = False
        self.scope = QComboBox()
        for text, scope in (
            (self.tr("本单位全部"), Scope.MINE),
            (self.tr("我牵头的"), Scope.LEAD),
            (self.tr("我配合的"), Scope.SUPPORT),
            (self.tr("方案全部措施"), Scope.ALL),
        ):
            self.scope.addItem(text, scope.value)
        self.scope.setAccessibleName(self.tr("范围"))
        self.chapter = QComboBox()
        self.chapter.setAccessibleName(self.tr("章节"))
        self.chapter.setMinimumContentsLength(8)
        self.chapter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        self.status.addItem(self.tr("未填"), UNFILLED)
        for status, word in STATUS_WORDS.items():
            self.status.addItem(self.tr(word), status.value)
        self.status.setAccessibleName(self.tr("状态"))
        self.warned = QCheckBox(self.tr("逾期/预警"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索措施原文和进展（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("搜索"))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.scope, self.chapter, self.status, self.warned):
            layout.addWidget(widget)
        layout.addWidget(self.search, 1)
        self.set_chapters([])
        for combo in (self.scope, self.chapter, self.status):
            combo.currentIndexChanged.connect(self._emit)
        self.warned.toggled.connect(self._emit)

    def _emit(self) -> None:
        self._search_timer.stop()
        if not self._quiet:
            self.changed.emit()

    def set_chapters(self, chapters: list[str]) -> None:
        """Offer the plan's chapters, keeping the chosen one when it still exists."""
        chosen = self.chapter.currentData()
        self._quiet = True
        try:
            self.chapter.clear()
            self.chapter.addItem(self.tr("全部章节"), "")
            for name in chapters:
                self.chapter.addItem(name, name)
            self.chapter.setCurrentIndex(max(0, self.chapter.findData(chosen or "")))
        finally:
            self._quiet = False

    def value(self) -> Filter:
        """Return the filter the controls describe."""
        return Filter(
            scope=Scope(self.scope.currentData()),
            chapter=self.chapter.currentData() or None,
            status=self.status.currentData() or None,
            warned_only=self.warned.isChecked(),
            text=self.search.text().strip(),
        )

    def restore(self, place: Place) -> None:
        """Set the controls from a saved place without emitting changes."""
        self._quiet = True
        try:
            for combo, value in (
                (self.scope, place.scope),
                (self.chapter, place.chapter),
                (self.status, place.status),
            ):
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
            self.warned.setChecked(place.warned_only)
        finally:
            self._quiet = False
