"""Progress by chapter or by unit as a QtCharts bar chart: one horizontal bar per name, shares by state."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from desktop.domain.reporting.summary import STATES

COLOURS = {
    "已完成": "#2E7D32",
    "持续推进": "#00897B",
    "推进中": "#1E88E5",
    "已填报": "#7CB342",
    "未启动": "#FBC02D",
    "滞后": "#E53935",
    "未填报": "#BDBDBD",
    "未报送": "#757575",
}
BAR_PX, CHROME_PX = 26, 110  # height per bar, and for the legend and the axis


class ProgressChart(QChartView):
    """Horizontal 100 % stacked bars, one per name (chapter or unit), in STATES order and colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Start with an empty chart."""
        super().__init__(parent)
        self.rows: list[tuple[str, dict[str, int]]] = []
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.set_rows([])

    def set_rows(self, rows: list[tuple[str, dict[str, int]]]) -> None:
        """Show these bars (name, counts by state); the first row is drawn at the top."""
        self.rows = rows
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        series = QHorizontalPercentBarSeries()
        shown = list(reversed(rows))  # Qt draws the first category at the bottom
        for state in STATES:
            if not any(counts.get(state) for _, counts in rows):
                continue
            bar = QBarSet(self.tr(state))
            bar.setColor(QColor(COLOURS[state]))
            bar.setBorderColor(QColor(COLOURS[state]))
            bar.append([float(counts.get(state, 0)) for _, counts in shown])
            series.append(bar)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(
            [f"{name}（{counts.get('已完成', 0)}/{sum(counts.values())}）" for name, counts in shown]
        )
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        share = QValueAxis()
        share.setRange(0, 100)
        share.setLabelFormat("%d%%")
        chart.addAxis(share, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(share)
        self.setChart(chart)
        # a bar as tall as a line of the current text, or Qt elides the names to "…" (特大字号)
        bar_px = max(BAR_PX, int(self.fontMetrics().lineSpacing() * 1.6))
        names.setLabelsFont(self.font())
        share.setLabelsFont(self.font())
        chart.legend().setFont(self.font())
        self.setMinimumHeight(CHROME_PX + bar_px * len(rows))

    def changeEvent(self, event: QEvent) -> None:
        """Draw the bars again for a new text size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.set_rows(self.rows)
