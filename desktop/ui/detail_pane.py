"""The right-hand pane: the measure as the plan states it, the note editor, last period's note, 佐证材料."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.headings import default_short_title
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.worklist import WorkItem
from desktop.domain.terms import Claim, Role
from desktop.ui.note_editor import NoteEditor
from desktop.ui.note_text import describe


class DetailPane(QWidget):
    """Shows one measure and edits its note for the chosen period."""

    copy_requested = Signal()
    history_requested = Signal()
    edit_measure_requested = Signal()
    attach_requested = Signal()
    claim_requested = Signal(str)  # a Claim value, or '' to ask again
    short_title_edited = Signal(str)  # the clerk's 任务简称 ('' goes back to the default)
    open_attachment = Signal(int)
    remove_attachment = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the pane."""
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont()  # only the weight is set: the size follows the application's text size
        bold.setBold(True)
        self.title.setFont(bold)
        self.text = QTextBrowser()
        self.text.setMaximumHeight(110)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 2 + 8)
        self.text.setAccessibleName(self.tr("措施原文"))
        self.units = QLabel()
        self.units.setWordWrap(True)
        self.units.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_box = QWidget()
        self.claim_text = QLabel()
        self.claim_text.setWordWrap(True)
        self.claim_mine = QPushButton(self.tr("确认属于本单位"))
        self.claim_not_mine = QPushButton(self.tr("不属于本单位"))
        self.claim_mine.clicked.connect(lambda: self.claim_requested.emit(Claim.MINE.value))
        self.claim_not_mine.clicked.connect(lambda: self.claim_requested.emit(Claim.NOT_MINE.value))
        claim_row = QHBoxLayout(self.claim_box)
        claim_row.setContentsMargins(0, 0, 0, 0)
        claim_row.addWidget(self.claim_text, 1)
        claim_row.addWidget(self.claim_mine)
        claim_row.addWidget(self.claim_not_mine)
        self.claim_box.setStyleSheet("QWidget#claimBox { background: #fff8e1; }")
        self.claim_box.setObjectName("claimBox")
        self.short_title = QLineEdit()
        self.short_title.setAccessibleName(self.tr("任务简称"))
        self.short_title.setToolTip(self.tr("报告中措施标题和台账“任务简称”一栏使用的简称；留空则用默认简称"))
        self.short_title.editingFinished.connect(self._short_title_finished)
        self._shown_short = ""
        self.editor = NoteEditor()
        self.previous_box = QGroupBox(self.tr("上期填报"))
        self.previous = QPlainTextEdit()
        self.previous.setReadOnly(True)
        self.previous.setAccessibleName(self.tr("上期填报"))
        self.copy_button = QPushButton(self.tr("复制为本期进展"))
        self.copy_button.setToolTip(
            self.tr("将上期“下步计划”复制到本期“进展情况”，作为初稿，请按实际完成情况修改")
        )
        self.copy_button.clicked.connect(self.copy_requested)
        previous_layout = QVBoxLayout(self.previous_box)
        previous_layout.addWidget(self.previous, 1)
        previous_layout.addWidget(self.copy_button)
        self.copy_button.setMinimumWidth(0)
        self.history_button = QPushButton(self.tr("历史版本…"))
        self.history_button.clicked.connect(self.history_requested)
        self.edit_measure_button = QPushButton(self.tr("编辑措施…"))
        self.edit_measure_button.setToolTip(
            self.tr("改正解析有误的措施内容、责任单位、完成时限，或合并、拆分、删除")
        )
        self.edit_measure_button.clicked.connect(self.edit_measure_requested)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(70)
        self.attachments.setAccessibleName(self.tr("佐证材料"))
        self.attachments.currentItemChanged.connect(lambda *_: self._update_attachment_buttons())
        self.attachments.itemActivated.connect(
            lambda item: self.open_attachment.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        attach = QPushButton(self.tr("添加佐证材料…"))
        attach.clicked.connect(self.attach_requested)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(lambda: self._emit_current(self.open_attachment))
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.clicked.connect(lambda: self._emit_current(self.remove_attachment))
        buttons = QHBoxLayout()
        attach.setToolTip(self.tr("佐证材料：会议纪要、文件、照片等，随台账一并列出"))
        buttons.addStretch(1)
        for button in (attach, self.open_button, self.remove_button):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.attachments)
        self.split = QSplitter()  # horizontal
        self.split.setObjectName("noteSplitter")
        self.split.addWidget(left)
        self.split.addWidget(self.previous_box)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.units, 1)
        unit_row.addWidget(self.history_button)
        unit_row.addWidget(self.edit_measure_button)
        layout.addLayout(unit_row)
        short_row = QHBoxLayout()
        short_row.addWidget(QLabel(self.tr("任务简称：")))
        short_row.addWidget(self.short_title, 1)
        layout.addLayout(short_row)
        layout.addWidget(self.claim_box)
        layout.addWidget(self.split, 1)
        self.show_item(None)

    def highlight(self, query: str) -> None:
        """Mark every occurrence of the searched words in the measure, the note and last period's note."""
        words = [w for w in query.split() if w]
        fill = QColor("#ffe082")
        views: list[QTextEdit | QPlainTextEdit] = [self.text, self.previous, *self.editor.texts.values()]
        for view in views:
            marks = []
            for word in words:
                cursor = view.document().find(word)
                while not cursor.isNull():
                    mark = QTextEdit.ExtraSelection()
                    # PySide6 6.9's stubs lack ExtraSelection's fields (6.10's have them)
                    mark.cursor = cursor  # type: ignore[attr-defined, unused-ignore]
                    mark.format.setBackground(fill)  # type: ignore[attr-defined, unused-ignore]
                    marks.append(mark)
                    cursor = view.document().find(word, cursor)
            view.setExtraSelections(marks)

    def _show_claim(self, item: WorkItem | None) -> None:
        """Offer 确认属于本单位 / 不属于本单位 for a task given to a category of the unit."""
        self.claim_box.setVisible(item is not None and item.via_wildcard)
        if item is None or not item.via_wildcard:
            return
        category = item.matched  # the category that matched, not the plan's first wildcard
        if item.claim is None:
            text = self.tr(
                "此项任务分配给“%1”，本单位属于该类别。请确认是否属于本单位：未确认前不列入报告和台账。"
            )
        elif item.claim is Claim.MINE:
            text = self.tr("已确认：此项任务（分配给“%1”）属于本单位，列入报告和台账。")
        else:
            text = self.tr("已确认：此项任务（分配给“%1”）不属于本单位，不列入本单位任务。")
        self.claim_text.setText(text.replace("%1", category or self.tr("通配类别")))
        self.claim_mine.setVisible(item.claim is not Claim.MINE)
        self.claim_not_mine.setVisible(item.claim is not Claim.NOT_MINE)

    def _short_title_finished(self) -> None:
        text = self.short_title.text().strip()
        if text != self._shown_short:
            self._shown_short = text
            self.short_title_edited.emit(text)

    def _emit_current(self, signal: SignalInstance) -> None:
        item = self.attachments.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_item(self, item: WorkItem | None) -> None:
        """Show a measure's text, units and deadline (or an empty pane)."""
        self.editor.set_enabled_for_measure(item is not None)
        for widget in (self.history_button, self.attachments, self.edit_measure_button, self.short_title):
            widget.setEnabled(item is not None)
        self._shown_short = item.short_title if item else ""
        self.short_title.setText(self._shown_short)
        self.short_title.setPlaceholderText(
            self.tr("默认：") + default_short_title(item.text) if item is not None else ""
        )
        self._update_attachment_buttons()
        self._show_claim(item)
        if item is None:
            self.title.setText(self.tr("请在左侧选择一项措施"))
            self.text.clear()
            self.units.clear()
            return
        role = ""
        if item.role is not None:
            role = self.tr("本单位牵头") if item.role is Role.LEAD else self.tr("本单位配合")
            if item.unconfirmed:
                role += self.tr("（按通配类别，需确认）")
            elif item.declined:
                role = self.tr("已确认不属于本单位")
        self.title.setText(f"{item.label}　{item.chapter}" + (f"　〔{role}〕" if role else ""))
        self.text.setPlainText(item.text)
        leads = "、".join(item.leads) or self.tr("未写明")
        lines = [self.tr("牵头单位：") + leads]
        if item.supports:
            lines.append(self.tr("配合单位：") + "、".join(item.supports))
        lines.append(self.tr("完成时限：") + (item.deadline or self.tr("未写明")))
        self.units.setText("　".join(lines))

    def show_previous(self, period_label: str | None, fields: NoteFields | None) -> None:
        """Show last period's note beside the editor."""
        self.copy_button.setEnabled(bool(fields and fields.next_steps.strip()))
        if fields is None or period_label is None:
            self.previous_box.setTitle(self.tr("上期填报"))
            self.previous.setPlainText(self.tr("（上期没有填报内容）"))
            return
        self.previous_box.setTitle(self.tr("上期填报：") + period_label)
        self.previous.setPlainText(describe(fields))

    def show_attachments(self, rows: list[tuple[int, str]]) -> None:
        """List the attached files by name."""
        self.attachments.clear()
        for attachment_id, name in rows:
            entry = QListWidgetItem(name)
            entry.setData(Qt.ItemDataRole.UserRole, attachment_id)
            self.attachments.addItem(entry)
        if rows:
            self.attachments.setCurrentRow(0)
        self._update_attachment_buttons()

    def _update_attachment_buttons(self) -> None:
        """打开 and 移除 act on the chosen file: enabled only when one is listed and chosen."""
        chosen = self.attachments.currentItem() is not None and self.attachments.isEnabled()
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
