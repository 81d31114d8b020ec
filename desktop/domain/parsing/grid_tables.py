"""Task tables without rules, rebuilt from where their words stand on the page.

A PDF printed from a table without borders, an OCR'd scan and an OFD give words (or text boxes) with
positions, not cells. Here they become a table: words are put into lines by their vertical overlap; the
header line is the one whose words name columns (序号, 重点任务, 牵头单位 … through desktop.domain.parsing.tables);
the columns are cut in the widest gap between two header words that the lines below leave empty (else
just before the right word); each later line's words go to the column their centre falls in. A row starts at a line
with a number in the 序号 column (or, without one, a line with text in the first column); other lines
continue the row above, a line that reached its column's right edge joining the next directly (a wrap)
and a shorter one keeping a line break. The table ends at a line whose words cross a column boundary
(a paragraph after the table); a page number line is skipped.

Edge cases: a header cell wrapped over two lines is not joined (the header must be one line); a table
whose content is wider than its header's gaps falls back to halfway cuts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from desktop.domain.parsing.tables import header_kind

# Words closer than this many character heights are one piece of text (a cell's line), farther apart
# they stand in different columns.
_WORD_GAP = 0.5
# A line is part of the one above when their vertical overlap is at least this share of the smaller.
_SAME_LINE = 0.5
# A line that ends within this share of a character of its column's text edge wrapped there.
_WRAP_MARGIN = 0.6
_UNIT_KINDS = {"lead", "support", "responsible"}
_SEQ = re.compile(r"^\d{1,3}$")
_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*\d{1,4}[—\-－–\s]*$|^第\s*\d+\s*页")


@dataclass(frozen=True)
class Piece:
    """A word or text box on a page: its box (x grows right, y grows down) and text."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-6)


@dataclass(frozen=True)
class GridTable:
    """A table rebuilt from positions: its rows (header first) and the lines of text above it."""

    rows: list[list[str]]
    before: list[str]


def lines_of(pieces: list[Piece]) -> list[list[Piece]]:
    """Group pieces into lines by vertical overlap, top to bottom, each left to right, near words joined."""
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.x0)):
        line = lines[-1] if lines else None
        if line is not None:
            top, bottom = min(p.top for p in line), max(p.bottom for p in line)
            overlap = min(bottom, piece.bottom) - max(top, piece.top)
            if overlap >= _SAME_LINE * min(bottom - top, piece.height):
                line.append(piece)
                continue
        lines.append([piece])
    return [_join_near(sorted(line, key=lambda p: p.x0)) for line in lines]


def _join_near(line: list[Piece]) -> list[Piece]:
    """Join pieces of a line closer than `_WORD_GAP` of a character's height: one word the extractor split."""
    joined: list[Piece] = []
    for piece in line:
        last = joined[-1] if joined else None
        if last is not None and piece.x0 - last.x1 < _WORD_GAP * min(last.height, piece.height):
            joined[-1] = Piece(
                last.x0,
                min(last.top, piece.top),
                piece.x1,
                max(last.bottom, piece.bottom),
                last.text + piece.text,
            )
        else:
            joined.append(piece)
    return joined


def _text(line: list[Piece]) -> str:
    return " ".join(p.text for p in line)


# A header line holds at least three pieces, two of them known column names, one of them a unit column.
_HEADER_PIECES = 3
_HEADER_NAMES = 2


def _header_at(lines: list[list[Piece]]) -> int:
    """Return the index of the first line that reads as a task table's header, or -1."""
    for index, line in enumerate(lines):
        kinds = [header_kind(p.text) for p in line]
        if (
            len(line) >= _HEADER_PIECES
            and sum(1 for k in kinds if k) >= _HEADER_NAMES
            and _UNIT_KINDS & set(kinds)
        ):
            return index
    return -1


def _cuts(header: list[Piece], below: list[list[Piece]]) -> list[float]:
    """Return the x where each column after the first begins.

    That is the middle of the widest gap between two header words that no word below covers, else just
    before the right header word.
    """
    cuts = []
    for left, right in itertools.pairwise(header):
        spans = sorted((p.x0, p.x1) for line in below for p in line if p.x1 > left.x1 and p.x0 < right.x0)
        gaps, reach = [], left.x1
        for x0, x1 in spans:
            if x0 > reach:
                gaps.append((reach, x0))
            reach = max(reach, x1)
        if right.x0 > reach:
            gaps.append((reach, right.x0))
        widest = max(gaps, key=lambda g: g[1] - g[0], default=None)
        cuts.append((widest[0] + widest[1]) / 2 if widest else right.x0 - right.height / 2)
    return cuts


def _table_lines(header: list[Piece], lines: list[list[Piece]]) -> list[list[Piece]]:
    """Return the lines below the header up to the first one that runs across the table (a paragraph).

    A paragraph starts in the first column and reaches the last one; a wide cell of a middle column
    does neither.
    """
    body: list[list[Piece]] = []
    for line in lines:
        if any(p.x0 < header[1].x0 and p.x1 > header[-1].x0 for p in line):
            break
        body.append(line)
    cuts = _cuts(header, body)
    for index, line in enumerate(body):
        if any(_crosses(p, cuts) for p in line):
            return body[:index]
    return body


def _column(piece: Piece, cuts: list[float]) -> int:
    centre = (piece.x0 + piece.x1) / 2
    return sum(1 for cut in cuts if centre >= cut)


def _crosses(piece: Piece, cuts: list[float]) -> bool:
    return any(piece.x0 < cut - piece.height and piece.x1 > cut + piece.height for cut in cuts)


def grid_table(pieces: list[Piece]) -> GridTable | None:
    """Return the task table the pieces form, or None when no line reads as its header."""
    lines = [line for line in lines_of(pieces) if not _PAGE_NUMBER.match(_text(line))]
    at = _header_at(lines)
    if at < 0:
        return None
    header = lines[at]
    body = _table_lines(header, lines[at + 1 :])
    cuts = _cuts(header, body)
    seq = next((i for i, p in enumerate(header) if header_kind(p.text) == "seq"), None)
    edges = [0.0] * len(header)
    for line in body:
        for piece in line:
            col = _column(piece, cuts)
            edges[col] = max(edges[col], piece.x1)
    rows: list[list[str]] = [[p.text for p in header]]
    ends: list[float] = [0.0] * len(header)  # where the last line of each cell of the current row ended
    for line in body:
        cells: dict[int, list[Piece]] = {}
        for piece in line:
            cells.setdefault(_column(piece, cuts), []).append(piece)
        starts = (seq is not None and any(_SEQ.match(p.text) for p in cells.get(seq, []))) or (
            seq is None and 0 in cells
        )
        if starts or len(rows) == 1:
            rows.append([""] * len(header))
            ends = [0.0] * len(header)
        row = rows[-1]
        for col, found in cells.items():
            text = "".join(p.text for p in found)
            if row[col]:
                width = found[0].height
                row[col] += "" if ends[col] >= edges[col] - _WRAP_MARGIN * width else "\n"
            row[col] += text
            ends[col] = found[-1].x1
    if len(rows) < 2:
        return None
    return GridTable(rows, [_text(line) for line in lines[:at]])
