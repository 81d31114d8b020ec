"""The Word 97–2003 binary layout ([MS-DOC]) as far as reading a plan needs it.

The FIB (where things are), the piece table (which bytes hold which characters, 8-bit or UTF-16), and the
paragraph properties in the FKP pages: whether a paragraph mark ends a table cell or a table row, and
which list and level it is numbered in. Standard library only; olefile hands over the streams.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass

from desktop.importers.failures import FileFault

WORD_IDENT = 0xA5EC
# Indexes into the FIB's FibRgFcLcb97 (pairs of table-stream offset and size).
FC_PLCF_BTE_PAPX = 13
FC_CLX = 33
FC_PLF_LST = 73
FC_PLF_LFO = 74
CCP_TEXT = 3  # index into FibRgLw97: characters of the main document (then footnotes, headers …)
# Paragraph sprms read here.
SPRM_IN_TABLE = 0x2416
SPRM_TTP = 0x2417  # the mark ends a table row
SPRM_INNER_TTP = 0x244C
SPRM_ITAP = 0x6649  # table depth
SPRM_ILVL = 0x260A
SPRM_ILFO = 0x460B
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
# Bytes 0x80–0x9F of an 8-bit piece are cp1252's, not Latin-1's ([MS-DOC] 2.4.1).
_CP1252 = bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace")


class DocFormatError(FileFault):
    """The stream is not a Word 97–2003 document, or one of its structures is out of bounds."""


@dataclass(frozen=True)
class Fib:
    """What the reader needs from the File Information Block."""

    table_stream: str  # 0Table or 1Table
    encrypted: bool
    ccp_text: int
    pairs: tuple[tuple[int, int], ...]  # (fc, lcb) of FibRgFcLcb

    def pair(self, index: int) -> tuple[int, int]:
        """Return (offset, size) in the table stream, (0, 0) when the FIB is too short to have it."""
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


def u16(data: bytes, at: int) -> int:
    """Return the little-endian 16-bit value at `at`, raising DocFormatError past the end."""
    if at < 0 or at + 2 > len(data):
        raise DocFormatError("short read")
    return int(struct.unpack_from("<H", data, at)[0])


def u32(data: bytes, at: int) -> int:
    """Return the little-endian 32-bit value at `at`, raising DocFormatError past the end."""
    if at < 0 or at + 4 > len(data):
        raise DocFormatError("short read")
    return int(struct.unpack_from("<I", data, at)[0])


def read_fib(word: bytes) -> Fib:
    """Parse the FIB at the start of the WordDocument stream."""
    if u16(word, 0) != WORD_IDENT:
        raise DocFormatError("not a Word document")
    flags = u16(word, 0x0A)
    at = 32
    csw = u16(word, at)
    at += 2 + 2 * csw
    cslw = u16(word, at)
    lw_at = at + 2
    at = lw_at + 4 * cslw
    if cslw <= CCP_TEXT:
        raise DocFormatError("FIB too short")
    count = u16(word, at)
    at += 2
    pairs = tuple((u32(word, at + 8 * i), u32(word, at + 8 * i + 4)) for i in range(min(count, 200)))
    return Fib(
        table_stream="1Table" if flags & 0x0200 else "0Table",
        encrypted=bool(flags & 0x0100),
        ccp_text=u32(word, lw_at + 4 * CCP_TEXT),
        pairs=pairs,
    )


def sprms(grpprl: bytes) -> dict[int, bytes]:
    """Return each property's operand in a grpprl (the last one wins, as in Word)."""
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(grpprl):
        opcode = u16(grpprl, at)
        at += 2
        spra = opcode >> 13
        if spra == 6:  # variable length: a size byte first (two for sprmTDefTable)
            if opcode == 0xD608 and at + 2 <= len(grpprl):
                size = u16(grpprl, at) - 1
                at += 2
            elif at < len(grpprl):
                size = grpprl[at]
                at += 1
            else:
                break
        else:
            size = _OPERAND_SIZE[spra]
        found[opcode] = grpprl[at : at + size]
        at += size
    return found


@dataclass(frozen=True)
class Pieces:
    """The piece table: the document's characters by character position (CP)."""

    starts: tuple[int, ...]  # CP of each piece, and the end
    offsets: tuple[int, ...]  # byte offset of each piece in the WordDocument stream
    compressed: tuple[bool, ...]

    def text(self, word: bytes, limit: int) -> tuple[str, list[int]]:
        """Return the characters of CPs [0, limit) and, for each, its byte offset in the stream."""
        chars: list[str] = []
        fcs: list[int] = []
        for i in range(len(self.offsets)):
            first, end = self.starts[i], min(self.starts[i + 1], limit)
            if first >= end:
                continue
            count, offset = end - first, self.offsets[i]
            if self.compressed[i]:
                raw = word[offset : offset + count]
                chars.extend(_CP1252[b - 0x80] if 0x80 <= b < 0xA0 else chr(b) for b in raw)
                fcs.extend(range(offset, offset + len(raw)))
            else:
                raw = word[offset : offset + 2 * count]
                chars.extend(raw[: len(raw) // 2 * 2].decode("utf-16-le", errors="replace"))
                fcs.extend(range(offset, offset + len(raw) // 2 * 2, 2))
        return "".join(chars), fcs


def read_pieces(table: bytes, fib: Fib) -> Pieces:
    """Find the piece table in the CLX and read it."""
    fc, lcb = fib.pair(FC_CLX)
    at, end = fc, fc + lcb
    if lcb == 0 or end > len(table):
        raise DocFormatError("no piece table")
    while at < end and table[at] == 0x01:  # Prc: property modifiers, skipped
        at += 3 + u16(table, at + 1)
    if at >= end or table[at] != 0x02:
        raise DocFormatError("no piece table")
    size = u32(table, at + 1)
    plc = table[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise DocFormatError("empty piece table")
    starts = tuple(u32(plc, 4 * i) for i in range(count + 1))
    offsets, compressed = [], []
    for i in range(count):
        raw = u32(plc, 4 * (count + 1) + 8 * i + 2)
        compressed.append(bool(raw & 0x40000000))
        value = raw & 0x3FFFFFFF
        offsets.append(value // 2 if compressed[-1] else value)
    return Pieces(starts, tuple(offsets), tuple(compressed))


@dataclass(frozen=True)
class ParagraphRuns:
    """Paragraph properties by byte offset: runs [first, limit) of the WordDocument stream."""

    firsts: list[int]
    limits: list[int]
    properties: list[dict[int, bytes]]

    def at(self, fc: int) -> dict[int, bytes]:
        """Return the properties of the paragraph whose mark lies at byte `fc` (empty if none)."""
        i = bisect.bisect_right(self.firsts, fc) - 1
        return self.properties[i] if i >= 0 and fc < self.limits[i] else {}


def read_paragraph_runs(word: bytes, table: bytes, fib: Fib) -> ParagraphRuns:
    """Read every PAPX FKP page named by the PlcBtePapx."""
    fc, lcb = fib.pair(FC_PLCF_BTE_PAPX)
    runs: list[tuple[int, int, dict[int, bytes]]] = []
    count = (lcb - 4) // 8 if lcb >= 12 else 0
    for i in range(count):
        page = (u32(table, fc + 4 * (count + 1) + 4 * i) & 0x3FFFFF) * 512
        fkp = word[page : page + 512]
        if len(fkp) < 512:
            raise DocFormatError("FKP past the end")
        crun = fkp[511]
        for r in range(crun):
            first, limit = u32(fkp, 4 * r), u32(fkp, 4 * r + 4)
            b_offset = fkp[4 * (crun + 1) + 13 * r] * 2
            props: dict[int, bytes] = {}
            if b_offset:
                cb = fkp[b_offset]
                size, start = (2 * cb - 1, b_offset + 1) if cb else (2 * fkp[b_offset + 1], b_offset + 2)
                props = sprms(fkp[start + 2 : start + size])  # after the 2-byte style index
            runs.append((first, limit, props))
    runs.sort(key=lambda run: run[0])
    return ParagraphRuns([r[0] for r in runs], [r[1] for r in runs], [r[2] for r in runs])
