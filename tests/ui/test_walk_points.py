"""The clerk's walk: 核对方案 rows, undo and one name for a unit; the desk at every text size; small notices."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.gongwen.fonts import OFFICIAL_FONTS, FontGap
from desktop.services import imports
from desktop.services.workspace import Workspace
from desktop.ui import message_boxes
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.plan_check_dialog import MAX_ROW_LINES, PlanCheckDialog
from desktop.ui.window_actions import FONT_SCALES
from tests.conftest import FIXTURES
from tests.ui.windows import desk_window

CORPUS = FIXTURES / "corpus"
TASKBAR = 40


def _check(qtbot: QtBot, ws: Workspace, name: str) -> PlanCheckDialog:
    dialog = PlanCheckDialog(imports.prepare(ws, path=CORPUS / name))
    qtbot.addWidget(dialog)
    dialog.resize(1280, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    return dialog


def _longest_plan() -> str:
    """The corpus plan whose longest measure is longest: a real plan whose rows once filled the screen."""
    sizes = {
        p.name: max(len(line) for line in p.read_text(encoding="utf-8").splitlines())
        for p in CORPUS.glob("*.txt")
    }
    return max(sizes, key=lambda name: sizes[name])


def test_rows_are_sized_after_layout_and_capped(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _check(qtbot, ws, _longest_plan())
    table = dialog.table
    tallest = MAX_ROW_LINES * table.fontMetrics().lineSpacing() + 8
    heights = [table.rowHeight(r) for r in range(table.rowCount())]
    assert max(heights) <= tallest < table.viewport().height() / 2
    assert (
        sum(1 for r in range(table.rowCount()) if table.visualRect(table.model().index(r, 1)).isValid()) >= 3
    )
    # a short measure is one or two lines, not the height of the table
    assert min(heights) <= 3 * table.fontMetrics().lineSpacing() + 8


def test_a_selected_doubtful_row_stays_red(qtbot: QtBot, ws: Workspace) -> None:
    dialog = PlanCheckDialog(imports.prepare(ws, path=FIXTURES / "plans" / "county_2026_doubts.txt"))
    qtbot.addWidget(dialog)
    dialog.resize(1200, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)  # doubtful rows come first
    qtbot.wait(50)
    rect = dialog.table.visualRect(dialog.table.model().index(0, 1))
    colour = QColor(
        dialog.table.viewport().grab().toImage().pixel(rect.center() + QPoint(rect.width() // 3, 0))
    )
    assert colour.red() > colour.blue() + 40, colour.name()  # red, not the selection blue


def test_merge_and_remove_are_undone_until_import(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _check(qtbot, ws, _longest_plan())
    before = [m.text for m in dialog.measures]
    dialog.table.selectRow(len(before) - 2)
    dialog.merge_selected()
    assert len(dialog.measures) == len(before) - 1
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert len(dialog.measures) == len(before) - 2 and dialog.undo_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert len(dialog.measures) == len(before) - 1
    dialog.undo()
    assert [m.text for m in dialog.measures] == before and dialog.corrections == []
    assert not dialog.undo_button.isEnabled()


def test_a_unit_gets_one_name_across_the_plan_in_one_step(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _check(qtbot, ws, _longest_plan())
    counts: dict[str, int] = {}
    for m in dialog.measures:
        for u in m.units:
            counts[u.name] = counts.get(u.name, 0) + 1
    old = max(counts, key=lambda n: counts[n])
    assert counts[old] >= 2
    changed = dialog.rename_everywhere(old, old + "（新名）")
    assert changed == counts[old]
    assert not any(u.name == old for m in dialog.measures for u in m.units)
    dialog.undo()  # one step, one undo
    assert sum(1 for m in dialog.measures for u in m.units if u.name == old) == counts[old]


def test_every_text_size_fits_maximized_with_four_line_note_boxes(
    qtbot: QtBot, window: MainWindow, desk: DeskView
) -> None:
    window.showMaximized()
    for percent in FONT_SCALES:
        desk.commands.set_font_scale(percent)
        QApplication.processEvents()
        qtbot.wait(50)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        assert window.height() <= screen.height() and window.minimumSizeHint().height() <= 768 - TASKBAR
        status = window.statusBar()
        assert status.isVisible() and status.mapTo(window, QPoint(0, status.height())).y() <= window.height()
        for box in desk.detail.editor.texts.values():
            assert box.minimumHeight() >= 4 * box.fontMetrics().lineSpacing(), percent
    desk.commands.set_font_scale(100)


def test_the_window_does_not_grow_when_the_banner_shows(
    qtbot: QtBot, window: MainWindow, desk: DeskView
) -> None:
    window.resize(1366, 768 - TASKBAR)
    QApplication.processEvents()
    size = window.size()
    waiting = next(r for r in range(desk.model.rowCount()) if desk.model.item(r).unconfirmed)
    desk.table.selectRow(waiting)
    qtbot.waitUntil(lambda: desk.detail.claim_box.isVisible())
    QApplication.processEvents()
    assert window.size() == size


def test_a_search_with_no_match_says_so_and_starts_empty(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    desk.filters.search.setText("一个不存在的词语乙丙")
    qtbot.waitUntil(lambda: desk.nothing_found.isVisible(), timeout=3000)
    assert "没有找到" in desk.nothing_found.text() and desk.model.rowCount() == 0
    desk.state.save_place()
    again, reopened = desk_window(ws)  # the next start, on the place just saved
    qtbot.addWidget(again)
    assert reopened.filters.search.text() == "" and reopened.model.rowCount() > 0
    assert not reopened.nothing_found.isVisible()
    reopened.autosaver.discard()


def test_the_font_notice_is_given_once_per_run(qapp: object) -> None:
    gaps = [FontGap(OFFICIAL_FONTS[0], "")]
    message_boxes._fonts_told = False
    first = message_boxes.missing_fonts_text(gaps)
    assert "本机缺少" in first and message_boxes.missing_fonts_text(gaps) == ""
