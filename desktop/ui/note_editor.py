"""The note editor: 进展情况, 存在问题, 下步计划, status and share done, with 照抄上期 warnings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.notes import NoteFields
from desktop.domain.terms import FIELDS, STATUS_WORDS, Status

_NO_PERCENT = -1
MIN_BOX_LINES = 4  # a note box shows at least this many lines at every text size


class NoteEditor(QWidget):
    """Three texts and a status; emits `edited` on every change the clerk makes."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the fields."""
        super().__init__(parent)
        self._loading = False
        self.status = QComboBox()
        self.status.addItem(self.tr("（请选择）"), "")
        for status, word in STATUS_WORDS.items():
            self.status.addItem(self.tr(word), status.value)
        self.status.setAccessibleName(self.tr("完成状态"))
        self.status.setMinimumContentsLength(4)  # '持续推进' stays whole at every text size
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.percent = QSpinBox()
        self.percent.setRange(_NO_PERCENT, 100)
        self.percent.setSpecialValueText(self.tr("未填"))
        self.percent.setSuffix("%")
        self.percent.setAccessibleName(self.tr("完成比例"))
        self.percent.setToolTip(self.tr("本措施已完成的比例，用于计算是否滞后于序时进度"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("完成状态")))
        top.addWidget(self.status, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("完成比例")))
        top.addWidget(self.percent)
        top.addStretch(1)
        titles = {
            "progress": self.tr("进展情况"),
            "problems": self.tr("存在问题"),
            "next_steps": self.tr("下步计划"),
        }
        self.texts: dict[str, QPlainTextEdit] = {}
        self.warnings: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(titles[name])
            edit.setPlaceholderText(self.tr("在此填写%1……").replace("%1", titles[name]))
            edit.textChanged.connect(self._changed)
            warning = QLabel(self.tr("与上期内容相同（照抄上期），请按本期实际情况修改。"))
            warning.setStyleSheet("color: #b26a00;")
            warning.setWordWrap(True)
            warning.hide()
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(warning)
            holder = QWidget()
            holder.setLayout(box)
            form.addRow(titles[name], holder)
            self.texts[name] = edit
            self.warnings[name] = warning
        self._fit_boxes()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(form, 1)
        self.status.currentIndexChanged.connect(self._changed)
        self.percent.valueChanged.connect(self._changed)

    def _fit_boxes(self) -> None:
        """Keep each note box at least MIN_BOX_LINES lines high in the current text size."""
        for edit in self.texts.values():
            lines = MIN_BOX_LINES * edit.fontMetrics().lineSpacing()
            edit.setMinimumHeight(lines + 2 * edit.frameWidth() + int(edit.document().documentMargin()) * 2)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a new text size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_boxes()

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def load(self, fields: NoteFields | None) -> None:
        """Show a saved note (or empty fields) without counting it as an edit."""
        self._loading = True
        try:
            shown = fields or NoteFields()
            for name in FIELDS:
                self.texts[name].setPlainText(getattr(shown, name))
            index = self.status.findData(shown.status.value if shown.status else "")
            self.status.setCurrentIndex(max(index, 0))
            self.percent.setValue(_NO_PERCENT if shown.percent is None else shown.percent)
            self.show_copies([])
        finally:
            self._loading = False

    def fields(self) -> NoteFields:
        """Return what the editor holds now."""
        code = self.status.currentData()
        percent = self.percent.value()
        return NoteFields(
            progress=self.texts["progress"].toPlainText(),
            problems=self.texts["problems"].toPlainText(),
            next_steps=self.texts["next_steps"].toPlainText(),
            status=Status(code) if code else None,
            percent=None if percent == _NO_PERCENT else percent,
        )

    def show_copies(self, names: list[str]) -> None:
        """Show the 照抄上期 warning under each named field."""
        for name, label in self.warnings.items():
            label.setVisible(name in names)

    def copy_into_progress(self, text: str) -> None:
        """Put last period's 下步计划 into 进展情况 as a draft (after anything already there)."""
        edit = self.texts["progress"]
        current = edit.toPlainText().rstrip()
        edit.setPlainText(f"{current}\n{text}" if current else text)
        edit.setFocus()
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        edit.setTextCursor(cursor)

    def set_enabled_for_measure(self, enabled: bool) -> None:
        """Enable the editor only when a measure is chosen."""
        for widget in (*self.texts.values(), self.status, self.percent):
            widget.setEnabled(enabled)
