"""Tell a file's real format from its first bytes, whatever its extension says."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

import olefile

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.importers.failures import unusable

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_BYTES = {"text": 20 * 1024 * 1024, "other": 100 * 1024 * 1024}


class Format(StrEnum):
    """The formats Luoshi reads."""

    TEXT = "text"
    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"
    DOC = "doc"  # Word 97–2003 .doc and WPS .wps (the Word binary layout)
    XLS = "xls"  # Excel 97–2003 .xls and WPS .et (BIFF8)
    OFD = "ofd"  # GB/T 33190 版式文件
    IMAGE = "image"  # a scanned page: PNG, JPEG, TIFF, BMP
    HTML = "html"  # a web page, often saved as .doc by a site or an OA system
    MHT = "mht"  # a single-file web archive (MIME), Word's 单个文件网页
    WORDML = "wordml"  # Word 2003 XML (XML 文档), also saved as .doc
    ODS = "ods"  # OpenDocument spreadsheet


# First bytes of the image formats a scanner or phone writes.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


def sniff(path: Path) -> Format:
    """Return the file's format or raise a LuoshiError saying why it cannot be read."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError:
        raise LuoshiError(ErrorCode.FILE_NOT_FOUND, path=name) from None
    except OSError as exc:
        raise LuoshiError(ErrorCode.FILE_UNREADABLE, path=name, reason=exc.strerror or str(exc)) from None
    blank = not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")
    if size == 0 or (blank and size <= len(head)):  # a large file of zeros is not empty: its size speaks
        raise LuoshiError(ErrorCode.FILE_EMPTY, path=name)
    if head.startswith(_CFB_MAGIC):
        _check_size(path, size, "other")
        return _compound_kind(path)
    old = _old_version(head)
    if old:
        raise LuoshiError(ErrorCode.OLD_VERSION, path=name, version=old)
    if head.startswith(b"{\\rtf"):
        raise LuoshiError(ErrorCode.LEGACY_OFFICE, path=name, suffix=".rtf")
    if b"%PDF-" in head[:1024]:
        _check_size(path, size, "other")
        return Format.PDF
    if head.startswith(b"PK"):
        _check_size(path, size, "other")
        return _zip_kind(path)
    if head.startswith(_IMAGE_MAGIC):
        _check_size(path, size, "other")
        return Format.IMAGE
    _check_size(path, size, "text")
    return _markup_kind(head)


def _markup_kind(head: bytes) -> Format:
    """Tell HTML, MHT and Word 2003 XML (often named .doc) from plain text by their first bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        peek = head.replace(b"\x00", b"")  # UTF-16: ASCII markup shows once the zero bytes go
    else:
        peek = head
    lower = peek[:4096].lower().lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if lower.startswith(b"mime-version:") or (b"content-type: multipart/related" in lower[:2048]):
        return Format.MHT
    if b"<w:worddocument" in lower or b'progid="word.document"' in lower:
        return Format.WORDML
    if (
        lower.startswith((b"<!doctype html", b"<html"))
        or b"<html" in lower[:1024]
        or b"<body" in lower[:2048]
    ):
        return Format.HTML
    return Format.TEXT


# First bytes of office files older than the 1997 formats (no compound file around them).
_OLD_MAGIC = (
    (b"\xdb\xa5", "Word 2.0"),
    (b"\x31\xbe\x00\x00", "Word 1.0"),
    (b"\x09\x02\x06\x00", "Excel 3.0"),
    (b"\x09\x04\x06\x00", "Excel 4.0"),
    (b"\x09\x00\x04\x00", "Excel 2.0"),
)
_WORD_97_NFIB = 0x00C1  # nFib of Word 97 and later; Word 6.0 writes 101, Word 95 104


def _old_version(head: bytes) -> str:
    return next((name for magic, name in _OLD_MAGIC if head.startswith(magic)), "")


def _check_size(path: Path, size: int, kind: str) -> None:
    if size > MAX_BYTES[kind]:
        raise LuoshiError(
            ErrorCode.FILE_TOO_LARGE,
            path=str(path),
            size_mb=size // (1024 * 1024),
            limit_mb=MAX_BYTES[kind] // (1024 * 1024),
        )


def _zip_kind(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):  # e.g. "zip file version 12.6"
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "OFD.xml" in names or any(n.lower().endswith("ofd.xml") for n in names):
        return Format.OFD
    if "content.xml" in names and "mimetype" in names:
        with zipfile.ZipFile(path) as archive:
            mimetype = archive.read("mimetype")[:100]
        if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            return Format.ODS
    raise LuoshiError(ErrorCode.UNSUPPORTED_FORMAT, path=str(path), suffix=path.suffix.lower())


def _compound_kind(path: Path) -> Format:
    """Tell a Word/WPS document from an Excel/WPS workbook by the streams inside the compound file."""
    name = str(path)
    try:
        with olefile.OleFileIO(name) as ole:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
    except Exception as exc:  # a truncated or hostile compound file fails anywhere inside olefile
        raise unusable(name, exc) from None
    if "EncryptedPackage" in streams:  # a password-protected .docx/.xlsx
        raise LuoshiError(ErrorCode.ENCRYPTED, path=name)
    if "WordDocument" in streams:
        with olefile.OleFileIO(name) as ole:
            fib = ole.openstream("WordDocument").read(4)
        if len(fib) == 4 and int.from_bytes(fib[2:4], "little") < _WORD_97_NFIB:
            raise LuoshiError(ErrorCode.OLD_VERSION, path=name, version="Word 6.0/95")
        return Format.DOC
    if streams & {"Workbook", "Book"}:
        return Format.XLS
    raise LuoshiError(ErrorCode.LEGACY_OFFICE, path=name, suffix=path.suffix.lower() or ".doc")
