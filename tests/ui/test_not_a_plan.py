"""A file whose numbered items name no unit: the window asks before 核对方案, and stopping writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace
from desktop.ui.desk_view import DeskView

POEMS = Path(__file__).parents[1] / "fixtures" / "nonplans" / "poems.txt"


def _question(qtbot: QtBot, desk: DeskView) -> QMessageBox:
    flow = desk.commands.imports
    desk.commands.import_files([POEMS])
    qtbot.waitUntil(
        lambda: flow.not_a_plan_box is not None and flow.not_a_plan_box.isVisible(), timeout=10000
    )
    box = flow.not_a_plan_box
    assert box is not None
    assert "不像实施方案" in box.text() and "没有一项写明责任单位" in box.text()
    return box


@pytest.mark.parametrize("answer", ["停止导入", "继续核对"])
def test_the_clerk_is_asked_and_decides(qtbot: QtBot, desk: DeskView, ws: Workspace, answer: str) -> None:
    before = [p.title for p in plan_service.list_plans(ws)]
    box = _question(qtbot, desk)
    button = next(b for b in box.buttons() if b.text() == answer)
    button.click()
    flow = desk.commands.imports
    if answer == "停止导入":
        qtbot.waitUntil(lambda: not box.isVisible())
        assert flow.check_dialog is None or not flow.check_dialog.isVisible()
        assert [p.title for p in plan_service.list_plans(ws)] == before
    else:
        qtbot.waitUntil(
            lambda: flow.check_dialog is not None and flow.check_dialog.isVisible(), timeout=10000
        )
        assert flow.check_dialog is not None
        flow.check_dialog.reject()
        assert [p.title for p in plan_service.list_plans(ws)] == before
