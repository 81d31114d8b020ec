"""PDF plans with a text layer (pdfplumber, MIT); scanned PDFs are refused with a clear reason."""

from __future__ import annotations

import logging
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.plan_parser import parse_plan_lines
from desktop.importers.script import simplify_lines

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 20

for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def read_pdf_lines(path: Path) -> list[str]:
    """Return the text lines of every page, or raise SCANNED_PDF when there is no text layer."""
    name = str(path)
    lines: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name, pages=len(pdf.pages))
            chars = 0
            for page in pdf.pages:
                text = page.extract_text() or ""
                chars += sum(1 for ch in text if not ch.isspace())
                lines.extend(text.splitlines())
                page.flush_cache()
            if chars < _MIN_CHARS_PER_PAGE * max(1, len(pdf.pages)) // 2:
                raise LuoshiError(ErrorCode.SCANNED_PDF, path=name)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise LuoshiError(ErrorCode.ENCRYPTED, path=name) from None
    except (PDFSyntaxError, PSException, KeyError, ValueError, TypeError, AssertionError, EOFError):
        raise LuoshiError(ErrorCode.CORRUPT, path=name) from None
    except Exception as exc:  # pdfplumber wraps some pdfminer failures in its own types
        if type(exc).__name__ in ("PdfminerException", "PDFPasswordIncorrect"):
            cause = exc.__cause__ or (exc.args[0] if exc.args else None)
            code = (
                ErrorCode.ENCRYPTED
                if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError))
                or "password" in str(exc).lower()
                else ErrorCode.CORRUPT
            )
            raise LuoshiError(code, path=name) from None
        raise
    return simplify_lines(lines)


def read_pdf(path: Path) -> Plan:
    """Return the plan in a PDF with a text layer."""
    return parse_plan_lines(read_pdf_lines(path), fallback_title=path.stem, path=str(path))
