"""Every saved revision of a note, with the text of the chosen one and a button to restore it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.terms import NoteSource
from desktop.services.notes import Revision
from desktop.ui.note_text import describe
from desktop.ui.screen import fit_to_screen


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


class HistoryDialog(QDialog):
    """Pick a revision; `chosen_revision` holds its id after 恢复此版本."""

    def __init__(self, revisions: list[Revision], parent: QWidget | None = None) -> None:
        """List `revisions` (newest first)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("历史版本"))
        self.chosen_revision: int | None = None
        self._revisions = revisions
        sources: dict[NoteSource | None, str] = {
            NoteSource.EDITOR: self.tr("编辑"),
            NoteSource.RESTORE: self.tr("恢复"),
            NoteSource.CLI: self.tr("命令行"),
            NoteSource.ATTACHMENT: self.tr("佐证材料"),
            NoteSource.MERGE: self.tr("合并措施"),
            NoteSource.RETURN: self.tr("导入回执"),
        }
        self.list = QListWidget()
        for revision in revisions:
            entry = QListWidgetItem(
                f"{_when(revision.saved_at)}  {sources.get(NoteSource.of(revision.source), revision.source)}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, revision.revision_id)
            self.list.addItem(entry)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.restore_button = QPushButton(self.tr("恢复此版本"))
        self.restore_button.clicked.connect(self._restore)
        self.list.currentRowChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 420)
        if revisions:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(bool(revisions))

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            self.preview.clear()
            return
        self.preview.setPlainText(describe(self._revisions[row].fields))

    def _restore(self) -> None:
        entry = self.list.currentItem()
        if entry is not None:
            self.chosen_revision = int(entry.data(Qt.ItemDataRole.UserRole))
            self.accept()
