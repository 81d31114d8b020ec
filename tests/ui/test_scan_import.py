"""A scanned plan imported from the window: each page's progress shown, then 核对方案 with OCR doubts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from pytestqt.qtbot import QtBot

from desktop.domain.parsing.doubts import OCR
from desktop.ui.desk_view import DeskView

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`

PAGES = [
    ["某某市优化营商环境工作方案", "一、提升政务服务", "1.推行帮办代办服务。（市政务服务局负责）"],
    ["2.清理规范涉企收费。（市发展改革委、市财政局负责）", "3.加强信用体系建设。（市发展改革委牵头）"],
]


def _scan(path: Path) -> Path:
    """Draw two pages of a small plan at 200 dpi in a CJK face and save them as one TIFF."""
    font_file = subprocess.run(
        ["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True, check=True
    ).stdout
    font = ImageFont.truetype(font_file, 44)
    pages = []
    for lines in PAGES:
        page = Image.new("RGB", (1654, 2339), "white")
        draw = ImageDraw.Draw(page)
        for row, text in enumerate(lines):
            draw.text((220, 300 + 90 * row), text, fill="black", font=font)
        pages.append(page)
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    return path


def test_a_scan_shows_its_pages_then_the_plan_check_with_doubts(
    qtbot: QtBot, desk: DeskView, tmp_path: Path
) -> None:
    desk.commands.import_files([_scan(tmp_path / "扫描件.tif")])
    task = desk.commands.imports.task
    assert task is not None
    labels: list[str] = []
    task.progress.connect(lambda _step, text: labels.append(text))
    with qtbot.waitSignal(task.ended, timeout=60000):
        pass
    assert any("第 2 页，共 2 页" in text for text in labels), labels
    flow = desk.commands.imports
    qtbot.waitUntil(lambda: flow.check_dialog is not None, timeout=5000)
    assert flow.check_dialog is not None
    measures = flow.check_dialog.measures
    assert [m.label for m in measures] == ["1", "2", "3"]
    assert all(any(d.code == OCR for d in m.doubts) for m in measures)
    assert flow.check_dialog.table.rowCount() == 3
    flow.check_dialog.reject()
