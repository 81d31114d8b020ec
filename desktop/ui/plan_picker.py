"""Which plans a report or ledger covers: a tick per plan in use, the desk's plan ticked."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

VISIBLE_ROWS = 3  # more plans scroll


class PlanPicker(QListWidget):
    """Ticks for plans; at least one stays ticked. Emits `changed` when the ticks change."""

    changed = Signal()

    def __init__(
        self, plans: list[tuple[int, str]], chosen: Collection[int], parent: QWidget | None = None
    ) -> None:
        """Offer `plans` (id, '《title》（文号）'), ticking those in `chosen` (all when none of them is offered)."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("方案"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        ticked = {p for p, _ in plans if p in chosen} or {p for p, _ in plans}
        for plan_id, label in plans:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, plan_id)
            item.setToolTip(label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if plan_id in ticked else Qt.CheckState.Unchecked)
        rows = max(1, min(VISIBLE_ROWS, self.count()))
        self.setFixedHeight(rows * self.sizeHintForRow(0) + 2 * self.frameWidth() + 2)
        self.setEnabled(self.count() > 1)  # one plan: shown, nothing to choose
        self.itemChanged.connect(self._ticked)

    def chosen(self) -> list[int]:
        """Return the ids of the ticked plans, in the list's order."""
        return [
            int(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _ticked(self, item: QListWidgetItem) -> None:
        if not self.chosen():  # a report covers at least one plan: the last tick stays
            self.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked)
            self.blockSignals(False)
            return
        self.changed.emit()
