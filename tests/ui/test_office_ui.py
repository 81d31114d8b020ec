"""The coordinating office in the real window: review a revision, the 报送情况 board, import returns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.desk.periods import parse_period
from desktop.services import imports
from desktop.services import returns as return_service
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from desktop.ui.board_window import FIXED, BoardWindow
from desktop.ui.review_dialog import ReviewDialog
from tests.province import UNITS, plan_text, province, write_return
from tests.ui.windows import desk_window

TODAY = date(2026, 4, 3)


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    generated = province()
    (tmp_path / "v1.txt").write_text(plan_text(generated.old), encoding="utf-8")
    (tmp_path / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
    ws = Workspace(tmp_path / "office.db")
    imports.import_file(ws, path=tmp_path / "v1.txt")
    unit_service.set_profile(ws, unit="自治区发展改革委")
    yield ws
    ws.close()


def test_review_dialog_lists_changes_and_takes_a_correction(
    qtbot: QtBot, office: Workspace, tmp_path: Path
) -> None:
    prepared = imports.prepare(office, path=tmp_path / "v2.txt")
    dialog = ReviewDialog(prepared)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "新增 5 项，修改 16 项，删除（归档）3 项" in dialog.summary.text()
    assert dialog.table.rowCount() == 21 and dialog.removed.count() == 3
    verdicts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert verdicts.count("新增") == 5 and verdicts.count("修改") == 16
    texts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    changed = next(r for r in range(len(verdicts)) if verdicts[r] == "修改" and "措施内容" in texts[r])
    dialog.table.setCurrentCell(changed, 0)
    assert "line-through" in dialog.diff.toHtml()  # the deleted words are struck through
    added = verdicts.index("新增")
    combo = dialog.table.cellWidget(added, 2)
    assert isinstance(combo, QComboBox) and combo.count() > 1
    removed = set(prepared.review.removed)  # type: ignore[union-attr]
    choice = next(i for i in range(combo.count()) if combo.itemData(i) in removed)
    combo.setCurrentIndex(choice)  # the clerk says: this "new" measure continues a dropped one
    review = dialog.prepared.review
    assert review is not None and len(review.added) == 4 and len(review.removed) == 2
    assert dialog.removed.count() == 2
    dialog.only_changes.setChecked(False)
    assert dialog.table.rowCount() == 122


def test_import_of_a_revision_waits_for_review_then_applies(
    qtbot: QtBot, office: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame, window = desk_window(office)
    qtbot.addWidget(frame)
    frame.show()
    window.commands.import_files([tmp_path / "v2.txt"])
    actions = window.commands.imports
    qtbot.waitUntil(lambda: actions.task is not None and not actions.task.is_running(), timeout=20000)
    qtbot.waitUntil(lambda: actions.review_dialog is not None, timeout=5000)
    assert office.db.execute("SELECT COUNT(*) FROM plan_versions").fetchone()[0] == 1  # nothing written yet
    assert actions.review_dialog is not None
    actions.review_dialog.accept()
    qtbot.waitUntil(
        lambda: office.db.execute("SELECT COUNT(*) FROM plan_versions").fetchone()[0] == 2, timeout=20000
    )
    qtbot.waitUntil(
        lambda: actions.apply_task is not None and not actions.apply_task.is_running(), timeout=5000
    )
    assert office.db.execute("SELECT COUNT(*) FROM measures WHERE archived_at IS NOT NULL").fetchone()[0] == 3
    window.autosaver.discard()


def test_board_window_shows_missing_units_charts_and_imports(
    qtbot: QtBot, office: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    q1 = parse_period("2026Q1")
    assert q1 is not None
    folder = tmp_path / "returns"
    folder.mkdir()
    for unit in UNITS[:38]:
        write_return(office, unit, q1, folder / f"{unit}.xlsx")
    return_service.import_returns(office, [folder], period=q1)
    board = BoardWindow(office, today=TODAY)
    qtbot.addWidget(board)
    board.show()
    assert board.period.currentText() == "2026年第一季度"
    assert sorted(board.missing.item(i).text() for i in range(board.missing.count())) == sorted(UNITS[38:])
    assert board.model.rowCount() == 120 and board.model.columnCount() == FIXED + 40
    column = FIXED + board.model.board.units.index(UNITS[0])  # type: ignore[union-attr]
    row = next(
        i for i, m in enumerate(board.model.board.measures) if any(n.unit == UNITS[0] for n in m.notes)
    )  # type: ignore[union-attr]
    assert board.model.data(board.model.index(row, column)) == "推进中"
    assert board.model.data(board.model.index(row, column), Qt.ItemDataRole.BackgroundRole) is not None
    assert len(board.chapter_chart.rows) == 4 and len(board.unit_chart.rows) == 40
    board.copy_notice()
    assert UNITS[39] in QGuiApplication.clipboard().text()

    # a late unit's return arrives; a second copy of an earlier one asks before replacing
    write_return(office, UNITS[38], q1, folder / "late.xlsx")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    board.import_returns([folder / "late.xlsx", folder / f"{UNITS[0]}.xlsx"])
    qtbot.waitUntil(lambda: not board.task.is_running(), timeout=20000)
    qtbot.waitUntil(lambda: board.missing.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: len(return_service.history(office, unit=UNITS[0], period=q1)) == 2, timeout=20000)


def test_versions_dialog_shows_every_version(qtbot: QtBot, office: Workspace, tmp_path: Path) -> None:
    from desktop.ui.versions_dialog import VersionsDialog

    imports.import_file(office, path=tmp_path / "v2.txt")
    dialog = VersionsDialog(office)
    qtbot.addWidget(dialog)
    assert dialog.versions.count() == 2 and "（当前）" in dialog.versions.item(1).text()
    assert dialog.table.rowCount() == 122
    dialog.versions.setCurrentRow(0)
    assert dialog.table.rowCount() == 120  # the removed measures are still there in version 1
