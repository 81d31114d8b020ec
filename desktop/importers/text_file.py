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


def _plausible_share(text: str) -> float:
    good = sum(
        1
        for ch in text
        if ch.isspace()
        or " " <= ch <= "~"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return good / max(1, len(text))


def _utf16_without_bom(data: bytes) -> str | None:
    """Return the text when `data` is UTF-16 without a byte-order mark (either order), else None."""
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text[:20000])
        if best is None or share > best[0]:
            best = (share, text)
    return best[1] if best and best[0] > 0.95 else None


def decode(data: bytes, *, path: str = "") -> str:
    """Return the text of `data`, detecting its encoding; refuse binary data."""
    text = _decode(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f\v")
    if controls > max(8, len(text) // 200):
        raise LuoshiError(ErrorCode.BINARY, path=path)
    return text


def _utf8_cut_short(data: bytes) -> str | None:
    """Return `data` as UTF-8; a file cut inside its last character (a copy broken off) loses that character."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")
        return None


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                raise LuoshiError(ErrorCode.ENCODING, path=path) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise LuoshiError(ErrorCode.BINARY, path=path)
        return utf16
    cut = _utf8_cut_short(data)
    if cut is not None:
        return cut
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
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
