"""PDF 副本 beside a written report or ledger: made by the installed office program, whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.exporters import office_pdf
from desktop.exporters.report_docx import write_report
from desktop.services import pdf_copies
from desktop.services.messages import error_text
from tests.exporters.conftest import report

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`


def _report(tmp_path: Path) -> Path:
    path = tmp_path / "落实情况报告.docx"
    write_report(report(), path)
    return path


@pytest.fixture
def soffice() -> str:
    found = office_pdf.find_libreoffice()
    assert found, "LibreOffice is missing: `make test` installs it"
    return found


def test_a_pdf_copy_sits_beside_the_report(tmp_path: Path, soffice: str) -> None:
    assert pdf_copies.converters(".docx")[-1] == "LibreOffice"
    pdf = pdf_copies.make_pdf_copy(_report(tmp_path))
    assert pdf == tmp_path / "落实情况报告.pdf"
    with pdfplumber.open(str(pdf)) as document:
        assert len(document.pages) >= 3 and "落实情况的报告" in (document.pages[0].extract_text() or "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["落实情况报告.docx", "落实情况报告.pdf"]


def test_a_failing_program_gives_way_to_the_next(tmp_path: Path, soffice: str) -> None:
    broken = office_pdf.Office("LibreOffice", "/bin/false")
    pdf = pdf_copies.make_pdf_copy(
        _report(tmp_path), offices=[broken, office_pdf.Office("LibreOffice", soffice)]
    )
    assert pdf.read_bytes().startswith(b"%PDF")


def test_when_every_program_fails_the_old_copy_stays(tmp_path: Path) -> None:
    source = _report(tmp_path)
    old = tmp_path / "落实情况报告.pdf"
    old.write_bytes(b"%PDF-1.4 the copy made last time")
    with pytest.raises(LuoshiError) as caught:
        pdf_copies.make_pdf_copy(source, offices=[office_pdf.Office("LibreOffice", "/bin/false")])
    assert caught.value.code is ErrorCode.PDF_FAILED
    assert "LibreOffice 未能生成 PDF 副本" in error_text(caught.value)
    assert old.read_bytes() == b"%PDF-1.4 the copy made last time"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["落实情况报告.docx", "落实情况报告.pdf"]


def test_without_an_office_program_the_clerk_is_told_what_to_do(tmp_path: Path) -> None:
    source = _report(tmp_path)
    with pytest.raises(LuoshiError) as caught:
        pdf_copies.make_pdf_copy(source, offices=[])
    message = error_text(caught.value)
    assert caught.value.code is ErrorCode.NO_PDF_CONVERTER
    assert "没有安装 WPS" in message and "落实情况报告.docx" in message and "另存为 PDF" in message
    assert not source.with_suffix(".pdf").exists()


def test_wps_and_word_are_driven_by_a_script_that_survives_any_file_name() -> None:
    source, pdf = Path(r"C:\报告\张三's 报告.docx"), Path(r"C:\报告\张三's 报告.pdf")
    script = office_pdf.automation_script("KWps.Application", source, pdf)
    assert "New-Object -ComObject 'KWps.Application'" in script
    assert "Documents.Open('C:\\报告\\张三''s 报告.docx', $false, $true)" in script
    assert "ExportAsFixedFormat('C:\\报告\\张三''s 报告.pdf', 17)" in script and "$app.Quit()" in script
    sheet = office_pdf.automation_script("KET.Application", source.with_suffix(".xlsx"), pdf)
    assert "Workbooks.Open(" in sheet and "ExportAsFixedFormat(0, " in sheet


def test_wps_for_linux_is_named_and_the_clerk_told_to_export_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wps = bin_dir / "wps"  # what the WPS for Linux packages put on PATH
    wps.write_text("#!/bin/sh\n", encoding="utf-8")
    wps.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    source = _report(tmp_path)
    with pytest.raises(LuoshiError) as caught:
        pdf_copies.make_pdf_copy(source, offices=[])
    assert caught.value.code is ErrorCode.PDF_BY_HAND
    assert "输出为 PDF" in error_text(caught.value) and "LibreOffice" in error_text(caught.value)
