"""Scanned plans, PDFs without a text layer and photographed or scanned pages, read by offline OCR.

The recogniser is rapidocr-onnxruntime (Apache-2.0): its detection and recognition models ship inside the
wheel, nothing is downloaded. It is an optional extra (`pip install .[ocr]`); without it a scan is refused
with a message saying so. Pages are rendered at 200 dpi (pypdfium2, already there for pdfplumber), the red
ink of seals is washed out first, and each page is read in turn so the caller can show progress and stop.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.grid_tables import Piece
from desktop.domain.parsing.ocr_text import (
    MAX_TILT,
    Progress,
    ScannedText,
    TextBox,
    join_pages,
    page_text,
    with_scan_doubts,
)
from desktop.importers.extracted import table_or_text
from desktop.importers.failures import unusable
from desktop.importers.ofd_file import ofd_page_images

DPI = 200
MAX_PAGES = 300
MAX_PIXELS = 60_000_000  # a page image larger than about 7,700 × 7,700 is refused, not decoded


def ocr_available() -> bool:
    """Return True when the OCR extra is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # rapidocr: loaded to read a scan (its models take 0.2 s)

    return RapidOCR()


def _pdf_pages(path: Path, indices: list[int] | None = None) -> tuple[int, Iterator[Any]]:
    """Return how many pages and the pages (all, or those of `indices`) rendered at DPI."""
    import pypdfium2  # pypdfium2: loaded to read a scan

    document = pypdfium2.PdfDocument(str(path))
    chosen = list(range(len(document))) if indices is None else indices

    def pages() -> Iterator[Any]:
        try:
            for index in chosen:
                page = document[index]
                width, height = page.get_size()
                scale = DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path))
                yield page.render(scale=scale).to_pil().convert("RGB")
        finally:
            document.close()

    return len(chosen), pages()


def _ofd_pages(path: Path) -> tuple[int, Iterator[Any]]:
    from PIL import Image  # Pillow: loaded to read a scan

    images = ofd_page_images(path)

    def pages() -> Iterator[Any]:
        for data in images:
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path))
                yield image.convert("RGB")

    return len(images), pages()


def _image_pages(path: Path) -> tuple[int, Iterator[Any]]:
    from PIL import Image, ImageSequence  # Pillow: loaded to read a scan

    image = Image.open(path)  # reads the header only
    if image.width * image.height > MAX_PIXELS:  # refused before a pixel is decoded
        image.close()
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path))
    count = getattr(image, "n_frames", 1)

    def pages() -> Iterator[Any]:
        with image:
            for frame in ImageSequence.Iterator(image):  # a multi-page TIFF gives each page
                yield frame.convert("RGB")

    return count, pages()


def _without_red(picture: Any) -> Any:
    """Return the page as an array with red ink (the seal) turned white."""
    import numpy  # numpy: loaded to read a scan

    pixels = numpy.asarray(picture).copy()
    red, green, blue = (pixels[..., i].astype(numpy.int16) for i in range(3))
    seal = (red > 140) & (red - green > 60) & (red - blue > 60)
    pixels[seal] = 255
    return pixels


def _boxes(pixels: Any) -> list[TextBox]:
    result, _ = _engine()(pixels, use_cls=False, return_word_box=True)
    boxes = []
    for item in result or []:
        quad, text, score = item[0], str(item[1]), float(item[2])
        words = item[4] if len(item) > 5 and isinstance(item[4], list) else []
        scores = item[5] if len(item) > 5 and isinstance(item[5], list) else []
        confidences = [float(s) for word, s in zip(words, scores, strict=False) for _ in str(word)]
        if len(confidences) != len(text):
            confidences = [score] * len(text)
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        run = quad[1][0] - quad[0][0]
        tilt = (quad[1][1] - quad[0][1]) / run if run else 1.0
        boxes.append(TextBox(min(xs), min(ys), max(xs), max(ys), text, tuple(confidences), tilt))
    return boxes


def _recognise(
    path: Path,
    counted: tuple[int, Iterator[Any]],
    numbers: list[int],
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
) -> tuple[list[ScannedText], list[Piece]]:
    """Recognise each page in turn (progress before each, stop between them).

    Returns each page's text (named by `numbers`) and every box as a piece, pages stacked top to bottom,
    for a table without text.
    """
    count, pages = counted
    if count > MAX_PAGES:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path), pages=count, limit_pages=MAX_PAGES)
    read: list[ScannedText] = []
    pieces: list[Piece] = []
    below = 0.0
    try:
        for done, picture in enumerate(pages):
            if should_stop is not None and should_stop():
                raise Cancelled
            if progress is not None:
                progress(done, count)
            boxes = _boxes(_without_red(picture))
            read.append(page_text(boxes, picture.width, picture.height, numbers[done]))
            pieces.extend(
                Piece(b.x0, b.y0 + below, b.x1, b.y1 + below, b.text)
                for b in boxes
                if abs(b.tilt) <= MAX_TILT and b.text.strip()
            )
            below += picture.height
    except (LuoshiError, Cancelled):
        raise
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path)) from None
    except Exception as exc:  # a damaged image or PDF fails anywhere inside the decoders
        raise unusable(str(path), exc) from None
    return read, pieces


def ocr_pdf_pages(
    path: Path,
    indices: list[int],
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[ScannedText]:
    """Recognise some pages of a text PDF (those that are only an image), with progress and stop."""
    numbers = [i + 1 for i in indices]
    return _recognise(path, _pdf_pages(path, indices), numbers, progress, should_stop)[0]


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
    try:
        counted = _pdf_pages(path) if pdf else _ofd_pages(path) if ofd else _image_pages(path)
    except LuoshiError:
        raise
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # a damaged image or PDF fails anywhere inside the decoders
        raise unusable(name, exc) from None
    read, pieces = _recognise(path, counted, list(range(1, counted[0] + 1)), progress, should_stop)
    scanned = join_pages(read)
    if not any(line.strip() for line in scanned.lines):
        raise LuoshiError(ErrorCode.NO_TEXT_IN_SCAN, path=name)
    plan = table_or_text(pieces, list(scanned.lines), path)
    return with_scan_doubts(plan, scanned.unsure)
