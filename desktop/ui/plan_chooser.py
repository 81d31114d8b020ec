"""The desk's plan chooser: each plan in use with the clerk's task count, then 全部方案."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.services.plans import ALL_PLANS, PlanChoice


class PlanChooser(QComboBox):
    """A combo of plans: '《title》（文号）（本单位 N 项）', newest first, and 全部方案 when there are several."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start empty; `offer` fills it."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("方案"))
        # a sensible width in the header; the open list shows the whole title and 文号
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.currentIndexChanged.connect(self._show_tip)

    def offered(self) -> set[int]:
        """Return the ids of the plans offered now."""
        return {int(self.itemData(i)) for i in range(self.count()) if self.itemData(i)}

    def offer(self, choices: list[PlanChoice], *, wanted: int | None, counts: bool) -> None:
        """Offer `choices` (with the clerk's counts when `counts`) and choose `wanted`, else the first.

        Emits no change signal: the caller shows what the new choice asks for.
        """
        self.blockSignals(True)
        try:
            self.clear()
            for choice in choices:
                count = self.tr("（本单位 %1 项）").replace("%1", str(choice.mine)) if counts else ""
                self.addItem(choice.label + count, choice.plan.id)
                self.setItemData(self.count() - 1, choice.label, Qt.ItemDataRole.ToolTipRole)
            if len(choices) > 1:
                self.addItem(self.tr("全部方案"), ALL_PLANS)
            index = self.findData(wanted) if wanted is not None else -1
            self.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self.blockSignals(False)
        self._show_tip()

    def every_plan(self) -> bool:
        """Return True when 全部方案 is chosen."""
        return bool(self.currentData() == ALL_PLANS)

    def chosen(self) -> int | None:
        """Return the chosen plan's id, or None for 全部方案 (or no plan at all)."""
        value = self.currentData()
        return int(value) if value else None

    def choose(self, plan: int | None) -> None:
        """Choose `plan` (None: 全部方案) without emitting a change."""
        self.blockSignals(True)
        self.setCurrentIndex(max(0, self.findData(ALL_PLANS if plan is None else plan)))
        self.blockSignals(False)
        self._show_tip()

    def plans(self) -> list[int]:
        """Return the ids the desk shows: the chosen plan, or every plan offered."""
        chosen = self.chosen()
        return [chosen] if chosen is not None else sorted(self.offered())

    def _show_tip(self) -> None:
        self.setToolTip(str(self.currentData(Qt.ItemDataRole.ToolTipRole) or ""))
