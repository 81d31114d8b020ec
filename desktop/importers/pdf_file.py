"""PDF plans with a text layer (pdfplumber, MIT); scanned PDFs are refused with a clear reason."""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.plan_parser import parse_plan_lines
from desktop.importers.script import simplify_lines

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 10

for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def _is_password_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def read_pdf_lines(path: Path) -> list[str]:
    """Return the text lines of every page, or raise SCANNED_PDF when there is no text layer."""
    name = str(path)
    lines: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise LuoshiError(
                    ErrorCode.FILE_TOO_LARGE, path=name, pages=len(pdf.pages), limit_pages=MAX_PAGES
                )
            chars = 0
            for page in pdf.pages:
                text = page.extract_text() or ""
                chars += sum(1 for ch in text if not ch.isspace())
                lines.extend(text.splitlines())
                page.flush_cache()
            if chars < _MIN_CHARS_PER_PAGE * max(1, len(pdf.pages)):
                raise LuoshiError(ErrorCode.SCANNED_PDF, path=name)
    except LuoshiError:
        raise
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # a hostile or broken PDF may fail anywhere inside the PDF library
        code = ErrorCode.ENCRYPTED if _is_password_problem(exc) else ErrorCode.CORRUPT
        raise LuoshiError(code, path=name) from None
    return simplify_lines(lines)


def read_pdf(path: Path) -> Plan:
    """Return the plan in a PDF with a text layer."""
    return parse_plan_lines(read_pdf_lines(path), fallback_title=path.stem, path=str(path))
