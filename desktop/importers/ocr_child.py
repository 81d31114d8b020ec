"""The OCR child process: decode a scan's pages, wash the seals, recognise the text, send back the boxes.

Everything heavy of a scan lives here and ends with the process: rapidocr, onnxruntime and OpenCV (whose
import rewrites environment variables such as QT_QPA_PLATFORM_PLUGIN_PATH and LD_LIBRARY_PATH), the page
images, the decoders that meet the untrusted file (pypdfium2, Pillow), and the memory of all of them.
`ocr_process` starts it and reads its messages, all tuples:

- ("count", pages)                           the number of pages that will be read
- ("page", index, width, height, boxes)      one page's text boxes (TextBox values)
- ("refused", code, path, params, details)   a LuoshiError, or a library failing on the file (details: the
                                             traceback, logged by the parent)
- ("bug", traceback)                         an exception raised by our own code
- ("done",)
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import io
import sys
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.parsing.ocr_text import TextBox
from desktop.importers.failures import raised_by_us
from desktop.importers.ofd_file import ofd_page_images
from desktop.importers.seal_wash import without_seals

DPI = 200
MAX_PAGES = 300
MAX_PIXELS = 60_000_000  # a page image larger than about 7,700 × 7,700 is refused, not decoded
# The detector looks at the page with its longer side at most this long (1280 × 905 for a 200-dpi A4 page);
# the recogniser still reads each line it found from the page itself (up to rapidocr's 2000), so small
# characters keep their strokes. rapidocr sizes the detector's input from the page alone (2000 for any
# page over 1500 pixels: 2.8 million pixels and 0.9 GB at the peak) and its det_limit_side_len has no say
# when the limit type is "max", so the detector's sizing is replaced here (`_bounded_detection`).
DETECTION_SIDE = 1280
REC_BATCH = 1  # a batch is padded to its widest line: one line at a time is faster and smaller here
THREADS = 2  # onnxruntime's threads; the window keeps working beside them


ADDON = "ocr"  # the add-on folder beside a bundled program (build/split_ocr.py)


def addon_folder() -> Path | None:
    """Return the OCR add-on folder of a bundled program, or None when not bundled or not installed."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent / ADDON
    return folder if (folder / "rapidocr_onnxruntime").is_dir() else None


def ocr_available() -> bool:
    """Return True when the OCR libraries are here: installed (a checkout) or the bundle's add-on."""
    return addon_folder() is not None or importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _bounded_detection(engine: Any) -> Any:
    """Make rapidocr's detector resize every page to DETECTION_SIDE on its longer side (see above)."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess  # rapidocr: the child's one job

    detector = engine.text_det
    if not callable(getattr(detector, "get_preprocess", None)):  # rapidocr's layout changed: say so
        raise RuntimeError("rapidocr's detector has no get_preprocess: check OCR_PACKAGE in the Makefile")
    mean, std = detector.mean, detector.std
    detector.get_preprocess = lambda _longer_side: DetPreProcess(DETECTION_SIDE, "max", mean, std)
    return engine


def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # rapidocr: the child's one job

    engine = RapidOCR(rec_batch_num=REC_BATCH, intra_op_num_threads=THREADS, inter_op_num_threads=1)
    return _bounded_detection(engine)


def pdf_pages(path: Path, indices: list[int] | None) -> tuple[int, Iterator[Any]]:
    """Return how many pages and the pages (all, or those of `indices`) rendered at DPI."""
    import pypdfium2  # pypdfium2: the child renders the pages

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


def ofd_pages(path: Path) -> tuple[int, Iterator[Any]]:
    """Return how many pages and the page images of a scanner's OFD."""
    from PIL import Image  # Pillow: the child decodes the pages

    images = ofd_page_images(path)

    def pages() -> Iterator[Any]:
        for data in images:
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path))
                yield image.convert("RGB")

    return len(images), pages()


def image_pages(path: Path) -> tuple[int, Iterator[Any]]:
    """Return how many pages and the pages of a picture (each page of a multi-page TIFF)."""
    from PIL import Image, ImageSequence  # Pillow: the child decodes the pages

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


def boxes(engine: Any, pixels: Any) -> list[TextBox]:
    """Recognise one page array into text boxes, each character with its confidence."""
    result, _ = engine(pixels, use_cls=False, return_word_box=True)
    found = []
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
        found.append(TextBox(min(xs), min(ys), max(xs), max(ys), text, tuple(confidences), tilt))
    return found


def _give_back_memory() -> None:
    """Hand the heap freed by the last page back to the system (glibc keeps it otherwise).

    The recogniser allocates differently sized buffers for every line; glibc's malloc keeps what they
    freed, fragmented, and the next page allocates beside it: the child grew by some 40 MB a page.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # not glibc (musl): nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _read(out: Connection, kind: str, path: Path, indices: list[int] | None) -> None:
    count, pages = (
        pdf_pages(path, indices) if kind == "pdf" else ofd_pages(path) if kind == "ofd" else image_pages(path)
    )
    if count > MAX_PAGES:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=str(path), pages=count, limit_pages=MAX_PAGES)
    out.send(("count", count))
    engine = None
    for index, picture in enumerate(pages):
        if engine is None:
            engine = _engine()  # after the first page decoded: a broken file is told before the models load
        out.send(("page", index, picture.width, picture.height, boxes(engine, without_seals(picture))))
        del picture
        _give_back_memory()
    out.send(("done",))


def serve(out: Connection, kind: str, path: str, indices: list[int] | None) -> None:
    """Read the scan at `path` (`kind`: pdf, ofd or image) and send its pages' boxes down `out`."""
    addon = addon_folder()
    if addon is not None:
        sys.path.insert(0, str(addon))  # the child alone loads the OCR libraries
    try:
        _read(out, kind, Path(path), indices)
    except LuoshiError as refused:
        out.send(("refused", refused.code.value, refused.path, refused.params, ""))
    except MemoryError:
        out.send(("refused", ErrorCode.FILE_TOO_LARGE.value, path, {}, ""))
    except Exception as exc:  # a damaged image or PDF fails anywhere inside the decoders
        details = traceback.format_exc()
        if raised_by_us(exc):
            out.send(("bug", details))
        else:
            out.send(("refused", ErrorCode.CORRUPT.value, path, {}, details))
    finally:
        out.close()
