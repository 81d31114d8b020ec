"""Fold traditional-character text (mirrors, Taiwan copies) to simplified before parsing."""

from __future__ import annotations

from functools import cache

from opencc import OpenCC

_PROBE = 4000  # decide on the head and the tail; convert everything only when they are traditional
_MIN_SHARE = 0.01  # convert only when clearly traditional: simplified text must pass untouched


@cache
def _converter() -> OpenCC:
    return OpenCC("t2s")


def simplify(text: str) -> str:
    """Return `text` in simplified characters when it is written in traditional ones."""
    if len(text) > 2 * _PROBE:
        head, tail = text[:_PROBE], text[-_PROBE:]
        if simplify(head) is head and simplify(tail) is tail:
            return text
    converted = _converter().convert(text)
    if converted == text:
        return text
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    return converted if changed >= max(3, int(len(text) * _MIN_SHARE)) else text


def simplify_lines(lines: list[str]) -> list[str]:
    """Return `lines` folded to simplified characters when the whole text is traditional."""
    joined = "\n".join(lines)
    folded = simplify(joined)
    return lines if folded is joined else folded.split("\n")


def simplify_rows(rows: list[list[str]]) -> list[list[str]]:
    """Return table rows folded to simplified characters when the table is traditional."""
    flat = "\u0001".join("\u0002".join(row) for row in rows)
    folded = simplify(flat)
    if folded is flat:
        return rows
    return [row.split("\u0002") for row in folded.split("\u0001")]
