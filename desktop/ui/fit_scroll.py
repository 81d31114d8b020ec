"""A scroll area that gives its widget the whole viewport and scrolls only below the widget's minimum.

QScrollArea's own `widgetResizable` sizes a widget whose layout has height-for-width (word-wrapped labels)
to its preferred height, so the note side scrolled even when it fitted. Here the widget is as tall as the
viewport, never shorter than its minimum: at 特大字号 on a 1366×768 screen it scrolls; otherwise it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitScrollArea(QScrollArea):
    """Holds `widget`; the window's minimum height no longer depends on it."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        """Wrap `widget` (horizontal scrolling off: it always gets the viewport's width)."""
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again when the viewport changes size or the widget's layout does.

        The viewport follows the window and a scroll bar coming or going; the layout, a banner shown or a
        new text size.
        """
        kind = event.type()
        if (watched is self.viewport() and kind == QEvent.Type.Resize) or (
            watched is self.widget() and kind == QEvent.Type.LayoutRequest
        ):
            self.fit()
        return False

    def fit(self) -> None:
        """Give the widget the viewport's size, or its minimum height when that is taller."""
        widget = self.widget()
        if widget is None:
            return
        viewport = self.viewport().size()
        height = max(viewport.height(), widget.minimumSizeHint().height())
        if widget.size().width() != viewport.width() or widget.size().height() != height:
            widget.resize(viewport.width(), height)
