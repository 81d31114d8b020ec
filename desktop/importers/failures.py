"""Tell a file the libraries cannot read (the clerk is told: 文件已损坏) from a bug of ours (a crash).

A reader guards its library calls broadly, because python-docx, openpyxl, olefile, xlrd, pdfplumber and
the image decoders fail in many ways on a hostile or damaged file. An exception raised by our own code
inside such a block is a bug, though: it must reach the crash log with its traceback, not become
"文件已损坏". The innermost frame of the traceback says whose it is.
"""

from __future__ import annotations

import logging
import struct
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError

# Our modules, by name (a frozen build has no file paths to go by); tests count as ours, since a test
# may put a deliberate bug into a reader.
_OURS = ("desktop", "tests", "bench", "__main__")
log = logging.getLogger("luoshi.importers")


class FileFault(ValueError):
    """Raised by our own readers for a file they find broken (a short read, a missing part): not a bug."""


def raised_by_us(exc: BaseException) -> bool:
    """Return True when the innermost frame of `exc`'s traceback is in one of our modules.

    A FileFault is the file's, wherever it is raised; so is struct.error, which our binary readers meet
    when a file is shorter than its own tables say (it comes from C, the frame is ours).
    """
    if isinstance(exc, FileFault | struct.error):
        return False
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module.split(".")[0] in _OURS


def unusable(path: Path | str, exc: BaseException) -> LuoshiError:
    """Return the clerk's error for a file a library failed on, logged first with its traceback.

    Call it in an `except` clause: an exception our own code raised is re-raised there unchanged.
    """
    if raised_by_us(exc):
        raise exc
    log.warning("unreadable file %s: %s", path, type(exc).__name__, exc_info=exc)
    return LuoshiError(ErrorCode.CORRUPT, path=str(path))
