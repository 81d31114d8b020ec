"""Drive the real window: choose a unit, filter, type, switch periods, copy, restore, search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.desk.worklist import Filter
from desktop.domain.terms import Status
from desktop.services import notes as note_service
from desktop.services import search as search_service
from desktop.services import worklist as wl
from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_dialog import SetupDialog
from desktop.ui.setup_flow import save_setup, setup_dialog_for
from tests.ui.conftest import TODAY, type_text
from tests.ui.windows import desk_window


def _stored(ws: Workspace, desk: DeskView) -> NoteFields | None:
    key = desk.current_key()
    assert key is not None
    note = note_service.get_note(ws, key)
    return note.fields if note else None


def _seqs(desk: DeskView) -> list[str]:
    return [desk.model.item(r).label for r in range(desk.model.rowCount())]


def test_setup_dialog_chooses_a_unit_by_searching(qtbot: QtBot, ws: Workspace) -> None:
    dialog = setup_dialog_for(ws, None)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SetupDialog)
    completer = dialog.unit.completer()
    completer.setCompletionPrefix("商务")  # a part of the name finds it (MatchContains)
    assert completer.currentCompletion() == "自治区商务厅"
    dialog.unit.setEditText("自治区商务厅")
    for row in range(dialog.categories.count()):
        if dialog.categories.item(row).text() == "行业主管部门":
            dialog.categories.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.rhythm.setCurrentIndex(dialog.rhythm.findData("month"))
    choice = dialog.choice()
    assert (
        choice.unit == "自治区商务厅"
        and choice.categories == ["行业主管部门"]
        and choice.rhythm.value == "month"
    )
    save_setup(ws, choice)
    again = setup_dialog_for(ws, None)
    qtbot.addWidget(again)
    assert again.choice() == choice  # 设置 shows what was saved
    dialog.unit.setEditText("  ")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()  # an empty unit is refused


def test_type_switch_period_copy_and_restore(
    qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace
) -> None:
    assert desk.period.currentData() == "2026Q1"
    assert "2026年4月5日" in desk.due_label.text()
    # filter: the measures 自治区发展改革委 leads
    desk.filters.scope.setCurrentIndex(desk.filters.scope.findData("lead"))
    lead_rows = desk.model.rowCount()
    assert lead_rows > 0 and all(desk.model.item(r).role.value == "lead" for r in range(lead_rows))  # type: ignore[union-attr]
    editor = desk.detail.editor
    type_text(editor.texts["progress"], "召开专题会议2次，出台实施细则。")
    type_text(editor.texts["next_steps"], "开展督导检查")
    editor.status.setCurrentIndex(editor.status.findData(Status.IN_PROGRESS.value))
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)  # autosave, no button
    stored = _stored(ws, desk)
    assert stored is not None and stored.progress == "召开专题会议2次，出台实施细则。"
    assert stored.status is Status.IN_PROGRESS
    assert desk.save_hint.text().startswith("已保存")
    assert desk.model.data(desk.model.index(0, 6)) == "已填"
    assert "未填 " in desk.counts.text()
    first_uid = desk.model.item(0).uid
    # next period: empty note, last period beside it, one click copies 下步计划
    desk.period.setCurrentIndex(desk.period.findData("2026Q2"))
    assert desk.model.item(desk.table.currentIndex().row()).uid == first_uid
    assert editor.texts["progress"].toPlainText() == ""
    assert "2026年第一季度" in desk.detail.previous_box.title()
    assert "召开专题会议" in desk.detail.previous.toPlainText()
    desk.detail.copy_button.click()
    assert editor.texts["progress"].toPlainText() == "开展督导检查"
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)
    assert editor.warnings["progress"].isVisibleTo(window)  # 照抄上期
    type_text(editor.texts["progress"], "，检查企业12家")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)
    assert not editor.warnings["progress"].isVisibleTo(window)
    # restore the first revision through the history dialog
    desk.move_by(1)
    desk.move_by(-1)  # leaving and coming back starts a new revision
    type_text(editor.texts["progress"], "（修改）")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)
    key = desk.current_key()
    assert key is not None
    history = note_service.history(ws, key)
    assert len(history) == 2 and "（修改）" in history[0].fields.progress

    def pick_oldest() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, HistoryDialog) and w.isVisible()
        )
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        assert "检查企业12家" in dialog.preview.toPlainText()
        dialog.restore_button.click()

    QTimer.singleShot(100, pick_oldest)
    desk.commands.notes.show_history()
    assert editor.texts["progress"].toPlainText() == "开展督导检查，检查企业12家"
    assert len(note_service.history(ws, key)) == 3  # the restore is itself a revision


def test_search_in_chinese_one_two_and_four_characters(
    qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace
) -> None:
    desk.filters.scope.setCurrentIndex(desk.filters.scope.findData("all"))
    for query in ("招", "拖欠", "招商引资", "信用"):
        truth = [
            i.label for i in wl.load_worklist(ws, parse_period("2026Q1"), today=TODAY) if query in i.text
        ]  # type: ignore[arg-type]
        assert truth, query
        desk.filters.search.setText(query)
        qtbot.waitUntil(lambda t=truth: _seqs(desk) == t, timeout=2000)
    # a word only in a note is found too
    desk.filters.search.clear()
    qtbot.waitUntil(lambda: desk.model.rowCount() == 34, timeout=2000)
    type_text(desk.detail.editor.texts["problems"], "缺少鄂尔多斯的数据")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)
    label = desk.model.item(desk.table.currentIndex().row()).label
    desk.filters.search.setText("鄂尔多斯")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1, timeout=2000)
    assert _seqs(desk) == [label]
    assert search_service.search(ws, "鄂尔") == {desk.model.item(0).measure_id}


def test_keyboard_navigation_and_status_filter(qtbot: QtBot, window: MainWindow, desk: DeskView) -> None:
    desk.table.setFocus()
    start = desk.table.currentIndex().row()
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert desk.table.currentIndex().row() == start + 1
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert desk.table.currentIndex().row() == start
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.filters.search.hasFocus()
    type_text(desk.detail.editor.texts["progress"], "已完成")
    desk.detail.editor.status.setCurrentIndex(desk.detail.editor.status.findData("done"))
    desk.filters.status.setCurrentIndex(desk.filters.status.findData("done"))  # flushes first
    assert desk.model.rowCount() == 1
    desk.filters.status.setCurrentIndex(desk.filters.status.findData("unfilled"))
    owed = [i for i in wl.apply_filter(desk.ws, desk.state.items, Filter()) if i.unfilled]
    assert desk.model.rowCount() == len(owed)  # the note just typed is filled; tasks to confirm are not 未填


def test_reopens_where_the_clerk_was(qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace) -> None:
    desk.period.setCurrentIndex(desk.period.findData("2026Q3"))
    desk.filters.scope.setCurrentIndex(desk.filters.scope.findData("support"))
    desk.move_by(2)
    uid = desk.model.item(desk.table.currentIndex().row()).uid
    desk.detail.split.setSizes([300, 500])
    sizes = desk.detail.split.sizes()
    window.close()
    again_window, again = desk_window(ws, settings=window.settings)
    qtbot.addWidget(again_window)
    again_window.show()
    # the note side scrolls only while the new window is still shorter than the note's minimum
    qtbot.waitUntil(lambda: not again.detail_scroll.verticalScrollBar().isVisible(), timeout=2000)
    assert again.period.currentData() == "2026Q3"
    assert again.filters.value().scope.value == "support"
    assert again.model.item(again.table.currentIndex().row()).uid == uid
    restored = again.detail.split.sizes()
    assert all(abs(a - b) <= 1 for a, b in zip(restored, sizes, strict=True)), (
        restored,
        sizes,
    )  # layout rounding


def test_fits_1366_by_768_without_clipped_labels(qtbot: QtBot, window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740
    window.resize(1366, 740)  # 768 less a taskbar
    qtbot.wait(50)
    clipped = [
        w.text()
        for w in window.findChildren(QLabel) + window.findChildren(QPushButton)  # type: ignore[operator]
        if w.isVisible()
        and w.text()
        and not (isinstance(w, QLabel) and w.wordWrap())
        and w.width() < w.minimumSizeHint().width()
    ]
    assert clipped == []


def test_larger_text(qtbot: QtBot, window: MainWindow, desk: DeskView) -> None:
    base = QApplication.font().pointSizeF()
    desk.commands.size_actions[150].trigger()
    try:
        assert QApplication.font().pointSizeF() == base * 1.5
        assert window.settings.value("ui/font_scale") in (150, "150")
    finally:
        desk.commands.size_actions[100].trigger()
