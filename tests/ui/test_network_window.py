"""联网报送 in the window: the 接入文件 set-up, 报送 with its receipt, and the office's board with server returns
beside a file return. A real PostgreSQL server; the window's file and message boxes are the only stand-ins.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.terms import Scope
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import reports as report_service
from desktop.services import sending, units
from desktop.services.workspace import Workspace
from desktop.ui.board_window import BoardWindow
from desktop.ui.desk_view import DeskView
from desktop.ui.network_actions import NetworkActions
from tests.network.rounds import luoshi, make_round
from tests.ui.windows import desk_window

Q2 = parse_period("2026Q2")


def _said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, _title, text, *_: said.append(text))
    return said


def _network(desk: DeskView) -> NetworkActions:
    return desk.commands.network  # type: ignore[attr-defined,no-any-return]


def test_a_clerk_connects_with_the_access_file_and_sends_with_a_receipt(
    qtbot: QtBot,
    tmp_path: Path,
    office_dsn: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Q2 is not None
    r = make_round(tmp_path, office_dsn)[0]
    fresh = tmp_path / "fresh" / "luoshi.db"  # a unit PC that has not connected yet: the set-up in the window
    assert luoshi(fresh, "profile", "set", "--unit", r.unit_name) == 0
    assert luoshi(fresh, "pull") != 0  # not connected: refused with the message
    with Workspace(r.unit) as ws:
        measure = measure_service.find_measure(ws, "1").measure_id
        note_service.save_note(ws, note_service.key_for(ws, measure, Q2), NoteFields(progress="已召开推进会"))
    said = _said(monkeypatch)

    ws = Workspace(fresh)
    window, desk = desk_window(ws)
    qtbot.addWidget(window)
    network = _network(desk)
    assert network.status.text() == ""  # not connected: the status bar says nothing of a network
    dialog = network.show_dialog()
    assert dialog.server.text() == "尚未接入" and not dialog.pull_button.isEnabled()
    network.connect_file(r.access, on_done=dialog.show_connection)
    assert network.task is not None
    with qtbot.waitSignal(network.task.ended, timeout=15000):
        pass
    assert dialog.unit.text() == r.unit_name and "仅本人可读" in dialog.store.text()
    assert network.status.text() == "已联网" and "已接入" in said[-1]
    dialog.close()
    desk.autosaver.discard()
    window.close()
    ws.close()

    ws = Workspace(r.unit)  # the connected unit's PC (plan pulled, a note written) sends from its window
    window, desk = desk_window(ws)
    qtbot.addWidget(window)
    network = _network(desk)
    qtbot.waitUntil(lambda: network.status.text() == "已联网", timeout=15000)  # the first check
    desk.period.setCurrentIndex(desk.period.findData(Q2.code))
    network.send()
    assert network.task is not None
    with qtbot.waitSignal(network.task.ended, timeout=15000):
        pass
    assert "服务器回执" in said[-1] and "服务器时间" in said[-1]
    [record] = [w for w in sending.waiting(ws)] or [None]
    assert record is None  # nothing waits: the receipt came
    desk.autosaver.discard()
    window.close()
    ws.close()


def test_the_office_board_shows_server_returns_beside_a_file_return(
    qtbot: QtBot,
    tmp_path: Path,
    office_dsn: str,
) -> None:
    assert Q2 is not None
    by_server, by_file = make_round(tmp_path, office_dsn, units=("自治区商务厅", "自治区发展改革委"))
    with Workspace(by_server.unit) as ws:
        measure = measure_service.find_measure(ws, "1").measure_id
        note_service.save_note(
            ws, note_service.key_for(ws, measure, Q2), NoteFields(progress="网上报送的进展")
        )
        assert sending.send(ws, plan=1, period=Q2, today=date(2026, 6, 20)).delivered
    ledger = tmp_path / "发改委台账.xlsx"
    with Workspace(by_file.unit) as ws:
        units.set_profile(ws, unit="自治区发展改革委")
        measure = measure_service.find_measure(ws, "2").measure_id
        note_service.save_note(
            ws, note_service.key_for(ws, measure, Q2), NoteFields(progress="文件报送的进展")
        )
        report_service.export_ledger(ws, period=Q2, scope=Scope.MINE, out=ledger, today=date(2026, 6, 20))
    assert luoshi(by_server.office, "import-returns", str(ledger), "--period", "2026Q2") == 0

    ws = Workspace(by_server.office)
    board = BoardWindow(ws, None, plan=None)
    qtbot.addWidget(board)
    assert board.server_task is None  # until the opener calls reload(), or the period changes
    board.period.setCurrentIndex(board.period.findData(Q2.code))
    if board.server_task is None:  # Q2 was already shown
        board.reload()
    assert board.server_task is not None
    with qtbot.waitSignal(board.server_task.ended, timeout=15000):
        pass
    assert board.board is not None
    assert {"自治区商务厅", "自治区发展改革委"} <= set(board.board.reported)
    assert "已从服务器收到 1 份报送" in board.feedback.text()
    board.close()
    ws.close()
