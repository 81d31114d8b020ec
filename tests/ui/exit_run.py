"""`python -m tests.ui.exit_run DB FLOW OUT`: the real program through one long flow, then closed by the clerk.

The exit test (tests/ui/test_clean_exit.py) runs this many times and wants exit code 0 every time: the
window starts as `make run` starts it (desktop.app.main: lock, crash log with faulthandler, deferred
desk), a timer drives what a clerk does, and the window is closed the ordinary way.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import app as app_module
from desktop.services import plans as plan_service
from desktop.ui import export_actions
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
FLOW_FAILED = 3
PLANS = ROOT / "tests" / "fixtures" / "plans"


def _wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the flow waited too long")
        QApplication.processEvents()
        time.sleep(0.01)


def _settle(seconds: float = 0.05) -> None:
    """Let the event loop run for `seconds` (timers, queued signals, layouts)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()


def _import(desk: DeskView, name: str) -> None:
    flow = desk.commands.imports
    flow.import_files([PLANS / name])
    _wait(lambda: flow.task is not None and not flow.task.is_running())
    _settle()
    if flow.check_dialog is not None and flow.check_dialog.isVisible():
        flow.check_dialog.accept()
        _wait(lambda: flow.apply_task is not None and not flow.apply_task.is_running())
    _settle()
    for dialog in (flow.claims_dialog, flow.result_box):
        if dialog is not None and dialog.isVisible():
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()


def _type_notes(desk: DeskView) -> None:
    for step in range(6):
        desk.move_by(1)
        editor = desk.detail.editor.texts["progress"]
        editor.setPlainText(f"第{step}次填写：已召开专题会议，推进落实。")
        _settle(0.02)
    desk.autosaver.flush()
    for index in range(desk.period.count()):
        desk.period.setCurrentIndex(index)
        _settle(0.01)


def _plans(desk: DeskView) -> None:
    for index in range(desk.plan.count()):
        desk.plan.setCurrentIndex(index)
        _settle(0.02)
    desk.filters.search.setText("营商环境")
    _settle(0.4)
    desk.filters.search.clear()


def _exports(desk: DeskView, out: Path) -> None:
    actions = desk.commands.exports
    for report in (True, False):
        dialog = actions.export_dialog(report=report)
        assert dialog is not None
        dialog.refresh()
        choice = dialog.choice()
        dialog.reject()
        actions.dialogs.clear()
        actions.export(choice, out / ("报告.docx" if report else "台账.xlsx"), report=report)
        _wait(lambda: actions.task is not None and not actions.task.is_running())
        _settle()
        if actions.result_box is not None:
            actions.result_box.close()


def _office(desk: DeskView) -> None:
    desk.commands.office.set_mode(True)
    board = desk.commands.office.show_board()
    _settle(0.1)
    board.copy_notice()
    for tab in range(board.tabs.count()):
        board.tabs.setCurrentIndex(tab)
        _settle(0.02)
    board.close()


def _dialogs(desk: DeskView) -> None:
    desk.commands.show_versions()
    _settle(0.05)
    desk.commands.versions_dialog.close()
    desk.commands.review_claims()
    _settle(0.05)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QMessageBox) and widget.isVisible():
            widget.close()


def _text_sizes(desk: DeskView) -> None:
    for percent in (125, 150, 100):
        desk.commands.set_font_scale(percent)
        _settle(0.1)


FLOWS: list[Callable[[DeskView, Path], None]] = [
    lambda desk, out: (_import(desk, "eerduosi_2025_yingshang.txt"), _type_notes(desk), _plans(desk)),
    lambda desk, out: (_type_notes(desk), _exports(desk, out)),
    lambda desk, out: (_import(desk, "county_2026_category.txt"), _office(desk), _dialogs(desk)),
    lambda desk, out: (_text_sizes(desk), _type_notes(desk), _plans(desk)),
    lambda desk, out: (_type_notes(desk), _dialogs(desk), _exports(desk, out), _text_sizes(desk)),
]


def main(db: str, flow: int, out: str) -> int:
    """Start the program on `db`, run flow number `flow` once its desk is open, then close the window."""
    export_actions.QDesktopServices.openUrl = lambda *_a: True  # type: ignore[method-assign]

    def drive() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        desk = window.desk if window is not None else None
        if window is None or not isinstance(desk, DeskView):
            QTimer.singleShot(100, drive)  # the desk opens just after the first paint
            return
        try:
            assert plan_service.list_plans(desk.ws)
            FLOWS[flow % len(FLOWS)](desk, Path(out))
        except BaseException:  # a broken flow is the test's fault, not a crash at exit: say so apart
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(FLOW_FAILED)
        window.close()

    # a run that hangs prints every thread's stack and ends, so the test says where (its limit is 180 s)
    faulthandler.dump_traceback_later(150, exit=True)
    app_module.application()  # the timer needs the application's event loop; main() reuses it
    QTimer.singleShot(200, drive)
    return app_module.main(["--db", db])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
