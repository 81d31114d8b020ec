"""Word 97–2003 (.doc) and WPS (.wps) plans: body paragraphs, task tables and automatic list numbers.

olefile (BSD) opens the compound file; desktop.importers.doc_binary reads the Word binary layout. Only the
main document is read: footnotes, headers and comments come after it and are never reached, and a field's
instruction (PAGE, HYPERLINK "…") is skipped while its shown result is kept.
"""

from __future__ import annotations

from pathlib import Path

import olefile

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.list_numbers import Level, ListCounters
from desktop.importers.doc_binary import (
    SPRM_ILFO,
    SPRM_ILVL,
    SPRM_IN_TABLE,
    SPRM_INNER_TTP,
    SPRM_ITAP,
    SPRM_TTP,
    ParagraphRuns,
    read_fib,
    read_paragraph_runs,
    read_pieces,
)
from desktop.importers.doc_lists import read_lists
from desktop.importers.extracted import Extracted, plan_of
from desktop.importers.failures import unusable

FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
PARAGRAPH, CELL = "\r", "\x07"
LINE_BREAKS = "\x0b\x0c\x0e"  # line, page or section, and column breaks
# Pictures, footnote and comment references, drawn objects, optional hyphens: nothing a reader reads.
_DROPPED = set("\x01\x02\x03\x04\x05\x08\x1f")
_SHOWN = {"\x1e": "-", "\xa0": " "}  # a non-breaking hyphen and space


def _byte(props: dict[int, bytes], sprm: int) -> int:
    """Return a one-byte paragraph property (0 when absent or empty)."""
    return (props.get(sprm) or b"\0")[0]


class _Blocks:
    """Paragraphs outside tables become lines; paragraphs in cells become table rows."""

    def __init__(self, runs: ParagraphRuns, lists: dict[int, tuple[str, dict[int, Level]]]) -> None:
        self.runs, self.lists, self.counters = runs, lists, ListCounters()
        self.lines: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.first_table_at: int | None = None
        self.rows: list[list[str]] = []
        self.row: list[str] = []
        self.cell: list[str] = []

    def _number(self, props: dict[int, bytes]) -> str:
        ilfo = props.get(SPRM_ILFO, b"")
        if len(ilfo) < 2:
            return ""
        index = int.from_bytes(ilfo[:2], "little")
        if index not in self.lists:  # 0: no list; 0xF801: list formatting removed
            return ""
        key, levels = self.lists[index]
        ilvl = _byte(props, SPRM_ILVL)
        return self.counters.advance(key, levels, min(ilvl, 8))

    def paragraph(self, text: str, fc: int) -> None:
        props = self.runs.at(fc)
        shown = self._number(props) + text
        depth = int.from_bytes(props.get(SPRM_ITAP, b"\0\0\0\0"), "little")
        if _byte(props, SPRM_IN_TABLE) or depth > 0:
            self.cell.append(shown)
            return
        self._close_table()
        self.lines.extend(shown.split("\n"))

    def cell_mark(self, text: str, fc: int) -> None:
        props = self.runs.at(fc)
        if _byte(props, SPRM_TTP) or _byte(props, SPRM_INNER_TTP):
            self.rows.append(self.row)  # the mark that ends a row holds no text
            self.row, self.cell = [], []
            return
        self.cell.append(self._number(props) + text)
        self.row.append("\n".join(self.cell))
        self.cell = []

    def _close_table(self) -> None:
        if self.row:
            self.rows.append(self.row)
            self.row = []
        if self.rows:
            if self.first_table_at is None:
                self.first_table_at = len(self.lines)
            self.tables.append(self.rows)
            self.rows = []

    def finish(self, text: str) -> None:
        if text.strip():
            self.lines.extend(text.split("\n"))
        self._close_table()


def _read(text: str, fcs: list[int], blocks: _Blocks) -> None:
    fields: list[bool] = []  # open fields, True while in their instruction
    chars: list[str] = []
    for ch, fc in zip(text, fcs, strict=True):
        if ch == FIELD_BEGIN:
            fields.append(True)
        elif ch == FIELD_SEPARATOR:
            if fields:
                fields[-1] = False
        elif ch == FIELD_END:
            if fields:
                fields.pop()
        elif any(fields):
            continue
        elif ch == PARAGRAPH:
            blocks.paragraph("".join(chars), fc)
            chars = []
        elif ch == CELL:
            blocks.cell_mark("".join(chars), fc)
            chars = []
        elif ch in LINE_BREAKS:
            chars.append("\n")
        elif ch not in _DROPPED:
            chars.append(_SHOWN.get(ch, ch))
    blocks.finish("".join(chars))


def read_doc(path: Path) -> Plan:
    """Return the plan in a .doc or .wps file: its task tables if it has any, else its paragraphs."""
    return plan_of(extract_doc(path), path)


def extract_doc(path: Path) -> Extracted:
    """Return the paragraphs and tables of a .doc or .wps file."""
    name = str(path)
    try:
        with olefile.OleFileIO(name) as ole:
            word = ole.openstream("WordDocument").read()
            fib = read_fib(word)
            if fib.encrypted:
                raise LuoshiError(ErrorCode.ENCRYPTED, path=name)
            table = ole.openstream(fib.table_stream).read()
        pieces = read_pieces(table, fib)
        text, fcs = pieces.text(word, fib.ccp_text)
        blocks = _Blocks(read_paragraph_runs(word, table, fib), read_lists(table, fib))
        _read(text, fcs, blocks)
    except LuoshiError:
        raise
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # olefile can fail in many ways on a hostile compound file: the file is unusable
        raise unusable(name, exc) from None
    return Extracted(blocks.lines, blocks.tables, blocks.first_table_at)
