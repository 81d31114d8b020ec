"""Every dialog of the window opens offscreen on a real database, fits a 1366×768 screen and closes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.services import backups, guided, imports
from desktop.services import claims as claim_service
from desktop.services import notes as note_service
from desktop.services.workspace import Workspace
from desktop.ui.backup_dialog import BackupDialog
from desktop.ui.board_window import BoardWindow
from desktop.ui.claims_dialog import ClaimsDialog
from desktop.ui.desk_view import DeskView
from desktop.ui.guided_dialog import GuidedDialog
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.measure_editor import MeasureEditor
from desktop.ui.plan_check_dialog import PlanCheckDialog
from desktop.ui.review_dialog import ReviewDialog
from desktop.ui.setup_flow import setup_dialog_for
from desktop.ui.versions_dialog import VersionsDialog
from tests.conftest import FIXTURES


def _dialogs(window: MainWindow, desk: DeskView, ws: Workspace, tmp_path: Path) -> list[QDialog]:
    county = FIXTURES / "plans" / "county_2026_doubts.txt"
    revised = tmp_path / "revised.txt"
    text = (FIXTURES / "plans" / "eerduosi_2025_yingshang.txt").read_text(encoding="utf-8")
    imports.import_file(ws, path=FIXTURES / "plans" / "eerduosi_2025_yingshang.txt")
    revised.write_text(text.replace("。", "，并定期通报。", 1), encoding="utf-8")
    backups.make_backup(ws, "manual")
    key = desk.current_key()
    assert key is not None
    prepared = imports.prepare(ws, path=county)
    export = desk.commands.exports.export_dialog(report=True)
    assert export is not None
    return [
        export,
        setup_dialog_for(ws, window),
        BackupDialog(backups.list_backups(ws.path), window),
        HistoryDialog(note_service.history(ws, key), window),
        VersionsDialog(ws, window),
        BoardWindow(ws, window, today=date(2026, 4, 3)),
        PlanCheckDialog(prepared, window),
        GuidedDialog(guided.material(FIXTURES / "plans" / "unknown_headers.txt"), window),
        MeasureEditor(prepared.plan.measures[2], ["县住建局"], parent=window),
        ReviewDialog(imports.prepare(ws, path=revised), window),
        ClaimsDialog(claim_service.category_tasks(ws, desk.current_period(), today=desk.today), window),
    ]


def test_every_dialog_opens_fits_and_closes(
    qtbot: QtBot, window: MainWindow, desk: DeskView, ws: Workspace, tmp_path: Path
) -> None:
    desk.table.selectRow(0)
    for dialog in _dialogs(window, desk, ws, tmp_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        size = dialog.frameGeometry()
        # 1366×768 less a taskbar
        assert size.width() <= 1366 and size.height() <= 768 - 40, (type(dialog).__name__, size)
        assert dialog.windowTitle(), type(dialog).__name__
        dialog.reject()
        assert not dialog.isVisible()
