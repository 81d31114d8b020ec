"""Sizes that fit the clerk's screen: 1366×768 less a taskbar is the smallest we plan for."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 40  # the window frame and title bar, around what Qt lays out


def available(widget: QWidget | None = None) -> QRect:
    """Return the free area of the screen `widget` is on (the primary one otherwise), taskbar excluded."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to `width`×`height`, or less where the screen is smaller, and cap its maximum."""
    area = available(widget.parentWidget() or widget)
    widget.resize(min(width, area.width() - MARGIN), min(height, area.height() - MARGIN))
    widget.setMaximumSize(area.width(), area.height() - MARGIN // 2)
