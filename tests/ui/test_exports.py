"""生成报告, 导出台账 and 格式检查 from the real window: the typed note reaches the files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.report import ReportOptions
from desktop.exporters.ledger_xlsx import COLUMNS, FIRST_DATA_ROW, SHEET
from desktop.services.fonts import missing_fonts
from desktop.ui import export_actions
from desktop.ui.desk_view import DeskView
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text


def _type_note(desk: DeskView) -> str:
    desk.table.selectRow(0)
    text = "召开推进会议，梳理问题清单十二条"
    type_text(desk.detail.editor.texts["progress"], text)
    return text


def test_report_dialog_previews_and_writes(
    qtbot: QtBot, window: MainWindow, desk: DeskView, tmp_path: Path
) -> None:
    typed = _type_note(desk)
    dialog = desk.commands.exports.export_dialog(report=True)
    assert dialog is not None  # the typed note was saved first
    assert typed in dialog.browser.toPlainText()
    dialog.fields["addressee"].setText("自治区人民政府")
    dialog.letterhead.setChecked(True)
    # a 版头 without a 发文字号 says so in the preview instead of printing an empty line
    qtbot.waitUntil(lambda: "加版头需要发文字号" in dialog.browser.toPlainText(), timeout=3000)
    dialog.fields["doc_number"].setText("内发改报〔2026〕3号")
    dialog.fields["signer"].setText("张三")
    qtbot.waitUntil(lambda: "签发人：张三" in dialog.browser.toPlainText(), timeout=3000)
    target = tmp_path / "报告.docx"
    desk.commands.exports.export(dialog.choice(), target, report=True)
    qtbot.waitUntil(lambda: desk.commands.exports.result_box is not None, timeout=15000)
    box = desk.commands.exports.result_box
    assert str(target) in box.text()
    assert {b.text() for b in box.buttons()} >= {"打开文件", "打开所在文件夹"}
    gaps = missing_fonts()  # what this PC's font folders lack (on the CI machine: all four)
    for gap in gaps:
        assert gap.text() in box.informativeText()
    assert ("本机缺少以下公文字体" in box.informativeText()) == bool(gaps)
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert typed in text and "自治区人民政府：" in text and "签发人：张三" in text


def test_ledger_and_locked_target(
    qtbot: QtBot, window: MainWindow, desk: DeskView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = _type_note(desk)
    dialog = desk.commands.exports.export_dialog(report=False)
    assert dialog is not None and not hasattr(dialog, "browser")
    target = tmp_path / "台账.xlsx"
    exports = desk.commands.exports
    exports.export(dialog.choice(), target, report=False)
    qtbot.waitUntil(lambda: exports.result_box is not None, timeout=15000)
    sheet = openpyxl.load_workbook(target)[SHEET]
    assert any(
        sheet.cell(r, COLUMNS.index("进展情况") + 1).value == typed
        for r in range(FIRST_DATA_ROW, FIRST_DATA_ROW + 20)
    )
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    (tmp_path / "~$台账.xlsx").write_text("owner")
    before = target.read_bytes()
    exports.export(dialog.choice(), target, report=False)
    qtbot.waitUntil(lambda: bool(warnings), timeout=15000)
    assert "正在被 Word、WPS" in warnings[0] and "台账（2）.xlsx" in warnings[0]
    assert target.read_bytes() == before


@pytest.mark.slow
def test_a_pdf_copy_is_written_beside_the_ledger_and_remembered(
    qtbot: QtBot, window: MainWindow, desk: DeskView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = desk.commands.exports
    target = tmp_path / "台账.xlsx"
    asked: list[bool] = []

    def answer(dialog: ExportDialog) -> int:
        asked.append(dialog.pdf.isChecked())
        assert dialog.pdf.isEnabled()  # LibreOffice is installed here
        dialog.pdf.setChecked(True)
        return 1  # 生成…

    monkeypatch.setattr(ExportDialog, "exec", answer)
    monkeypatch.setattr(export_actions, "save_file", lambda *a, **k: target)
    exports.make_ledger()
    qtbot.waitUntil(lambda: exports.result_box is not None, timeout=60000)
    box = exports.result_box
    pdf = tmp_path / "台账.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in box.text()
    assert box.icon() == QMessageBox.Icon.Information
    with pdfplumber.open(str(pdf)) as document:
        assert "落实情况台账" in (document.pages[0].extract_text() or "")
    exports.result_box = None
    exports.make_ledger()  # the next time, the box is ticked already
    qtbot.waitUntil(lambda: exports.result_box is not None, timeout=60000)
    assert asked == [False, True]


def test_without_an_office_program_the_pdf_box_says_why(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ExportDialog(
        periods=[parse_period("2026Q1")],
        chosen=parse_period("2026Q1"),
        options=ReportOptions(),
        preview=None,
        today=date(2026, 4, 3),
        pdf_by=[],
        pdf=True,
        parent=window,
    )
    assert not dialog.pdf.isEnabled() and "没有能生成 PDF 的程序" in dialog.pdf.text()
    assert "LibreOffice" in dialog.pdf.toolTip()
    assert dialog.choice().pdf is False


@pytest.mark.slow
def test_format_check_lists_findings(qtbot: QtBot, desk: DeskView, tmp_path: Path) -> None:
    typed = docx.Document()
    typed.add_paragraph("二〇二六年三月五日")
    path = tmp_path / "手工.docx"
    typed.save(str(path))
    exports = desk.commands.exports
    exports.check(path)
    qtbot.waitUntil(lambda: exports.result_box is not None, timeout=60000)
    box = exports.result_box
    assert "手工.docx" in box.text() and "类问题" in box.text()
    assert "7.3.5.4" in box.detailedText() and "修改方法" in box.detailedText()
