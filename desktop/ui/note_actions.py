"""History and 佐证材料 of the note in the editor: list and restore revisions, attach, open, remove files."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.domain.errors import LuoshiError
from desktop.services import attachments as attachment_service
from desktop.services import notes as note_service
from desktop.services.attachments import AttachmentRow
from desktop.services.messages import error_text
from desktop.ui.desk import Desk, DeskChange
from desktop.ui.file_dialogs import open_files
from desktop.ui.history_dialog import HistoryDialog


class NoteActions(QObject):
    """Carries out the detail pane's 历史版本 and 佐证材料 buttons for a MainWindow."""

    def __init__(self, desk: Desk) -> None:
        """Act on the note `desk` has open."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.history_dialog: HistoryDialog | None = None
        self._rows: dict[int, AttachmentRow] = {}
        desk.note_opened.connect(lambda _key: self.refresh_attachments())

    def show_history(self) -> None:
        """List the note's revisions and restore the one the clerk picks."""
        key = self.desk.current_key()
        if key is None or not self.desk.leave_note():
            return
        dialog = HistoryDialog(note_service.history(self.desk.ws, key), self.widget)
        self.history_dialog = dialog
        if dialog.exec() and dialog.chosen_revision is not None:
            self._guard(lambda: note_service.restore(self.desk.ws, key, dialog.chosen_revision or 0))
            self.desk.changed.emit(DeskChange(measure_ids=(key.measure_id,)))

    def attach_files(self) -> None:
        """Copy evidence files into the data folder and list them under the note."""
        key = self.desk.current_key()
        if key is None or not self.desk.leave_note():
            return
        for path in open_files(self.widget, self.desk.settings, "evidence", self.tr("添加佐证材料")):
            self._guard(partial(attachment_service.attach, self.desk.ws, key, path))
        self.refresh_attachments()

    def refresh_attachments(self) -> None:
        """Show the files attached to the current note."""
        key = self.desk.current_key()
        rows = attachment_service.list_attachments(self.desk.ws, key) if key else []
        self._rows = {row.attachment_id: row for row in rows}
        self.desk.detail.show_attachments([(row.attachment_id, row.name) for row in rows])

    def open_attachment(self, attachment_id: int) -> None:
        """Open an attached file with the system's viewer."""
        row = self._rows.get(attachment_id)
        if row is not None:
            QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(attachment_service.stored_file(self.desk.ws, row)))
            )

    def remove_attachment(self, attachment_id: int) -> None:
        """Take a file off the note after a confirmation."""
        row = self._rows.get(attachment_id)
        if row is None:
            return
        answer = QMessageBox.question(
            self.widget, self.tr("移除佐证材料"), self.tr("从本条进展中移除“%1”？").replace("%1", row.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._guard(lambda: attachment_service.detach(self.desk.ws, row))
            self.refresh_attachments()

    def _guard(self, work: Callable[[], object]) -> None:
        try:
            work()
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("落实"), error_text(error))
