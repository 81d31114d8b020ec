"""Faults the window must survive: a full disk, a crash in code, a second instance, a cancelled import."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import acquire_lock
from desktop.domain.desk.notes import NoteFields
from desktop.services import backups, imports
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace
from desktop.storage.backup import is_healthy
from desktop.ui.autosave import RETRY_MS
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.backup_dialog import BackupDialog
from desktop.ui.crash import CrashReporter, log_file
from desktop.ui.desk_view import DeskView
from desktop.ui.main_window import MainWindow
from desktop.ui.opening import check_database
from tests.conftest import FIXTURES
from tests.ui.conftest import type_text


def test_full_disk_keeps_the_text_and_retries(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    editor = desk.detail.editor
    type_text(editor.texts["progress"], "第一句已保存。")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=2000)
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    long_text = "这是一段很长的进展情况。" * 3000
    type_text(editor.texts["progress"], long_text)
    qtbot.waitUntil(lambda: desk.save_error.isVisible(), timeout=3000)
    assert "磁盘已满" in desk.save_error.text() and "不会丢失" in desk.save_error.text()
    assert long_text in editor.texts["progress"].toPlainText()  # the text stays in the editor
    assert desk.autosaver.dirty
    key = desk.current_key()
    assert key is not None
    assert note_service.get_note(ws, key).fields.progress == "第一句已保存。"  # type: ignore[union-attr]
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ws.db.execute("PRAGMA max_page_count = 1073741823")  # space freed: the retry saves it
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=RETRY_MS + 2000)
    assert not desk.save_error.isVisible()
    assert long_text in note_service.get_note(ws, key).fields.progress  # type: ignore[union-attr]


def test_read_only_database_keeps_the_text(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    ws.db.execute("PRAGMA query_only = ON")  # what a read-only file does to writes
    type_text(desk.detail.editor.texts["problems"], "资金缺口较大")
    qtbot.waitUntil(lambda: desk.save_error.isVisible(), timeout=3000)
    assert "资金缺口较大" in desk.detail.editor.texts["problems"].toPlainText()
    ws.db.execute("PRAGMA query_only = OFF")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=RETRY_MS + 2000)


def test_exception_hook_logs_and_shows_one_dialog(
    qtbot: QtBot, window: MainWindow, desk: DeskView, tmp_path: Path
) -> None:
    log = log_file(tmp_path / "logs")  # the reporter opens the log at its first report
    reporter = CrashReporter(log, before_dialog=desk.autosaver.flush)
    type_text(desk.detail.editor.texts["progress"], "崩溃前输入的内容")
    for _ in range(2):
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            reporter.hook(*sys.exc_info())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=2000)
    for handler in logging.getLogger("luoshi").handlers:
        handler.flush()
    assert "boom in a slot" in log.read_text(encoding="utf-8")
    assert "程序遇到意外错误" in reporter.dialog.text()  # type: ignore[union-attr]
    assert not desk.autosaver.dirty  # pending text was saved before the dialog
    assert window.isVisible()  # the app keeps running
    reporter.dialog.close()  # type: ignore[union-attr]


def test_second_instance_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "luoshi.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from PySide6.QtCore import QLockFile; l=QLockFile(sys.argv[1]+'.lock');"
            "assert l.tryLock(0); print('locked', flush=True); time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert acquire_lock(db) is None
    finally:
        holder.kill()
        holder.wait()
    # the lock of a killed process is stale and is taken over
    lock = acquire_lock(db)
    assert isinstance(lock, QLockFile)
    lock.unlock()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cancelled_import_leaves_the_database_untouched(qtbot: QtBot, desk: DeskView, ws: Workspace) -> None:
    before = plan_service.list_plans(ws)
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = _sha(ws.path)
    files = sorted((FIXTURES / "plans").glob("*.txt"))
    desk.commands.import_files(files)
    task = desk.commands.imports.task
    assert task is not None
    task.cancel_event.set()  # what the dialog's 取消 button does
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    run = task.result
    assert task.message == "" and run is not None and run.cancelled and not task.cancelled  # the run notes it
    assert plan_service.list_plans(ws) == before
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _sha(ws.path) == digest


def test_import_lists_errors_per_file(qtbot: QtBot, desk: DeskView, ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    good = FIXTURES / "plans" / "eerduosi_2025_yingshang.txt"
    started = time.monotonic()
    desk.commands.import_files([bad, good, empty])
    task = desk.commands.imports.task
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    assert task.result is not None
    results = task.result.results
    assert [r.ok for r in results] == [False, True, False]
    assert "损坏" in results[0].message and "空" in results[2].message
    flow = desk.commands.imports
    qtbot.waitUntil(lambda: flow.result_box is not None and flow.result_box.isVisible(), timeout=2000)
    assert flow.result_box is not None
    shown = flow.result_box.text()
    assert shown.startswith("部分文件未能导入")
    assert "坏文件.docx" in shown and "空.txt" in shown and "核对方案" in shown
    assert flow.check_dialog is not None
    flow.check_dialog.accept()
    assert flow.apply_task is not None
    with qtbot.waitSignal(flow.apply_task.ended, timeout=10000):
        pass
    plans = plan_service.list_plans(ws)
    assert len(plans) == 2
    assert time.monotonic() - started < 10
    flow.result_box.close()
    assert desk.current_plans() == [max(p.id for p in plans)]  # the desk shows the plan just imported


def test_filter_to_nothing_while_saving_fails_keeps_the_text(
    qtbot: QtBot, desk: DeskView, ws: Workspace, monkeypatch: object
) -> None:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[attr-defined]
    ws.db.execute("PRAGMA query_only = ON")
    type_text(desk.detail.editor.texts["progress"], "尚未保存的文字")
    desk.filters.search.setText("没有任何措施包含这句话")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 0, timeout=3000)
    assert "尚未保存的文字" in desk.detail.editor.texts["progress"].toPlainText()
    assert desk.autosaver.dirty and desk.current_key() is not None
    ws.db.execute("PRAGMA query_only = OFF")
    qtbot.waitUntil(lambda: not desk.autosaver.dirty, timeout=RETRY_MS + 2000)


def test_restore_backup_from_the_window(
    qtbot: QtBot, desk: DeskView, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = backups.make_backup(ws, "manual")
    assert taken is not None
    measure = measure_service.find_measure(ws, "2")
    period = desk.current_period()
    note_service.save_note(
        ws, note_service.key_for(ws, measure.measure_id, period), NoteFields(progress="备份后写的")
    )

    def choose_first(dialog: BackupDialog) -> int:
        assert dialog.list.count() >= 1
        dialog.chosen = dialog.found[0]
        return int(BackupDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(BackupDialog, "exec", choose_first)
    desk.commands.restore_backup()
    task = desk.commands.restore_task
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10000)
    qtbot.waitUntil(lambda: "已恢复备份" in desk.statusBar().currentMessage(), timeout=5000)
    assert note_service.get_note(ws, note_service.key_for(ws, measure.measure_id, period)) is None
    kept = [b for b in backups.list_backups(ws.path) if b.reason == "before_restore"]
    assert len(kept) == 1  # what was there before the restore is a backup too


def test_damaged_database_at_start_is_set_aside_and_restore_offered(
    qapp: object, tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "luoshi.db"
    with Workspace(db) as ws:
        imports.import_file(ws, path=sample_path)
        backups.make_backup(ws, "start")
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    db.write_bytes(bytes(data))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    parent = QWidget()
    check_database(db, parent)
    assert asked and "已损坏" in asked[0] and "恢复" in asked[0]
    assert is_healthy(db) and list(tmp_path.glob("luoshi.db.damaged-*"))  # restored; the damaged file kept


def test_a_bug_in_background_work_is_logged_and_reported(qtbot: QtBot, window: MainWindow) -> None:
    """A bug in a worker reaches the crash hook with its traceback; the task still ends with a message."""
    seen: list[str] = []
    previous = sys.excepthook
    sys.excepthook = lambda kind, value, tb: seen.append(f"{kind.__name__}: {value}")
    try:

        def work(control: TaskControl) -> None:
            raise TypeError("a bug")

        failed: list[str] = []
        task: BackgroundTask[None] = BackgroundTask(
            work, on_done=lambda _none: None, on_failed=failed.append, title="t", label="l", parent=window
        )
        with qtbot.waitSignal(task.ended, timeout=5000):
            pass
    finally:
        sys.excepthook = previous
    assert seen == ["TypeError: a bug"]
    assert len(failed) == 1 and "意外错误" in failed[0] and not task.cancelled


def test_a_bug_in_a_reader_reaches_the_crash_log_not_the_clerk_as_a_damaged_file(
    qtbot: QtBot, desk: DeskView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a reader helper travels from the import worker to crash.log with its traceback."""
    import docx  # function-local: the test writes a real Word file, the window never imports python-docx

    from desktop.importers.docx_numbering import ListNumbers

    plan = tmp_path / "方案.docx"
    document = docx.Document()
    document.add_paragraph("1.清理规范招商引资违规政策。（自治区商务厅负责）")
    document.save(str(plan))

    def numbering_bug(_document: object) -> object:
        lists: dict[str, object] = {}
        return lists["a list-numbering bug"]  # a KeyError from our code

    monkeypatch.setattr(ListNumbers, "from_document", staticmethod(numbering_bug))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_: shown.append(text))
    log = log_file(tmp_path / "logs")
    reporter = CrashReporter(log)
    monkeypatch.setattr(sys, "excepthook", reporter.hook)

    desk.commands.import_files([plan])
    task = desk.commands.imports.task
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=10000):
        pass
    for handler in logging.getLogger("luoshi").handlers:
        handler.flush()
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "numbering_bug" in logged and "a list-numbering bug" in logged
    assert len(shown) == 1 and "意外错误" in shown[0] and "损坏" not in shown[0]
    qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=2000)
    assert reporter.dialog is not None
    reporter.dialog.close()
