"""Plain text plans in any encoding a clerk may have (UTF-8, BOM, GB18030/GBK, UTF-16)."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import charset_normalizer

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.importers.script import simplify_lines

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, *, path: str = "") -> str:
    """Return the text of `data`, detecting its encoding; refuse binary data."""
    text = _decode(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f\v")
    if controls > max(8, len(text) // 200):
        raise LuoshiError(ErrorCode.BINARY, path=path)
    return text


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                raise LuoshiError(ErrorCode.ENCODING, path=path) from None
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        encoding = "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise LuoshiError(ErrorCode.BINARY, path=path) from None
    if b"\x00" in data:
        raise LuoshiError(ErrorCode.BINARY, path=path)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise LuoshiError(ErrorCode.ENCODING, path=path)
    return str(best)


def read_text_lines(path: Path) -> list[str]:
    """Return the lines of a text file in whatever encoding it was saved."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LuoshiError(
            ErrorCode.FILE_UNREADABLE, path=str(path), reason=exc.strerror or str(exc)
        ) from None
    return simplify_lines(decode(data, path=str(path)).splitlines())
