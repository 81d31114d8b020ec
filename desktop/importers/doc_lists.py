"""Automatic list numbers of a Word 97–2003 document: the LST and LFO tables of its table stream.

A numbered paragraph names a list format override (sprmPIlfo, 1-based) and a level (sprmPIlvl); the
override names a list (LSTF, by lsid), whose levels (LVL) give the start, the number format (nfc) and the
text with level placeholders (characters 0–8), like numbering.xml's abstractNum in a .docx.
"""

from __future__ import annotations

import struct
from dataclasses import replace

from desktop.domain.parsing.list_numbers import Level
from desktop.importers.doc_binary import FC_PLF_LFO, FC_PLF_LST, DocFormatError, Fib, u16, u32

# MSONFC values as OOXML names them (the same order as ST_NumberFormat).
NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    10: "ideographDigital",
    11: "japaneseCounting",
    14: "decimalFullWidth",
    18: "decimalEnclosedCircle",
    22: "decimalZero",
    23: "bullet",
    28: "decimalEnclosedCircleChinese",
    33: "taiwaneseCounting",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    255: "none",
}
MAX_LISTS = 10_000


def _signed(value: int) -> int:
    return int(struct.unpack("<i", struct.pack("<I", value))[0])


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """Read one LVL at `at`; return it and where the next begins."""
    start = _signed(u32(table, at))
    nfc = table[at + 4]
    after = at + 28 + table[at + 25] + table[at + 24]  # LVLF, then grpprlPapx and grpprlChpx
    count = u16(table, after)
    raw = table[after + 2 : after + 2 + 2 * count]
    if len(raw) != 2 * count:
        raise DocFormatError("list level past the end")
    text = "".join(f"%{ord(c) + 1}" if ord(c) < 9 else c for c in raw.decode("utf-16-le", errors="replace"))
    return Level(start=start, fmt=NFC.get(nfc, "decimal"), text=text), after + 2 + 2 * count


def _list_levels(table: bytes, fib: Fib) -> dict[int, dict[int, Level]]:
    """Return each list's levels by its lsid: the LSTFs, then their LVLs one list after another."""
    fc, lcb = fib.pair(FC_PLF_LST)
    if lcb == 0:
        return {}
    count = u16(table, fc)
    if count > MAX_LISTS:
        raise DocFormatError("too many lists")
    lists = [(u32(table, fc + 2 + 28 * i), bool(table[fc + 2 + 28 * i + 26] & 1)) for i in range(count)]
    at = fc + 2 + 28 * count
    levels_of: dict[int, dict[int, Level]] = {}
    for lsid, simple in lists:
        levels: dict[int, Level] = {}
        for ilvl in range(1 if simple else 9):
            levels[ilvl], at = _level(table, at)
        levels_of[lsid] = levels
    return levels_of


def read_lists(table: bytes, fib: Fib) -> dict[int, tuple[str, dict[int, Level]]]:
    """Return, by override index (1-based), the key of its list and the levels it numbers with."""
    levels_of = _list_levels(table, fib)
    fc, lcb = fib.pair(FC_PLF_LFO)
    if not levels_of or lcb == 0:
        return {}
    count = u32(table, fc)
    if count > MAX_LISTS:
        raise DocFormatError("too many list overrides")
    overrides = [(u32(table, fc + 4 + 16 * i), table[fc + 4 + 16 * i + 12]) for i in range(count)]
    at = fc + 4 + 16 * count  # then each override's LFOData: a cp and its changed levels
    found: dict[int, tuple[str, dict[int, Level]]] = {}
    for index, (lsid, changed) in enumerate(overrides, start=1):
        levels = dict(levels_of.get(lsid, {}))
        at += 4  # LFOData's cp
        for _ in range(changed):
            start, flags = _signed(u32(table, at)), u32(table, at + 4)
            at += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: a whole level follows
                levels[ilvl], at = _level(table, at)
            elif flags & 0x10 and ilvl in levels:  # fStartAt
                levels[ilvl] = replace(levels[ilvl], start=start)
        found[index] = (str(lsid), levels)
    return found
