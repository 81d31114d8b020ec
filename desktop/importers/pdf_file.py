"""PDF plans with a text layer (pdfplumber, MIT); scanned PDFs are refused with a clear reason."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.grid_tables import Piece, grid_table
from desktop.domain.parsing.ocr_text import Progress, with_doubts_where_read
from desktop.domain.parsing.plan_parser import parse_plan_lines
from desktop.domain.parsing.tables import find_layout
from desktop.domain.parsing.vocabulary import LEAD_WORDS, RESPONSIBLE_WORDS, SUPPORT_WORDS, alternation
from desktop.importers.extracted import Extracted, tables_plan
from desktop.importers.failures import unusable
from desktop.importers.script import simplify_lines

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 10
# A cell line ending within this part of a character's width of its column's text edge wrapped there.
_WRAP_MARGIN = 0.5
# A page naming a unit column may hold a table without rules: from it on, words keep their positions.
_UNIT_HEADER = re.compile(alternation(LEAD_WORDS + SUPPORT_WORDS + RESPONSIBLE_WORDS))
_MIN_TABLE_COLUMNS = 3  # a ruled box of one or two columns is a frame or a note, not a task table

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
    return simplify_lines(_read(path, tables=False).lines)


def _words(page: Any) -> list[Piece]:
    """Return the page's words as pieces, placed on the whole document (top measured from page 1)."""
    return [
        Piece(w["x0"], w["doctop"], w["x1"], w["doctop"] + w["bottom"] - w["top"], w["text"])
        for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
    ]


@dataclass
class _Reading:
    """A PDF's text: its lines, where each page's lines start, the pages that are only an image."""

    found: Extracted
    lines: list[str]
    page_starts: list[int]
    image_pages: list[int]


def _read(path: Path, *, tables: bool) -> _Reading:
    """Read every page's text lines; with `tables`, also its tables and the text around them.

    Words with their positions (for a table without rules) are kept only from the first page that names
    a unit column on, and only while no ruled table has been found.
    """
    name = str(path)
    found = Extracted()
    lines: list[str] = []
    words: list[Piece] = []
    starts: list[int] = []
    images: list[int] = []
    gridding = False
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise LuoshiError(
                    ErrorCode.FILE_TOO_LARGE, path=name, pages=len(pdf.pages), limit_pages=MAX_PAGES
                )
            chars = 0
            for index, page in enumerate(pdf.pages):
                text = page.extract_text() or ""
                on_page = sum(1 for ch in text if not ch.isspace())
                chars += on_page
                if on_page < _MIN_CHARS_PER_PAGE and page.images:  # a scanned page among text pages
                    images.append(index)
                starts.append(len(lines))
                lines.extend(text.splitlines())
                if tables:
                    _page_with_tables(page, text, found)
                    gridding = not found.tables and (gridding or bool(_UNIT_HEADER.search(text)))
                    if gridding:
                        words.extend(_words(page))
                page.flush_cache()
            if chars < _MIN_CHARS_PER_PAGE * max(1, len(pdf.pages)):
                raise LuoshiError(ErrorCode.SCANNED_PDF, path=name)
            if tables and not found.tables:  # no ruled table: a table without borders, by positions
                grid = grid_table(words)
                if grid is not None:
                    found = Extracted(list(grid.before), [grid.rows], len(grid.before))
    except LuoshiError:
        raise
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # a hostile or broken PDF may fail anywhere inside the PDF library
        if _is_password_problem(exc):
            raise LuoshiError(ErrorCode.ENCRYPTED, path=name) from None
        raise unusable(name, exc) from None
    return _Reading(found, lines, starts, images)


def _page_with_tables(page: Any, text: str, found: Extracted) -> None:
    """Add a page's ruled tables (pdfplumber's finder) as tables and the text outside them as lines.

    A table continued from the page before (no header row, as many columns) joins that table, so a
    task list printed over several pages stays one table.
    """
    boxes = [t for t in page.find_tables() if len(t.rows) >= 1 and len(t.columns) >= _MIN_TABLE_COLUMNS]
    if not boxes:
        found.add_lines(text)
        return

    def outside(obj: dict[str, Any]) -> bool:
        return not any(_inside(obj, t.bbox) for t in boxes)

    found.add_lines(page.filter(outside).extract_text() or "")
    for table in boxes:
        rows = _table_rows(page, table)
        previous = found.tables[-1] if found.tables else None
        if previous and find_layout(rows) is None and len(rows[0]) == len(previous[0]):
            if rows[0] and not rows[0][0].strip() and previous[-1][0].strip():  # a row cut by the page end
                previous[-1] = [a + b for a, b in zip(previous[-1], rows.pop(0), strict=True)]
            previous.extend(rows)
        else:
            found.add_table(rows)


def _table_rows(page: Any, table: Any) -> list[list[str]]:
    """Return a ruled table's cell texts.

    A cell line that reaches the column's text edge (the right end of its longest line) wrapped there and
    joins the next line directly; a line that stops short keeps its line break, for the parser to judge
    (one unit a line, or a list broken at 、 that Chinese line breaking pushed down). A place with no cell
    of its own is covered by a merged cell above it and takes its text.
    """
    cells: list[list[list[dict[str, Any]] | None]] = []
    for row in table.rows:
        cells.append(
            [
                None
                if box is None
                # a character belongs to the cell its centre is in (its glyph box may cross the rule)
                else page.filter(lambda obj, box=box: _centre_in(obj, box)).extract_text_lines(strip=True)
                for box in row.cells
            ]
        )
    edges: dict[int, float] = {}
    for row_lines in cells:
        for col, lines in enumerate(row_lines):
            for line in lines or []:
                edges[col] = max(edges.get(col, 0.0), line["x1"])
    rows: list[list[str]] = []
    for index, row_lines in enumerate(cells):
        values = []
        for col, lines in enumerate(row_lines):
            if lines is None:
                covered = _covered_from_above(table, index, col) and rows and col < len(rows[-1])
                values.append(rows[-1][col] if covered else "")
            else:
                values.append(_joined(lines, edges[col] if lines else 0.0))
        rows.append(values)
    return rows


def _joined(lines: list[dict[str, Any]], edge: float) -> str:
    text = ""
    for index, line in enumerate(lines):
        if index:
            previous = lines[index - 1]
            width = (previous["x1"] - previous["x0"]) / max(1, len(previous["text"]))
            text += "" if previous["x1"] >= edge - _WRAP_MARGIN * width else "\n"
        text += line["text"]
    return text


def _centre_in(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _covered_from_above(table: Any, row: int, col: int) -> bool:
    """Return True when the missing cell at (row, col) lies under a cell that spans down into it."""
    if not row:
        return False
    above = table.rows[row - 1].cells[col] if col < len(table.rows[row - 1].cells) else None
    here = table.rows[row].bbox
    return above is not None and above[3] > here[1] + 1


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return bool(obj.get("x0", -1) >= x0 - 1 and obj.get("x1", -1) <= x1 + 1) and bool(
        obj.get("top", -1) >= top - 1 and obj.get("bottom", -1) <= bottom + 1
    )


def extract_pdf(path: Path) -> Extracted:
    """Return a PDF's text lines and its tables (ruled, or rebuilt from word positions)."""
    reading = _read(path, tables=True)
    return Extracted(simplify_lines(reading.lines), reading.found.tables, None)


def read_pdf(
    path: Path, *, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
) -> Plan:
    """Return the plan in a PDF with a text layer: its ruled task tables if any, else its text.

    Pages that are only an image (a scanned page put among text pages) are recognised by OCR, page by
    page with `progress`, their lines put in their place; the measures holding their text get an OCR
    doubt. Without the OCR extra they are left out and the plan says so in its warnings.
    """
    reading = _read(path, tables=True)
    plan = tables_plan(reading.found, path) if reading.found.tables else None
    if plan is not None:
        return plan
    lines, scanned = list(reading.lines), None
    if reading.image_pages:
        from desktop.importers import ocr_child, scan_file  # the OCR reader: loaded to read a scan

        if ocr_child.ocr_available():
            scanned = scan_file.ocr_pdf_pages(path, reading.image_pages, progress, should_stop)
            for index, page in sorted(zip(reading.image_pages, scanned, strict=True), reverse=True):
                at = reading.page_starts[index]
                lines[at:at] = list(page.lines)
    plan = parse_plan_lines(simplify_lines(lines), fallback_title=path.stem, path=str(path))
    if scanned is not None:
        return with_doubts_where_read(plan, scanned)
    if reading.image_pages:
        pages = "、".join(str(i + 1) for i in reading.image_pages)
        return replace(plan, warnings=(*plan.warnings, f"第 {pages} 页是图片，未安装文字识别组件，没有读出"))
    return plan
