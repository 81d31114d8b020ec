"""Read plan files into domain objects; never the database, never Qt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.ocr_text import Progress
from desktop.domain.parsing.plan_parser import parse_plan_lines
from desktop.importers.detect import Format, sniff
from desktop.importers.extracted import Extracted
from desktop.importers.text_file import read_text_lines

SUPPORTED_SUFFIXES = (
    ".txt",
    ".docx",
    ".doc",
    ".wps",
    ".pdf",
    ".ofd",
    ".xlsx",
    ".xls",
    ".et",
    ".ods",
    ".htm",
    ".html",
    ".mht",
    ".mhtml",
    ".xml",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
)


def read_plan(
    path: Path, *, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
) -> Plan:
    """Return the plan in `path`, whatever its format; raise LuoshiError with the reason otherwise.

    A scan (a PDF without text, or a page image) is recognised page by page: `progress(done, pages)` is
    told before each page and `should_stop()` asked, raising Cancelled when it says stop.

    The office-format readers (python-docx, openpyxl, pdfplumber) are imported only when a file needs
    them: together they take about half a second to import, which opening the desk or a CLI command skips.
    """
    kind = sniff(path)
    if kind is Format.DOCX:
        from desktop.importers.docx_file import read_docx  # python-docx: loaded to read

        return read_docx(path)
    if kind is Format.XLSX:
        from desktop.importers.xlsx_file import read_xlsx  # openpyxl: loaded to read

        return read_xlsx(path)
    if kind is Format.PDF:
        from desktop.importers.pdf_file import read_pdf  # pdfplumber: loaded to read

        try:
            return read_pdf(path, progress=progress, should_stop=should_stop)
        except LuoshiError as error:
            if error.code is not ErrorCode.SCANNED_PDF:
                raise
    if kind in (Format.PDF, Format.IMAGE):
        from desktop.importers.scan_file import read_scan  # the OCR reader: loaded to read a scan

        return read_scan(path, pdf=kind is Format.PDF, progress=progress, should_stop=should_stop)
    if kind is Format.DOC:
        from desktop.importers.doc_file import read_doc  # olefile: loaded to read

        return read_doc(path)
    if kind is Format.OFD:
        from desktop.importers.ofd_file import read_ofd  # defusedxml: loaded to read

        try:
            return read_ofd(path)
        except LuoshiError as error:
            if error.code is not ErrorCode.SCANNED_PDF:
                raise
        from desktop.importers.scan_file import read_scan  # the OCR reader: loaded to read a scan

        return read_scan(path, pdf=False, ofd=True, progress=progress, should_stop=should_stop)
    if kind is Format.HTML:
        from desktop.importers.html_file import read_html  # lxml.html: loaded to read

        return read_html(path)
    if kind is Format.MHT:
        from desktop.importers.html_file import read_mht  # lxml.html: loaded to read

        return read_mht(path)
    if kind is Format.WORDML:
        from desktop.importers.wordml_file import read_wordml  # defusedxml: loaded to read

        return read_wordml(path)
    if kind is Format.ODS:
        from desktop.importers.ods_file import read_ods  # defusedxml: loaded to read

        return read_ods(path)
    if kind is Format.XLS:
        from desktop.importers.xls_file import read_xls  # xlrd: loaded to read

        return read_xls(path)
    return parse_plan_lines(read_text_lines(path), fallback_title=path.stem, path=str(path))


def read_material(path: Path) -> Extracted:
    """Return what a file holds before any parsing (lines and tables), for the guided path.

    Scans and OFD are read as text only (their tables come from positions, which the clerk cannot name
    column by column); a scan with no text layer gives its error.
    """
    kind = sniff(path)
    if kind is Format.DOCX:
        from desktop.importers.docx_file import extract_docx  # python-docx: loaded to read

        return extract_docx(path)
    if kind in (Format.XLSX, Format.XLS, Format.ODS):
        from desktop.importers.ods_file import extract_ods  # defusedxml: loaded to read
        from desktop.importers.xls_file import extract_xls  # xlrd: loaded to read
        from desktop.importers.xlsx_file import extract_xlsx  # openpyxl: loaded to read

        return {Format.XLSX: extract_xlsx, Format.XLS: extract_xls, Format.ODS: extract_ods}[kind](path)
    if kind is Format.PDF:
        from desktop.importers.pdf_file import extract_pdf  # pdfplumber: loaded to read

        return extract_pdf(path)
    if kind is Format.DOC:
        from desktop.importers.doc_file import extract_doc  # olefile: loaded to read

        return extract_doc(path)
    if kind in (Format.HTML, Format.MHT):
        from desktop.importers.html_file import extract_html, extract_mht  # lxml.html: loaded to read

        return extract_html(path) if kind is Format.HTML else extract_mht(path)
    if kind is Format.WORDML:
        from desktop.importers.wordml_file import extract_wordml  # defusedxml: loaded to read

        return extract_wordml(path)
    if kind is Format.OFD:
        from desktop.importers.ofd_file import read_ofd_lines  # defusedxml: loaded to read

        return Extracted(lines=read_ofd_lines(path))
    if kind is Format.IMAGE:
        raise LuoshiError(ErrorCode.NO_MEASURES, path=str(path))
    return Extracted(lines=read_text_lines(path))


__all__ = ["SUPPORTED_SUFFIXES", "Extracted", "Progress", "read_material", "read_plan"]
