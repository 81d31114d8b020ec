"""The desk at 1366×768 less a taskbar, at every text size: nothing cut, nothing off screen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot

from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.window_actions import FONT_SCALES

TASKBAR = 40


def _combo_fits(combo: QComboBox) -> bool:
    """Return True when the combo box shows its current text whole."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return QFontMetrics(combo.font()).horizontalAdvance(combo.currentText()) <= field.width()


@pytest.mark.parametrize("percent", FONT_SCALES)
def test_desk_fits_at_every_text_size(qtbot: QtBot, window: MainWindow, desk: DeskView, percent: int) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    window.resize(1366, 768 - TASKBAR)
    desk.period.setCurrentIndex(desk.period.findData("2026Q4"))  # the longest label: 2026年第四季度
    desk.commands.set_font_scale(percent)
    QApplication.processEvents()
    qtbot.wait(50)
    try:
        assert (
            window.width() <= screen.width() and window.height() <= screen.height()
        )  # never past the screen
        hint = window.minimumSizeHint()  # and a screen less a taskbar holds it
        assert hint.width() <= 1366 and hint.height() <= 768 - TASKBAR, (percent, hint)
        table, header, metrics = desk.table, desk.table.horizontalHeader(), desk.table.fontMetrics()
        assert header.length() <= table.viewport().width() + 1  # no column scrolled out of view
        for column, title in enumerate(desk.model.headers):
            if table.isColumnHidden(column):  # 方案 shows in 全部方案 only
                continue
            assert metrics.horizontalAdvance(title) < header.sectionSize(column), (percent, title)
        assert header.sectionSize(desk.model.TASK) >= 8 * metrics.horizontalAdvance("国")
        for combo in (desk.period, desk.filters.scope, desk.filters.chapter, desk.filters.status):
            assert _combo_fits(combo), (percent, combo.currentText())
        assert (
            desk.detail.title.font().pointSizeF() == QApplication.font().pointSizeF()
        )  # the heading follows
        assert table.verticalHeader().defaultSectionSize() >= metrics.height()
    finally:
        desk.commands.set_font_scale(100)
        QApplication.processEvents()


def test_going_back_to_standard_size_keeps_the_window_on_screen(
    qtbot: QtBot, window: MainWindow, desk: DeskView
) -> None:
    QApplication.processEvents()
    # the full width, and a height near what 标准字号 needs: 特大字号 must grow it
    small = (1366, window.minimumSizeHint().height() + 20)
    window.resize(*small)
    QApplication.processEvents()
    sizes = []
    for percent in (150, 100):
        desk.commands.set_font_scale(percent)
        QApplication.processEvents()
        qtbot.wait(20)
        sizes.append((window.width(), window.height()))
    assert sizes[0][1] > small[1]  # it grew for the larger text
    assert sizes[1] == small  # and is back to the size the clerk gave it
