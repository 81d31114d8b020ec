"""Build the tree of numbered headings and items (一、/（一）/1./（1）/①) from body paragraphs."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from desktop.domain.parsing.clauses import has_clause, looks_like_clause, split_trailing_clauses
from desktop.domain.parsing.lines import HEADING_PATTERNS, LABEL_LINE, HeadingLevel
from desktop.domain.text import cn_to_int, fold

# Numbering may skip up to this many items (a measure deleted in a revision, a page lost in a copy): a
# larger jump is a list inside a measure, not the next measure.
_MAX_JUMP = 3


@dataclass
class Node:
    """A numbered heading or item with its paragraphs and children."""

    style: HeadingLevel  # how the item is numbered; NONE for the root
    number: int = 0
    marker: str = ""
    paragraphs: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # 牵头单位：… lines after the item
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    closed: bool = False  # its text already ended with a responsibility clause
    part_of: Node | None = None  # an unnumbered paragraph with its own clause: the item it follows
    parts: int = 0  # how many such paragraphs follow this item

    @property
    def text(self) -> str:
        """Return the item's paragraphs joined (Chinese needs no separator)."""
        return "".join(self.paragraphs)


def _numbering(paragraph: str) -> tuple[HeadingLevel, int, str, str] | None:
    for level, pattern in enumerate(HEADING_PATTERNS, start=1):
        match = pattern.match(paragraph)
        if match:
            style = HeadingLevel(level)
            raw = match.group(1)
            number = ord(raw) - ord("①") + 1 if style == HeadingLevel.CIRCLED else cn_to_int(raw)
            marker = {1: f"{raw}、", 2: f"（{raw}）", 3: raw, 4: f"（{raw}）", 5: raw}[style]
            return style, number, marker, paragraph[match.end() :].strip()
    return None


def _is_clause_paragraph(paragraph: str) -> bool:
    folded = fold(paragraph)
    return folded[:1] in "（〔" and folded[-1:] in "）〕" and looks_like_clause(paragraph[1:-1])


class _Builder:
    def __init__(self) -> None:
        self.root = Node(style=HeadingLevel.NONE)
        self.current = self.root
        self.last: dict[int, int] = {}
        self.warnings: list[str] = []

    def _accepts(self, style: HeadingLevel, number: int) -> bool:
        """Return True when `number` may continue the numbering at `style`.

        It may be 1, the next number, or a jump of up to three (noted as a warning); a first chapter or
        section may start anywhere (an extract of a longer plan).
        """
        last = self.last.get(style)
        if number == 1 or (last is None and style <= HeadingLevel.SECTION):
            return True
        if last is None:
            return False
        if number == last + 1:
            return True
        if last + 1 < number <= last + _MAX_JUMP:
            self.warnings.append(f"numbering jumps from {last} to {number}")
            return True
        return False

    def add(self, paragraph: str) -> None:
        numbering = _numbering(paragraph)
        if numbering and self._accepts(numbering[0], numbering[1]):
            self._open(*numbering)
        elif LABEL_LINE.match(paragraph) and self.current is not self.root:
            self.current.labels.append(paragraph)
        elif self.current is self.root:
            self.root.paragraphs.append(paragraph)
        elif _is_clause_paragraph(paragraph) and self._closes_parent():
            # A clause on its own line after sub-items （1）–（4） that carry none: it is the item's.
            parent = self.current.parent
            assert parent is not None
            parent.labels.append(paragraph[1:-1])
            parent.closed = True
            self.current = parent
        elif _is_clause_paragraph(paragraph) and self.current.closed is False:
            self.current.paragraphs.append(paragraph)
            self.current.closed = True
        elif has_clause(paragraph) and (self.current.closed or has_clause(self.current.text)):
            self._open_part(paragraph)
        elif not self.current.closed:
            self.current.paragraphs.append(paragraph)
            self.current.closed = bool(split_trailing_clauses(self.current.text)[1])

    def _open_part(self, paragraph: str) -> None:
        """Open an unnumbered paragraph that carries its own clause as a measure beside the item before it."""
        item = self.current
        first = item.part_of or item
        parent = item.parent
        assert parent is not None
        first.parts += 1
        node = Node(
            style=item.style,
            number=item.number,
            marker=f"{first.marker}-{first.parts + 1}" if first.marker else str(first.parts + 1),
            paragraphs=[paragraph],
            parent=parent,
            part_of=first,
        )
        node.closed = bool(split_trailing_clauses(paragraph)[1])
        parent.children.append(node)
        self.current = node

    def _closes_parent(self) -> bool:
        parent = self.current.parent
        return (
            self.current.style >= HeadingLevel.SUB_ITEM
            and parent is not None
            and parent is not self.root
            and not parent.closed
            and not parent.labels
            and all(not c.closed and not c.labels for c in parent.children)
        )

    def _open(self, style: HeadingLevel, number: int, marker: str, rest: str) -> None:
        """Open a numbered item under the nearest open item of a higher level."""
        parent = self.current
        while parent is not self.root and parent.style >= style:
            assert parent.parent is not None
            parent = parent.parent
        node = Node(style=style, number=number, marker=marker, parent=parent)
        if rest:
            node.paragraphs.append(rest)
        node.closed = bool(rest) and bool(split_trailing_clauses(rest)[1])
        parent.children.append(node)
        self.current = node
        self.last[style] = number


_INLINE_ITEM = re.compile(r"(?:(?<=[。；;）)〕])|^)[（(](\d{1,2})[）)]")


def split_inline_items(paragraph: str) -> list[str]:
    """Split '1.…（1）…（X负责）（2）…（Y负责）' into the item and its sub-items when each carries a clause."""
    starts = []
    expected = 1
    for match in _INLINE_ITEM.finditer(paragraph):
        if int(match.group(1)) == expected:
            starts.append(match.start())
            expected += 1
    if len(starts) < 2:
        return [paragraph]
    bounds = [*starts, len(paragraph)]
    items = [paragraph[a:b] for a, b in itertools.pairwise(bounds)]
    if not all(split_trailing_clauses(item)[1] for item in items):
        return [paragraph]
    head = paragraph[: starts[0]]
    return ([head] if head.strip() else []) + items


def build_outline(paragraphs: list[str]) -> tuple[Node, list[str]]:
    """Return the root of the numbered tree and warnings about odd numbering."""
    builder = _Builder()
    for paragraph in paragraphs:
        for part in split_inline_items(paragraph):
            builder.add(part)
    return builder.root, builder.warnings


def heading_title(node: Node) -> str:
    """Return a heading's title: its first sentence, without a trailing clause."""
    first = node.paragraphs[0] if node.paragraphs else ""
    body, _ = split_trailing_clauses(first)
    title = re.split(r"[。；]", body, maxsplit=1)[0]
    return title.strip("：:，, ")
