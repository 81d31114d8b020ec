"""Several plans in one database: the chooser switches, and every view and file holds the chosen plan only."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.terms import Claim
from desktop.services import plans as plan_service
from desktop.services import worklist as wl
from desktop.ui import office_actions
from desktop.ui.board_window import BoardWindow
from desktop.ui.desk_view import DeskView
from tests.conftest import FIXTURES

PLANS = FIXTURES / "plans"
IMPORTED = ("eerduosi_2025_yingshang.txt", "guoban_2020_fengong.txt", "county_2026_category.txt")


def _import(qtbot: QtBot, desk: DeskView, path: Path) -> None:
    """Import one plan through the window: 核对方案 accepted; the category dialog is left to the caller."""
    flow = desk.commands.imports
    flow.import_files([path])
    qtbot.waitUntil(lambda: flow.task is not None and not flow.task.is_running(), timeout=30000)
    qtbot.waitUntil(lambda: flow.check_dialog is not None, timeout=5000)
    assert flow.check_dialog is not None
    flow.check_dialog.accept()
    qtbot.waitUntil(lambda: flow.apply_task is not None and not flow.apply_task.is_running(), timeout=30000)
    qtbot.wait(50)


@pytest.fixture
def four(qtbot: QtBot, desk: DeskView) -> dict[str, int]:
    """The sample plan and three more imported through the window; plan ids by file name."""
    sample = plan_service.list_plans(desk.ws)[0].id
    for name in IMPORTED:
        flow = desk.commands.imports
        _import(qtbot, desk, PLANS / name)
        if flow.claims_dialog is not None and name != IMPORTED[-1]:
            flow.claims_dialog.reject()
    ids = [p.id for p in plan_service.list_plans(desk.ws)]
    assert len(ids) == 4
    return {"sample": sample, **dict(zip(IMPORTED, ids[1:], strict=True))}


def _plans_shown(desk: DeskView) -> set[int]:
    return {desk.model.item(r).plan_id for r in range(desk.model.rowCount())}


def test_the_category_dialog_after_an_import_holds_that_plan_only(
    qtbot: QtBot, desk: DeskView, four: dict[str, int]
) -> None:
    dialog = desk.commands.imports.claims_dialog
    assert dialog is not None  # the sample's four category tasks still wait, but are not asked about here
    assert dialog.table.rowCount() == 2
    assert {dialog.table.item(r, 4).text() for r in range(2)} == {"某县政务服务提质增效实施方案"}
    dialog.reject()


def test_the_chooser_switches_and_the_desk_follows(
    qtbot: QtBot, desk: DeskView, four: dict[str, int]
) -> None:
    chooser = desk.plan
    assert chooser.count() == 5 and chooser.itemText(4) == "全部方案"
    assert chooser.chosen() == four["county_2026_category.txt"]  # the plan just imported is shown
    assert _plans_shown(desk) == {four["county_2026_category.txt"]}
    assert desk.table.isColumnHidden(desk.model.PLAN)
    chooser.setCurrentIndex(chooser.findData(four["sample"]))
    assert _plans_shown(desk) == {four["sample"]}
    chapters = [desk.filters.chapter.itemText(i) for i in range(1, desk.filters.chapter.count())]
    sample_items = [i for i in desk.state.items if i.plan_id == four["sample"]]
    assert chapters == list(dict.fromkeys(i.chapter for i in sample_items if i.chapter))
    assert "本单位" in chooser.currentText() and "内政发〔2026〕4号" in chooser.currentText()
    # every plan: a 方案 column, each plan keeping its own numbering
    chooser.setCurrentIndex(chooser.findData(plan_service.ALL_PLANS))
    assert not desk.table.isColumnHidden(desk.model.PLAN)
    assert _plans_shown(desk) >= {four["sample"], four["county_2026_category.txt"]}
    desk.filters.scope.setCurrentIndex(desk.filters.scope.findData("all"))  # 方案全部措施
    labels = [desk.model.item(r).label for r in range(desk.model.rowCount())]
    assert labels.count("1") >= 2  # two plans' 1, told apart by the 方案 column
    assert (
        desk.model.data(desk.model.index(0, desk.model.PLAN)) == "内政发〔2026〕4号"
    )  # the 文号: short, distinct
    # remembered: the desk reopens on the plan chosen
    chooser.setCurrentIndex(chooser.findData(four["eerduosi_2025_yingshang.txt"]))
    desk.state.save_place()
    from desktop.services.place import load_place

    assert load_place(desk.ws).plan == four["eerduosi_2025_yingshang.txt"]


def test_report_ledger_tasklist_and_board_hold_the_chosen_plan(
    qtbot: QtBot, desk: DeskView, four: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = four["sample"]
    claims = desk.commands.imports.claims_dialog
    assert claims is not None
    claims.set_all(Claim.MINE)  # the new plan's category tasks are the unit's: they go in its reports
    claims.accept()
    desk.plan.setCurrentIndex(desk.plan.findData(sample))
    title = plan_service.list_plans(desk.ws)[0].title
    exports = desk.commands.exports
    dialog = exports.export_dialog(report=True)
    assert dialog is not None and dialog.plans.chosen() == [sample]
    assert dialog.plans.count() == 4
    report = dialog._preview(dialog.choice())  # type: ignore[misc]
    assert report.title == f"关于《{title}》落实情况的报告"
    # a combined report of two plans: a section each, a title that names one of them
    second = four["county_2026_category.txt"]
    for row in range(dialog.plans.count()):
        item = dialog.plans.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == second:
            item.setCheckState(Qt.CheckState.Checked)
    combined = dialog._preview(dialog.choice())  # type: ignore[misc]
    assert [s.heading for s in combined.sections] == [
        f"一、《{title}》落实情况",
        "二、《某县政务服务提质增效实施方案》落实情况",
    ]
    assert combined.title == f"关于《{title}》等2个方案落实情况的报告"
    dialog.reject()
    exports.dialogs.clear()
    # the ledger of the chosen plan only
    ledger_dialog = exports.export_dialog(report=False)
    assert ledger_dialog is not None
    target = tmp_path / "台账.xlsx"
    exports.export(ledger_dialog.choice(), target, report=False)
    qtbot.waitUntil(lambda: exports.task is not None and not exports.task.is_running(), timeout=30000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert title in cells and "某县政务服务" not in cells and "鄂尔多斯" not in cells
    # the task list of the chosen plan
    monkeypatch.setattr(office_actions.QInputDialog, "getItem", lambda *a, **k: ("（全部任务）", True))
    tasklist = tmp_path / "清单.xlsx"
    monkeypatch.setattr(office_actions, "save_file", lambda *a, **k: tasklist)
    desk.commands.office.export_tasklist()
    listed = openpyxl.load_workbook(tasklist).active
    assert listed is not None and title in str(listed["A1"].value)
    # the board and its 催报名单: the units the chosen plan names, the notice citing it alone
    board = BoardWindow(desk.ws, desk.main_window, today=desk.today, plan=sample)
    qtbot.addWidget(board)
    sample_units = {
        u for i in wl.load_worklist(desk.ws, desk.current_period(), today=desk.today) if i.plan_id == sample
        for u in i.leads + i.supports
    }  # fmt: skip
    assert board.board is not None and set(board.board.units) <= sample_units
    notice = board.notice()
    assert f"《{title}》" in notice and "某县" not in notice and "鄂尔多斯" not in notice
