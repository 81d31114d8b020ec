"""The note in the editor: which measure and period it belongs to, its autosave, and last period's note."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.desk.notes import NoteFields, copied_fields
from desktop.domain.desk.periods import Period
from desktop.domain.ids import MeasureId
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services.notes import NoteKey, StoredNote
from desktop.services.workspace import Workspace
from desktop.ui.autosave import AutoSaver
from desktop.ui.detail_pane import DetailPane


class NoteSession(QObject):
    """Binds the detail pane's editor to one note; every edit reaches the database within a few seconds.

    `on_saved(measure_id, fields)` runs after each save, so the desk can update the measure's row.
    """

    hint = Signal(str)  # for the status bar: 正在编辑… / 已保存 12:00:00 / 保存失败…
    error = Signal(str)  # the fault of the last save, '' once a save succeeds
    message = Signal(str)  # a brief confirmation for the status bar

    def __init__(
        self,
        ws: Workspace,
        detail: DetailPane,
        on_saved: Callable[[MeasureId, NoteFields], None],
        parent: QWidget,
    ) -> None:
        """Edit notes of `ws` in `detail`'s editor; dialogs open over `parent`."""
        super().__init__(parent)
        self._ws = ws
        self._detail = detail
        self._on_saved = on_saved
        self._parent = parent
        self._key: NoteKey | None = None
        self._previous: StoredNote | None = None
        self._session = ""
        self.autosaver = AutoSaver(self._save_now, self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        detail.editor.edited.connect(self._edited)
        detail.copy_requested.connect(self._copy_next_steps)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def key(self) -> NoteKey | None:
        """The note in the editor, if a measure is chosen."""
        return self._key

    def open(self, measure_id: MeasureId | None, period: Period) -> None:
        """Show the note of `measure_id` for `period` (None: an empty editor), dropping unsaved edits.

        The desk calls it only after `leave_note()` succeeded, so nothing typed is dropped.
        """
        self.autosaver.discard()
        if measure_id is None:
            self._key = None
            self._previous = None
            self._detail.editor.load(None)
            self._detail.show_previous(None, None)
            return
        self._key = note_service.key_for(self._ws, measure_id, period)
        self._session = os.urandom(16).hex()  # the revisions of one sitting are kept as one
        stored = note_service.get_note(self._ws, self._key)
        self._previous = note_service.previous_note(self._ws, self._key)
        label = period_service.require_period(self._previous.period).label if self._previous else None
        self._detail.editor.load(stored.fields if stored else None)
        self._detail.show_previous(label, self._previous.fields if self._previous else None)
        self._show_copies()

    def leave_note(self) -> bool:
        """Save the note before the desk shows another; when that fails, say why and return False (stay).

        The one guard every move of the desk and every command that changes what it shows passes.
        """
        if self.autosaver.flush():
            return True
        QMessageBox.warning(
            self._parent,
            self.tr("尚未保存"),
            self.tr("本条进展还没有保存成功：%1\n\n为免丢失，请先处理上述问题（落实会自动重试）。").replace(
                "%1", self.autosaver.last_error
            ),
        )
        return False

    def may_close(self) -> bool:
        """Save; when that fails, ask whether the clerk really wants to quit and lose the text."""
        if self.autosaver.flush():
            return True
        answer = QMessageBox.question(
            self._parent,
            self.tr("尚未保存"),
            self.tr("本条进展未能保存：%1\n\n现在退出，编辑框中未保存的文字将会丢失。仍要退出吗？").replace(
                "%1", self.autosaver.last_error
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _edited(self) -> None:
        if self._key is not None:
            self.hint.emit(self.tr("正在编辑…"))
            self.autosaver.mark_dirty()

    def _save_now(self) -> None:
        if self._key is None:
            return
        fields = self._detail.editor.fields()
        note_service.save_note(self._ws, self._key, fields, session=self._session)
        self._on_saved(self._key.measure_id, fields)

    def _saved(self) -> None:
        self.error.emit("")
        self.hint.emit(self.tr("已保存 %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self._show_copies()

    def _failed(self, message: str) -> None:
        self.hint.emit(self.tr("保存失败，正在重试…"))
        self.error.emit(
            self.tr("保存失败：%1 您填写的文字仍在编辑框中，不会丢失；落实会每隔几秒自动重试。").replace(
                "%1", message
            )
        )

    def _show_copies(self) -> None:
        previous = self._previous.fields if self._previous else None
        self._detail.editor.show_copies(copied_fields(self._detail.editor.fields(), previous))

    def _copy_next_steps(self) -> None:
        if self._previous is not None and self._previous.fields.next_steps.strip():
            self._detail.editor.copy_into_progress(self._previous.fields.next_steps.strip())
            self._show_copies()
            self.message.emit(self.tr("已将上期“下步计划”复制到本期“进展情况”，请按本期实际情况修改。"))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Save as soon as the cursor leaves the editor."""
        editor = self._detail.editor
        if (
            old is not None
            and editor.isAncestorOf(old)
            and not (new is not None and editor.isAncestorOf(new))
        ):
            self.autosaver.flush()
