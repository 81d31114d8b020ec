"""Refuse Office files that are zip bombs or carry DTDs (XXE, billion laughs) before parsing them."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_ENTRY_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))


def check_office_zip(path: Path) -> None:
    """Raise ZIP_BOMB, UNSAFE_XML or CORRUPT when an OOXML package is not safe to open."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise LuoshiError(ErrorCode.ZIP_BOMB, path=name)
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if (
                    info.file_size > MAX_ENTRY_BYTES
                    or total > MAX_TOTAL_BYTES
                    or (ratio > MAX_RATIO and info.file_size > 10 * 1024 * 1024)
                ):
                    raise LuoshiError(ErrorCode.ZIP_BOMB, path=name)
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _check_xml(archive, info, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise LuoshiError(ErrorCode.CORRUPT, path=name) from None
    except OSError as exc:
        raise LuoshiError(ErrorCode.CORRUPT, path=name, reason=str(exc)) from None


def _check_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    # A DTD must come before the root element; OOXML parts never carry one.
    with archive.open(info) as handle:
        head = handle.read(64 * 1024)
    upper = head.upper()
    if any(marker.upper() in upper for marker in _DTD_MARKERS):
        raise LuoshiError(ErrorCode.UNSAFE_XML, path=name, part=info.filename)
