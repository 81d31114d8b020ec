"""A stacked bar chart of states (已完成 … 未报送) per chapter or per unit, drawn with QPainter.

QtCharts is in PySide6-Addons (about 200 MB more in the bundle); a dozen bars need none of it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.summary import STATES

COLOURS = {
    "已完成": "#2E7D32",
    "推进中": "#1E88E5",
    "持续推进": "#00897B",
    "已填报": "#7CB342",
    "未启动": "#FBC02D",
    "滞后": "#E53935",
    "未填报": "#BDBDBD",
    "未报送": "#757575",
}
BAR_H, GAP, LEGEND_H, LABEL_W = 18, 8, 28, 190


class ProgressChart(QWidget):
    """Horizontal stacked bars, one per name, with a legend; shares of each bar's total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start empty."""
        super().__init__(parent)
        self.rows: list[tuple[str, dict[str, int]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, dict[str, int]]]) -> None:
        """Show these bars (name, counts by state)."""
        self.rows = rows
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """Return a height that fits every bar."""
        return QSize(600, LEGEND_H + GAP + len(self.rows) * (BAR_H + GAP) + GAP)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the legend, then each bar with its name and count."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        x = 8.0
        metrics = painter.fontMetrics()
        for state in STATES:
            painter.fillRect(QRectF(x, 8, 14, 14), QColor(COLOURS[state]))
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x + 18, 4, 90, 22), Qt.AlignmentFlag.AlignVCenter, self.tr(state))
            x += 24 + metrics.horizontalAdvance(state)
        width = max(10.0, self.width() - LABEL_W - 70.0)
        y = float(LEGEND_H + GAP)
        for name, counts in self.rows:
            total = sum(counts.values()) or 1
            label = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, LABEL_W - 12)
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(4, y, LABEL_W - 8, BAR_H),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            left = float(LABEL_W)
            for state in STATES:
                share = counts.get(state, 0) / total * width
                if share:
                    painter.fillRect(QRectF(left, y, share, BAR_H), QColor(COLOURS[state]))
                    left += share
            done = counts.get("已完成", 0)
            painter.drawText(
                QRectF(LABEL_W + width + 6, y, 64, BAR_H),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{done}/{sum(counts.values())}",
            )
            y += BAR_H + GAP
        painter.end()
