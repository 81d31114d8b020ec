"""核对方案 and 编辑措施 in the real window: the clerk corrects a parsed plan before it is stored, and the
corrections survive re-importing the file and a revision of the plan, with notes where they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import Role
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace
from desktop.storage import measure_edits
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.measure_editor import MeasureEditor
from desktop.ui.plan_check_dialog import PlanCheckDialog
from desktop.ui.review_dialog import ReviewDialog

PLAN = """某县2026年重点工作方案
一、重点任务
1.推进甲项工作，完成甲目标。（县发改局负责）
2.推进乙项工作。（张三负责）
3.推进丙项工作。（县财政局、县商务局负责）
4.推进丁项工作。（县商务局负责）
5.推进戊项工作。并开展己项工作。（县住建局负责）
6.本方案自印发之日起施行。（县政府办负责）
"""
Q1 = parse_period("2026Q1")


def _button(dialog: MeasureEditor, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def _plan_measures(ws: Workspace, title: str) -> list[measure_service.MeasureView]:
    plan_id = next(p.id for p in plan_service.list_plans(ws) if p.title == title)
    return [v for v in measure_service.list_measures(ws) if v.stored.plan_id == plan_id]


def _check_dialog(qtbot: QtBot, desk: DeskView, path: Path) -> PlanCheckDialog:
    desk.commands.import_files([path])
    flow = desk.commands.imports
    qtbot.waitUntil(lambda: flow.check_dialog is not None and flow.check_dialog.isVisible(), timeout=10000)
    assert flow.check_dialog is not None
    return flow.check_dialog


def _open_editor(dialog: PlanCheckDialog, index: int) -> MeasureEditor:
    dialog.select_index(index)
    dialog.edit_selected()
    assert dialog.editor is not None and dialog.editor.isVisible()
    return dialog.editor


def test_check_correct_apply_reimport_and_revise(
    qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace, tmp_path: Path
) -> None:
    v1 = tmp_path / "方案.txt"
    v1.write_text(PLAN, encoding="utf-8")
    dialog = _check_dialog(qtbot, desk, v1)
    assert dialog.table.rowCount() == 6
    assert dialog.table.item(0, 0).text().startswith("⚠ 2")  # the doubtful measure comes first
    assert "张三" in dialog.table.item(0, 5).text()

    # fix a wrong unit: 张三 is a person; the unit is 县教体局
    editor = _open_editor(dialog, 1)
    editor.units.selectRow(0)
    _button(editor, "移除").click()
    editor.picker.setCurrentText("县教体局")
    _button(editor, "添加单位").click()
    _button(editor, "保存").click()
    assert not dialog.measures[1].doubts
    assert [u.name for u in dialog.measures[1].units] == ["县教体局"]

    # mark a lead: 县商务局 leads measure 3, not 县财政局
    editor = _open_editor(dialog, 2)
    editor.set_role(0, Role.SUPPORT)
    editor.set_role(1, Role.LEAD)
    _button(editor, "保存").click()
    assert [(u.name, u.role) for u in dialog.measures[2].units] == [
        ("县财政局", Role.SUPPORT),
        ("县商务局", Role.LEAD),
    ]

    # merge 3 and 4 (one task split in two by the parser)
    dialog.select_index(2)
    dialog.merge_selected()
    assert dialog.measures[2].text == "推进丙项工作。推进丁项工作。"

    # split 5 at 并 (two tasks run together)
    editor = _open_editor(dialog, 3)
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(editor.text_edit.toPlainText().index("并开展"))
    editor.text_edit.setTextCursor(cursor)
    _button(editor, "在光标处拆分").click()
    assert [m.text for m in dialog.measures[3:5]] == ["推进戊项工作。", "并开展己项工作。"]

    # remove 6: it is not a measure
    dialog.select_index(5)
    dialog.remove_selected()
    assert len(dialog.measures) == 5

    expected = [(m.text, tuple((u.name, u.role) for u in m.units)) for m in dialog.measures]
    dialog.accept()
    title = "某县2026年重点工作方案"
    qtbot.waitUntil(lambda: any(p.title == title for p in plan_service.list_plans(ws)), timeout=10000)
    stored = _plan_measures(ws, title)
    assert [
        (v.stored.measure.text, tuple((u.name, u.role) for u in v.stored.measure.units)) for v in stored
    ] == (expected)

    # a note on the corrected measure
    corrected = stored[1].stored
    key = note_service.NoteKey(corrected.measure_id, Q1, "县教体局")
    note_service.save_note(ws, key, NoteFields(progress="乙已推进"))

    # the same file again: nothing changes, no dialog
    desk.commands.import_files([v1])
    flow = desk.commands.imports
    qtbot.waitUntil(
        lambda: flow.result_box is not None and "此前已导入" in flow.result_box.text(), timeout=10000
    )
    assert [v.stored.measure.text for v in _plan_measures(ws, title)] == [e[0] for e in expected]

    # a revision that rewrites measure 1 only: the corrections elsewhere stay, the note too
    v2 = tmp_path / "方案（修订）.txt"
    v2.write_text(PLAN.replace("完成甲目标", "全面完成甲目标"), encoding="utf-8")
    desk.commands.import_files([v2])
    qtbot.waitUntil(lambda: flow.review_dialog is not None and flow.review_dialog.isVisible(), timeout=10000)
    review = flow.review_dialog
    assert isinstance(review, ReviewDialog)
    review.accept()
    qtbot.waitUntil(
        lambda: _plan_measures(ws, title)[0].stored.measure.text == "推进甲项工作，全面完成甲目标。",
        timeout=10000,
    )
    after = _plan_measures(ws, title)
    assert [
        (v.stored.measure.text, tuple((u.name, u.role) for u in v.stored.measure.units)) for v in after[1:]
    ] == (expected[1:])
    assert after[1].stored.measure_id == corrected.measure_id
    note = note_service.get_note(ws, key)
    assert note is not None and note.fields.progress == "乙已推进"


def test_edit_measure_from_the_desk(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    desk.table.selectRow(0)
    key = desk.current_key()
    assert key is not None
    desk.detail.edit_measure_button.click()
    editor = desk.commands.measures.editor
    assert editor is not None and editor.isVisible()
    editor.deadline_edit.setText("2026年9月底前")
    _button(editor, "保存").click()
    measure = next(
        v.stored.measure for v in measure_service.list_measures(ws) if v.stored.measure_id == key.measure_id
    )
    assert measure.deadline == "2026年9月底前" and measure.deadlines[0].due == "2026-09-30"
    assert "2026年9月底前" in desk.detail.units.text()


def test_edit_and_split_on_the_desk_land_together_or_not_at_all(
    qtbot: QtBot, desk: DeskView, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """编辑措施: new text, then 在光标处拆分; when the cut cannot be written (a full disk), the edit goes too."""
    desk.table.selectRow(0)
    key = desk.current_key()
    assert key is not None
    before = [(v.stored.measure_id, v.stored.measure.text) for v in measure_service.list_measures(ws)]

    def full_disk(*_args: object) -> int:
        raise LuoshiError(ErrorCode.DB_ERROR, kind="full")

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(measure_edits, "split", full_disk)
    for attempt in ("fails", "lands"):
        desk.detail.edit_measure_button.click()
        editor = desk.commands.measures.editor
        assert editor is not None
        editor.text_edit.setPlainText("推进第一项工作。推进第二项工作。")
        cursor = editor.text_edit.textCursor()
        cursor.setPosition(len("推进第一项工作。"))
        editor.text_edit.setTextCursor(cursor)
        editor.split_button.click()
        after = [(v.stored.measure_id, v.stored.measure.text) for v in measure_service.list_measures(ws)]
        if attempt == "fails":
            assert len(warnings) == 1 and "空间" in warnings[0]
            assert after == before  # neither the new text nor the cut
            monkeypatch.undo()
        else:
            at = [measure_id for measure_id, _text in after].index(key.measure_id)
            assert after[at][1] == "推进第一项工作。" and after[at + 1][1] == "推进第二项工作。"
            assert len(after) == len(before) + 1
            assert desk.model.rowCount() >= 2 and desk.detail.text.toPlainText().startswith(
                "推进第一项工作。"
            )
