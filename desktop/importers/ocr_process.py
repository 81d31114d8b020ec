"""Run OCR in a child process (`ocr_child`) and hand its pages back, with progress, stop and crash handling.

Why a process and not a thread: OpenCV's import rewrites QT_QPA_* and LD_LIBRARY_PATH, which the window and
every program it starts later (soffice) would inherit; onnxruntime keeps its memory arena for the life of
the process; a decoder or the recogniser can crash or be killed for memory; and a thread inside a native
call cannot be stopped. In a child, all of that ends with it: the environment here is untouched, memory
goes back to the system when a scan is done, stop kills it at once, and a crash is a message.

The child is started with "spawn" on every platform (a fork of a process running Qt threads is unsafe);
a frozen build calls multiprocessing.freeze_support() first thing (build/entry.py).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.domain.parsing.ocr_text import Progress, TextBox
from desktop.importers import ocr_child

POLL_SECONDS = 0.1  # how often a waiting parent asks `should_stop`: a stop ends the child within this
log = logging.getLogger("luoshi.importers")


class ChildBug(RuntimeError):
    """Our own code failed inside the OCR child; carries the child's traceback (to the crash log)."""


def _ended(path: Path, child: Any) -> LuoshiError:
    """Return the clerk's error for a child that ended without answering, by how it ended."""
    code = child.exitcode
    reason = "内存不足被系统终止" if code in (-9, 137) else f"退出代码 {code}"
    log.error("OCR child for %s ended with exit code %s", path, code)
    return LuoshiError(ErrorCode.OCR_FAILED, path=str(path), reason=reason)


def recognise_pages(
    path: Path,
    kind: str,
    indices: list[int] | None = None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, int, int, list[TextBox]]]:
    """Yield (page index, width, height, boxes) for each page of the scan, read in a child process.

    `kind` is "pdf", "ofd" or "image"; `indices` chooses pages of a PDF. Calls `progress(done, total)`
    before each page, raises Cancelled within POLL_SECONDS of `should_stop` turning true, LuoshiError for
    a refused file or a child that died, and ChildBug for a bug of ours inside the child.
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=ocr_child.serve, args=(send, kind, str(path), indices), name="luoshi-ocr", daemon=True
    )
    child.start()
    send.close()  # the child holds the only sending end: its death reads as EOF here
    total = 0
    try:
        while True:
            if should_stop is not None and should_stop():
                raise Cancelled
            if not receive.poll(POLL_SECONDS):
                continue
            try:
                message = receive.recv()
            except EOFError:
                child.join(5)
                raise _ended(path, child) from None
            kind_of = message[0]
            if kind_of == "count":
                total = int(message[1])
                if progress is not None and total:
                    progress(0, total)
            elif kind_of == "page":
                index, width, height, boxes = message[1:]
                yield index, width, height, boxes
                if progress is not None and index + 1 < total:
                    progress(index + 1, total)
            elif kind_of == "refused":
                code, where, params, details = message[1:]
                if details:
                    log.warning("unreadable file %s (in the OCR child):\n%s", path, details)
                raise LuoshiError(ErrorCode(code), path=where, **params)
            elif kind_of == "bug":
                raise ChildBug(f"OCR child failed on {path}:\n{message[1]}")
            else:  # "done"
                return
    finally:
        receive.close()
        if child.is_alive():
            child.kill()  # a stop, a refusal raised here, or the caller leaving early
        child.join()
