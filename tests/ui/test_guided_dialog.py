"""指定读法 in the window: a table flattened a row a line whose header words are unknown. The clerk sets the
column roles, sees the preview change, imports, checks it in 核对方案 and finds the measures on the desk."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services import measures as measure_service
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView
from desktop.ui.guided_dialog import GuidedDialog

TABLE = Path(__file__).parents[1] / "fixtures" / "plans" / "unknown_headers.txt"
TEXT = Path(__file__).parents[1] / "fixtures" / "plans" / "yishi_style.txt"


def _dialog(qtbot: QtBot, desk: DeskView, path: Path) -> GuidedDialog:
    flow = desk.commands.imports
    desk.commands.import_files([path])
    qtbot.waitUntil(lambda: flow.guided_dialog is not None and flow.guided_dialog.isVisible(), timeout=10000)
    assert flow.guided_dialog is not None
    return flow.guided_dialog


def _preview(dialog: GuidedDialog) -> list[list[str]]:
    table = dialog.preview
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_roles_preview_and_import(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    dialog = _dialog(qtbot, desk, TABLE)
    assert dialog.by_columns.isChecked() and len(dialog.roles) == 5
    for column in range(5):  # the clerk starts over: nothing named
        dialog.set_role(column, "忽略")
    assert _preview(dialog) == [] and not dialog.import_button.isEnabled()
    assert "任务" in dialog.status.text()
    dialog.set_role(1, "任务")
    dialog.set_role(2, "责任单位")
    rows = _preview(dialog)
    assert len(rows) == 5 and rows[0][1] == "事项"  # the file's header read as a task: no 序号 column yet
    dialog.set_role(0, "序号")
    dialog.set_role(2, "牵头单位")
    dialog.set_role(3, "配合单位")
    dialog.set_role(4, "完成时限")
    rows = _preview(dialog)
    assert [r[0] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0][2:] == ["县水务局", "县住建局、县财政局", "2026年12月底前"]
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    flow = desk.commands.imports
    qtbot.waitUntil(lambda: flow.check_dialog is not None and flow.check_dialog.isVisible(), timeout=10000)
    assert flow.check_dialog is not None
    flow.check_dialog.accept()
    title = "关于城区建设重点工作的安排"
    qtbot.waitUntil(lambda: any(p.title == title for p in plan_service.list_plans(ws)), timeout=10000)
    plan_id = next(p.id for p in plan_service.list_plans(ws) if p.title == title)
    stored = [v for v in measure_service.list_measures(ws) if v.stored.plan_id == plan_id]
    assert len(stored) == 4


def test_a_numbering_is_chosen_for_a_text(qtbot: QtBot, desk: DeskView) -> None:
    dialog = _dialog(qtbot, desk, TEXT)
    assert dialog.by_numbering.isChecked() and not dialog.by_columns.isEnabled()
    dialog.numbering.setCurrentText("一是")
    rows = _preview(dialog)
    assert [r[2] for r in rows] == ["县应急局", "县水务局", "县应急局"]
    dialog.reject()
