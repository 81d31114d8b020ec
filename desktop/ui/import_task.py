"""Import plan files off the UI thread (a BackgroundTask): prepare each, store those that need no review."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import Cancelled, LuoshiError
from desktop.services import guided, imports
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask, TaskControl


@dataclass(frozen=True)
class FileResult:
    """What became of one file: a message, whether it was imported, and a review awaiting the clerk."""

    path: Path
    ok: bool
    message: str
    review: imports.ImportReview | None = None  # a new version of a stored plan: not applied yet
    check: imports.ImportReview | None = (
        None  # a new plan: the clerk checks it (核对方案) before it is stored
    )
    guide: guided.Material | None = None  # no measure read: the clerk says how to read it (指定读法)
    plan_id: int | None = None  # the plan stored (imported now or before)


@dataclass
class ImportRun:
    """The results of one run, file by file, and whether the clerk cancelled it."""

    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportTask", text)


def import_files(db_path: Path, files: list[Path], control: TaskControl) -> ImportRun:
    """Prepare each file; store those that need neither 核对方案 nor a review. Runs in the worker thread."""
    run = ImportRun()
    try:
        with Workspace(db_path) as ws:  # its own connection: SQLite connections stay in their thread
            for number, path in enumerate(files):
                if control.should_stop():
                    run.cancelled = True
                    break
                control.report(number, _tr("正在导入：") + path.name)
                run.results.append(_import_one(ws, path, control, number))
    except Cancelled:
        run.cancelled = True
    except LuoshiError as error:  # the database itself could not be opened or written
        run.results.append(FileResult(files[len(run.results)], False, error_text(error)))
    return run


def _import_one(ws: Workspace, path: Path, control: TaskControl, number: int = 0) -> FileResult:
    def page(done: int, pages: int) -> None:  # a scan: each page takes a second or two to recognise
        text = _tr("正在识别扫描件 %1：第 %2 页，共 %3 页").replace("%1", path.name)
        control.report(number, text.replace("%2", str(done + 1)).replace("%3", str(pages)))

    try:
        prepared = imports.prepare(ws, path=path, progress=page, should_stop=control.should_stop)
        if prepared.needs_review:  # the clerk reviews the changes before anything is written
            text = _tr("《%1》的新版本：请在比对窗口中核对后应用").replace("%1", prepared.plan.title)
            return FileResult(path, True, text, review=prepared)
        if prepared.plan_id is None and not prepared.seen_before:
            text = _tr("《%1》：%2 项措施，请在“核对方案”窗口中核对后导入")
            text = text.replace("%1", prepared.plan.title).replace("%2", str(len(prepared.plan.measures)))
            return FileResult(path, True, text, check=prepared)
        outcome = imports.apply_prepared(ws, prepared, should_stop=control.should_stop)
    except LuoshiError as error:
        if error.code in guided.GUIDED_ERRORS:
            found = _material(path)
            if found is not None:
                text = _tr("没能自动读出措施，请在“指定读法”窗口中告诉落实怎么读")
                return FileResult(path, True, text, guide=found)
        return FileResult(path, False, error_text(error))
    template = (
        _tr("已导入《%1》：%2 项措施")
        if outcome.saved.created
        else _tr("《%1》此前已导入，未改动（%2 项措施）")
    )
    text = template.replace("%1", outcome.plan.title).replace("%2", str(outcome.saved.measure_count))
    return FileResult(path, True, text, plan_id=outcome.saved.plan_id if outcome.saved.created else None)


def _material(path: Path) -> guided.Material | None:
    """Return what the file holds for the guided path, or None when it holds no text at all."""
    try:
        found = guided.material(path)
    except LuoshiError:
        return None
    return found if found.grid or any(line.strip() for line in found.lines) else None


def start_import(
    db_path: Path,
    files: list[Path],
    parent: QWidget,
    *,
    on_done: Callable[[ImportRun], None],
    on_failed: Callable[[str], None],
) -> BackgroundTask[ImportRun]:
    """Start importing `files`; the run (cancelled or not) or a bug's message comes on the UI thread."""
    return BackgroundTask(
        lambda control: import_files(db_path, files, control),
        on_done=on_done,
        on_failed=on_failed,
        title=_tr("导入方案"),
        label=_tr("正在导入方案…"),
        parent=parent,
        maximum=len(files),
    )
