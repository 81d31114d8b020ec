"""What a clerk trying the desk ran into: category tasks, kept input, closable boxes, confirmations."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.terms import Claim
from desktop.services import claims as claim_service
from desktop.services.format_check import CheckResult
from desktop.services.workspace import Workspace
from desktop.ui import export_actions
from desktop.ui.board_window import BoardWindow
from desktop.ui.claims_dialog import ClaimsDialog, confirm_category_tasks
from desktop.ui.desk_view import DeskView
from desktop.ui.export_actions import Exported
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.file_dialogs import remember, start_folder
from desktop.ui.main_window import MainWindow
from tests.conftest import FIXTURES
from tests.ui.conftest import TODAY, type_text


def _first_category_row(desk: DeskView) -> int:
    return next(r for r in range(desk.model.rowCount()) if desk.model.item(r).via_wildcard)


def test_a_category_task_is_confirmed_from_the_detail_pane(qtbot: QtBot, desk: DeskView) -> None:
    assert "按类别分配待确认 4 项" in desk.counts.text()
    row = _first_category_row(desk)
    desk.table.selectRow(row)
    assert desk.detail.claim_box.isVisible() and "请确认" in desk.detail.claim_text.text()
    uid = desk.model.item(row).uid
    desk.detail.claim_mine.click()
    assert "属于本单位" in desk.statusBar().currentMessage()
    assert "按类别分配待确认 3 项" in desk.counts.text()
    current = desk.model.item(desk.table.currentIndex().row())
    assert current.uid == uid and current.claim is Claim.MINE and not desk.detail.claim_mine.isVisible()
    desk.answer_claim(current, Claim.NOT_MINE)  # as the table's context menu does
    assert all(desk.model.item(r).uid != uid for r in range(desk.model.rowCount()))  # no longer the unit's


def test_the_dialog_lists_every_unanswered_task_and_saves_them(qtbot: QtBot, desk: DeskView) -> None:
    dialog = confirm_category_tasks(desk)
    assert isinstance(dialog, ClaimsDialog) and dialog.table.rowCount() == 4
    dialog.set_all(Claim.MINE)
    dialog.choices[3].setCurrentIndex(dialog.choices[3].findData(Claim.NOT_MINE.value))
    dialog.accept()
    assert "已保存 4 项" in desk.statusBar().currentMessage()
    assert "待确认" not in desk.counts.text()
    assert (
        claim_service.category_tasks(desk.ws, desk.current_period(), today=TODAY, unconfirmed_only=True) == []
    )
    assert confirm_category_tasks(desk) is None  # nothing left to ask


def test_an_import_asks_about_the_new_category_tasks(qtbot: QtBot, desk: DeskView) -> None:
    flow = desk.commands.imports
    flow.import_files([FIXTURES / "plans" / "county_2026_category.txt"])
    qtbot.waitUntil(lambda: flow.task is not None and not flow.task.is_running(), timeout=20000)
    qtbot.waitUntil(lambda: flow.check_dialog is not None or flow.claims_dialog is not None, timeout=5000)
    if flow.check_dialog is not None:  # 核对方案 first, then the category tasks
        flow.check_dialog.accept()
        qtbot.waitUntil(lambda: flow.claims_dialog is not None, timeout=20000)
    dialog = flow.claims_dialog
    assert dialog is not None
    # only the new plan's two category tasks, not the sample's four still waiting
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["1", "2"]
    assert {dialog.table.item(r, 2).text() for r in range(2)} == {"各行业主管部门"}  # the category matched
    dialog.reject()


def test_the_report_dialog_keeps_what_was_typed_when_saving_is_cancelled(
    qtbot: QtBot, desk: DeskView, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def answer(dialog: ExportDialog) -> int:
        seen.append(dialog.fields["addressee"].text())
        if len(seen) == 1:
            dialog.fields["addressee"].setText("自治区人民政府办公厅")
            return 1  # 生成… then 取消 in 保存到
        return 0  # the clerk closes the dialog

    monkeypatch.setattr(ExportDialog, "exec", answer)
    monkeypatch.setattr(export_actions, "save_file", lambda *a, **k: None)
    desk.commands.exports.make_report()
    assert seen[1] == "自治区人民政府办公厅"  # shown again with what was typed
    desk.commands.exports.make_report()
    assert seen[2] != "自治区人民政府办公厅"  # closed by the clerk: a fresh dialog


def test_result_boxes_close_with_escape(qtbot: QtBot, desk: DeskView, tmp_path: Path) -> None:
    exports = desk.commands.exports
    exports.show_findings(CheckResult(tmp_path / "报告.docx", [], rendered=True), "格式检查")
    box = exports.result_box
    assert box is not None and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible()
    exports.exported(Exported(tmp_path / "报告.docx", []), title="生成报告")
    box = exports.result_box
    assert box is not None and box.escapeButton() is not None and box.defaultButton() is not None
    box.close()


def test_attachment_buttons_follow_the_list(qtbot: QtBot, desk: DeskView, tmp_path: Path) -> None:
    desk.table.selectRow(0)
    assert not desk.detail.open_button.isEnabled() and not desk.detail.remove_button.isEnabled()
    desk.detail.show_attachments([(1, "纪要.pdf")])
    assert desk.detail.open_button.isEnabled() and desk.detail.remove_button.isEnabled()


def test_search_words_are_marked_and_the_title_names_the_program_once(
    qtbot: QtBot, window: MainWindow, desk: DeskView
) -> None:
    desk.filters.search.setText("营商环境")
    qtbot.waitUntil(
        lambda: desk.model.rowCount() > 0 and bool(desk.detail.text.extraSelections()), timeout=3000
    )
    selections = desk.detail.text.extraSelections()
    cursor = selections[0].cursor
    assert cursor.selectedText() == "营商环境"
    assert window.windowTitle() == "实施方案任务落实台账"  # Qt adds " — 落实" once


def test_board_fits_confirms_copies_and_offers_to_open_the_summary(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    board = BoardWindow(ws, today=TODAY)
    qtbot.addWidget(board)
    board.show()
    assert board.frameGeometry().height() <= 768 - 40
    board.copy_notice()
    assert "已复制" in board.feedback.text() and QApplication.clipboard().text()
    board._summary_done(tmp_path / "汇总报告.docx", tmp_path / "汇总台账.xlsx", gaps=[])
    texts = [b.text() for b in board.summary_box.buttons()]
    assert "打开报告" in texts and "打开台账" in texts and "汇总台账.xlsx" in board.summary_box.text()
    board.summary_box.close()


def test_file_dialogs_start_in_the_folder_of_their_kind(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = start_folder(settings, "report")
    assert first.is_dir()  # Documents, or home where there is none
    remember(settings, "report", tmp_path / "报告.docx")
    assert start_folder(settings, "report") == tmp_path
    assert start_folder(settings, "plan") == first  # another kind keeps its own


def test_coordination_menu_says_what_it_is_for(qtbot: QtBot, desk: DeskView) -> None:
    office = desk.commands.office
    assert "汇总各责任单位" in office.menu.actions()[0].text()
    office.mode.setChecked(True)
    assert "协调单位模式" in desk.statusBar().currentMessage()
    office.mode.setChecked(False)


def test_the_short_title_is_edited_in_the_detail_pane_and_kept(qtbot: QtBot, desk: DeskView) -> None:
    desk.table.selectRow(0)
    item = desk.model.item(0)
    edit = desk.detail.short_title
    assert edit.isEnabled() and edit.text() == "" and item.text[:4] in edit.placeholderText()
    type_text(edit, "招商引资政策清理")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "任务简称已保存" in desk.statusBar().currentMessage()
    current = desk.model.item(desk.table.currentIndex().row())
    assert current.uid == item.uid and current.short_title == "招商引资政策清理"
    assert desk.detail.short_title.text() == "招商引资政策清理"
    edit.clear()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "恢复默认" in desk.statusBar().currentMessage()
    assert desk.model.item(desk.table.currentIndex().row()).short_title == ""
