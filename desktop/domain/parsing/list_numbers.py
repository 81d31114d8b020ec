"""Automatic list numbers as a reader sees them ('1.', '（一）', '①'), from Word's level definitions.

Shared by the .docx reader (numbering.xml) and the .doc reader (the binary LST/LFO tables): each gives the
levels of a list, and ListCounters advances them paragraph by paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CN = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Return 1–99 in Chinese counting (一, 十二, 二十三); larger numbers in digits."""
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def format_number(value: int, fmt: str) -> str:
    """Return `value` in the number format named as OOXML names it (decimal, chineseCounting, …)."""
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwanese")):
        return chinese_number(value)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= value <= 20:
        return chr(ord("①") + value - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


@dataclass
class Level:
    """One level of a list: where it starts, its number format and its text ('%1.' shows level 1)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class ListCounters:
    """The running numbers of every list in a document."""

    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # list -> level -> value

    def advance(self, list_key: str, levels: dict[int, Level], ilvl: int) -> str:
        """Count one more paragraph at `ilvl` of the list and return the number it shows."""
        level = levels.get(ilvl, Level())
        counters = self.counters.setdefault(list_key, {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def render(match: re.Match[str]) -> str:
            """Return the number a '%N' placeholder stands for, in its level's format."""
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            return format_number(counters.get(index, shown.start), shown.fmt)

        return re.sub(r"%(\d)", render, level.text) if level.fmt != "bullet" else ""
