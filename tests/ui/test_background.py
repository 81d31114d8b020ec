"""BackgroundTask hands its work's value to a typed callback, a failure's message to another, a cancel to a third."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.main_window import MainWindow


def _run(qtbot: QtBot, window: MainWindow, work: object) -> tuple[BackgroundTask[int], list[str]]:
    seen: list[str] = []
    task: BackgroundTask[int] = BackgroundTask(
        work,  # type: ignore[arg-type]  # each case's own work function
        on_done=lambda value: seen.append(f"done {value + 1}"),  # an int: arithmetic, no isinstance
        on_failed=lambda message: seen.append(f"failed {message}"),
        on_cancelled=lambda: seen.append("cancelled"),
        title="t",
        label="l",
        parent=window,
    )
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    return task, seen


def test_the_value_reaches_the_success_callback(qtbot: QtBot, window: MainWindow) -> None:
    def work(control: TaskControl) -> int:
        control.report(1, "一半")
        return 41

    task, seen = _run(qtbot, window, work)
    assert seen == ["done 42"] and task.result == 41 and not task.message and not task.cancelled


def test_a_known_failure_comes_as_its_chinese_message(qtbot: QtBot, window: MainWindow) -> None:
    def work(control: TaskControl) -> int:
        raise LuoshiError(ErrorCode.FILE_EMPTY, path="空.txt")

    task, seen = _run(qtbot, window, work)
    assert len(seen) == 1 and seen[0].startswith("failed ") and "空" in seen[0]
    assert task.result is None and task.message in seen[0]


def test_a_cancel_calls_only_the_cancel_callback(qtbot: QtBot, window: MainWindow) -> None:
    def work(control: TaskControl) -> int:
        raise Cancelled()

    task, seen = _run(qtbot, window, work)
    assert seen == ["cancelled"] and task.cancelled and task.result is None
