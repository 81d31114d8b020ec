"""A scan imported through the window: OCR runs in its own process, so the window's environment stays as it
was (OpenCV rewrites LD_LIBRARY_PATH and Qt's variables where it is imported), and 取消 ends it at once."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.desk_view import DeskView
from tests.helpers import convert, sample_paragraphs, scan_pdf, write_gongwen_docx

pytestmark = pytest.mark.slow  # LibreOffice, pdftoppm and OCR

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "fonts.conf"


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("window_scan")
    os.environ["FONTCONFIG_FILE"] = str(FONTS)
    try:
        pdf = convert(write_gongwen_docx(sample_paragraphs(SAMPLE), folder / "原件.docx"), folder, "pdf")
    finally:
        del os.environ["FONTCONFIG_FILE"]
    return scan_pdf(pdf, folder / "扫描件.pdf", pages=2)


def _ocr_children() -> list[multiprocessing.process.BaseProcess]:
    return [c for c in multiprocessing.active_children() if c.name == "luoshi-ocr"]


def test_after_an_ocr_import_the_window_s_environment_is_as_it_was(
    qtbot: QtBot, desk: DeskView, scan: Path
) -> None:
    before = dict(os.environ)
    desk.commands.import_files([scan])
    task = desk.commands.imports.task
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=180_000):
        pass
    assert task.result is not None and [r.ok for r in task.result.results] == [True]
    qt_and_libraries = {
        k: v for k, v in os.environ.items() if k.startswith("QT_QPA_") or k == "LD_LIBRARY_PATH"
    }
    assert qt_and_libraries == {
        k: v for k, v in before.items() if k.startswith("QT_QPA_") or k == "LD_LIBRARY_PATH"
    }
    assert dict(os.environ) == before and _ocr_children() == []
    flow = desk.commands.imports
    if flow.check_dialog is not None:
        flow.check_dialog.reject()


def test_cancel_ends_the_ocr_child_within_a_second(qtbot: QtBot, desk: DeskView, scan: Path) -> None:
    desk.commands.import_files([scan])
    task = desk.commands.imports.task
    assert task is not None
    qtbot.waitUntil(lambda: bool(_ocr_children()), timeout=30_000)
    qtbot.wait(1500)  # the child is loading its models or recognising the first page
    started = time.monotonic()
    task.cancel_event.set()  # what the progress dialog's 取消 does
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    assert time.monotonic() - started < 1.0
    assert _ocr_children() == []
    assert task.result is not None and task.result.cancelled
