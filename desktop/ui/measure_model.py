"""The measure table: one row per measure of the worklist, with the period's note state and lights."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.desk.worklist import WorkItem
from desktop.domain.terms import LIGHT_WORDS, STATUS_WORDS, Light, Role

_Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_Role = Qt.ItemDataRole

# Light colours: red for overdue, amber for behind, blue for due soon (readable without colour too).
_LIGHT_COLOURS = {Light.OVERDUE: "#c62828", Light.BEHIND: "#e65100", Light.DUE_SOON: "#1565c0"}
_LIGHT_ORDER = (Light.OVERDUE, Light.BEHIND, Light.DUE_SOON)
_UNCONFIRMED_COLOUR = "#8d6e00"  # a category task to confirm: a note to act on, not a warning


class MeasureTableModel(QAbstractTableModel):
    """序号, 任务, 牵头单位, 配合单位, 完成时限, 本期状态, 已填/未填, 提醒, and 方案 (shown in 全部方案)."""

    SEQ, TASK, LEADS, SUPPORTS, DEADLINE, STATUS, FILLED, LIGHTS, PLAN = range(9)

    def __init__(self) -> None:
        """Start empty."""
        super().__init__()
        self._items: list[WorkItem] = []
        self.headers = [  # the column titles
            self.tr("序号"),
            self.tr("任务"),
            self.tr("牵头单位"),
            self.tr("配合单位"),
            self.tr("完成时限"),
            self.tr("本期状态"),
            self.tr("已填"),
            self.tr("提醒"),
            self.tr("方案"),
        ]
        self._light_words = {light: self.tr(word) for light, word in LIGHT_WORDS.items()}

    def set_items(self, items: list[WorkItem]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> WorkItem:
        """Return the item in a row."""
        return self._items[row]

    def row_of(self, measure_id: int) -> int:
        """Return the row of a measure, or -1 when it is filtered out."""
        return next((r for r, i in enumerate(self._items) if i.measure_id == measure_id), -1)

    def replace_item(self, item: WorkItem) -> None:
        """Update one row in place (after its note was saved)."""
        row = self.row_of(item.measure_id)
        if row >= 0:
            self._items[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of measures (none below a row)."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole) -> object:
        """Return the column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal and role == _Role.DisplayRole
        if horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def light_text(self, item: WorkItem) -> str:
        """Return the lights of an item as words, and 待确认 for a category task not yet confirmed."""
        words = [self._light_words[light] for light in _LIGHT_ORDER if light in item.lights]
        if item.unconfirmed:
            words.insert(0, self.tr("待确认"))
        if item.changed_since_sent:
            words.append(self.tr("报送后已修改"))
        return "、".join(words)

    def _display(self, item: WorkItem, column: int) -> str:
        if column == self.SEQ:
            return item.label
        if column == self.TASK:
            return item.text.replace("\n", " ")
        if column == self.LEADS:
            return "、".join(item.leads)
        if column == self.SUPPORTS:
            return "、".join(item.supports)
        if column == self.DEADLINE:
            return item.deadline
        if column == self.STATUS:
            status = item.note.status if item.note else None
            return STATUS_WORDS[status] if status else ""
        if column == self.FILLED:
            if item.filled:
                return self.tr("已填")
            return self.tr("未填") if item.unfilled else "—"  # a task to confirm or declined: not owed
        if column == self.PLAN:  # the 文号 is short and tells plans apart; the title is in the tooltip
            return ("［已归档］" if item.archived else "") + (item.plan_number or item.plan_title)
        return self.light_text(item)

    def data(self, index: _Index, role: int = _Role.DisplayRole) -> object:
        """Return what each cell shows."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == _Role.DisplayRole:
            return self._display(item, column)
        if role == _Role.ToolTipRole:
            if column == self.TASK:
                return item.text
            if column == self.PLAN:
                return f"《{item.plan_title}》" + (f"（{item.plan_number}）" if item.plan_number else "")
            if column == self.SEQ and item.role is not None:
                role_word = self.tr("牵头") if item.role is Role.LEAD else self.tr("配合")
                return role_word + (self.tr("（通配，需确认）") if item.via_wildcard else "")
            return self._display(item, column) or None
        if role == _Role.ForegroundRole:
            if column == self.LIGHTS:
                light = next((li for li in _LIGHT_ORDER if li in item.lights), None)
                if light is None and item.unconfirmed:
                    return QBrush(QColor(_UNCONFIRMED_COLOUR))
                return QBrush(QColor(_LIGHT_COLOURS[light])) if light else None
            if column == self.FILLED and item.unfilled:
                return QBrush(QColor("#c62828"))
        if role == _Role.FontRole and column == self.SEQ and item.role is Role.LEAD:
            font = QFont()
            font.setBold(True)
            return font
        if role == _Role.TextAlignmentRole and column in (self.SEQ, self.STATUS, self.FILLED):
            return Qt.AlignmentFlag.AlignCenter
        if role == ITEM_ROLE:
            return item
        return None
