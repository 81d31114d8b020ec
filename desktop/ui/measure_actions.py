"""编辑措施 on the desk: correct the measure in the detail pane, merge it with the next, split or remove it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desktop.domain.errors import LuoshiError
from desktop.domain.ids import MeasureId
from desktop.services import corrections as correction_service
from desktop.services.messages import error_text
from desktop.ui.desk import Desk, DeskChange
from desktop.ui.measure_editor import MeasureEditor


class MeasureActions(QObject):
    """Opens the measure editor for the window's current measure and stores what the clerk did."""

    def __init__(self, desk: Desk) -> None:
        """Act on the measure `desk` shows."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.editor: MeasureEditor | None = None

    def edit_current(self) -> None:
        """Open 编辑措施 for the measure in the detail pane."""
        key = self.desk.current_key()
        if key is None or not self.desk.leave_note():
            return
        ws = self.desk.ws
        try:
            stored = correction_service.stored_measure(ws, key.measure_id)
            directory = correction_service.unit_directory(ws, stored.plan_id)
            year = correction_service.plan_year(ws, stored.plan_id)
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("编辑措施"), error_text(error))
            return
        editor = MeasureEditor(stored.measure, directory, year=year, stored=True, parent=self.widget)
        editor.accepted.connect(lambda: self._store(editor, key.measure_id))
        editor.open()
        self.editor = editor

    def _store(self, editor: MeasureEditor, measure_id: MeasureId) -> None:
        """Apply what the clerk did in one transaction (all of it or, on a fault, none) and show it."""
        try:
            change = correction_service.correct(self.desk.ws, measure_id, editor.corrections)
        except LuoshiError as error:
            QMessageBox.warning(self.widget, self.tr("编辑措施"), error_text(error))
            return
        self.desk.changed.emit(DeskChange.of_measures(change))
        self.desk.statusBar().showMessage(self.tr("措施已改正，改动记录已保存。"), 6000)
