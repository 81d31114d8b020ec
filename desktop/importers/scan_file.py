"""Scanned plans, PDFs without a text layer and photographed or scanned pages, read by offline OCR.

The recogniser is rapidocr-onnxruntime (Apache-2.0): its detection and recognition models ship inside the
wheel, nothing is downloaded. It is an optional extra (`pip install .[ocr]`); without it a scan is refused
with a message saying so. The pages are decoded, rendered at 200 dpi, washed of round red seals and
recognised in a child process (`ocr_process`, `ocr_child`); here they are put in reading order and parsed,
each page in turn so the caller can show progress and stop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.grid_tables import Piece
from desktop.domain.parsing.ocr_text import (
    MAX_TILT,
    Progress,
    ScannedText,
    join_pages,
    page_text,
    with_scan_doubts,
)
from desktop.importers.extracted import table_or_text
from desktop.importers.ocr_child import ocr_available
from desktop.importers.ocr_process import recognise_pages


def _recognise(
    path: Path,
    kind: str,
    indices: list[int] | None,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> tuple[list[ScannedText], list[Piece]]:
    """Recognise each page in turn (progress before each, stop at any time).

    Returns each page's text (numbered from `indices`, or from 1) and every box as a piece, pages stacked
    top to bottom, for a table without text.
    """
    read: list[ScannedText] = []
    pieces: list[Piece] = []
    below = 0.0
    pages = recognise_pages(path, kind, indices, progress=progress, should_stop=should_stop)
    for index, width, height, boxes in pages:
        number = indices[index] + 1 if indices is not None else index + 1
        read.append(page_text(boxes, width, height, number))
        pieces.extend(
            Piece(b.x0, b.y0 + below, b.x1, b.y1 + below, b.text)
            for b in boxes
            if abs(b.tilt) <= MAX_TILT and b.text.strip()
        )
        below += height
    return read, pieces


def ocr_pdf_pages(
    path: Path,
    indices: list[int],
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[ScannedText]:
    """Recognise some pages of a text PDF (those that are only an image), with progress and stop."""
    return _recognise(path, "pdf", indices, progress, should_stop)[0]


def read_scan(
    path: Path,
    *,
    pdf: bool,
    ofd: bool = False,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Plan:
    """Recognise every page of a scanned PDF (`pdf`), OFD (`ofd`) or image and parse it.

    Each measure carries a doubt naming the characters read with little confidence.
    """
    name = str(path)
    if not ocr_available():
        raise LuoshiError(ErrorCode.SCANNED_PDF, path=name)
    kind = "pdf" if pdf else "ofd" if ofd else "image"
    read, pieces = _recognise(path, kind, None, progress, should_stop)
    scanned = join_pages(read)
    if not any(line.strip() for line in scanned.lines):
        raise LuoshiError(ErrorCode.NO_TEXT_IN_SCAN, path=name)
    plan = table_or_text(pieces, list(scanned.lines), path)
    return with_scan_doubts(plan, scanned.unsure)
