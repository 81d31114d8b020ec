"""How many lines and pages a report's text fills, estimated without a layout engine.

The report writer has to choose, before any renderer has laid it out, whether the 版记 fits under the
signature on the body's last page (§7.4.1: the 版记 ends the last, even, page). It needs two figures: on
which page the body ends, and how much of that page is left. This module gives both twice, once for a
tight renderer (Word: Latin at its own width, no space between 汉字 and Latin) and once for a loose one
(LibreOffice: JOINT_SPACE at each 汉字/Latin joint). The writer follows the loose figure, which was fitted
to LibreOffice's renders, and falls back to an even-page section break when the tight one disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.gongwen.format_facts import NO_LINE_END, NO_LINE_START, is_wide

# Times New Roman advance widths in em for the Latin a report holds (Liberation Serif, which LibreOffice
# uses in its place, has the same metrics); anything not listed counts as the widest common letter.
_LATIN_EM = {
    **dict.fromkeys("0123456789", 0.5),
    **dict.fromkeys("abcdeghknopquvxyz", 0.5),
    **dict.fromkeys("fijlrst", 0.333),
    **dict.fromkeys("mw", 0.778),
    **dict.fromkeys("ABCDEFGHKLNOPQRSTUVXYZ", 0.722),
    **dict.fromkeys("IJ", 0.389),
    **dict.fromkeys("MW", 0.944),
    **dict.fromkeys(" .,:;'!|", 0.278),
    **dict.fromkeys("-()[]/\\", 0.333),
    **dict.fromkeys("%&@", 0.889),
}
_WIDEST_LATIN = 0.778
# LibreOffice's space between 汉字 and a Latin letter or digit, in characters: fitted to its renders of
# reports of 1–300 measures (0.2 or more ends long reports pages late, 0.1 breaks short lines too late)
JOINT_SPACE = 0.15


@dataclass(frozen=True)
class Block:
    """One paragraph as the page sees it: its text and the room its lines have.

    `scale` is the size of its characters relative to a body character (二号 title: 22 / 15.75); `chars`
    is how many body characters fit on its line after the left and right indents.
    """

    text: str
    chars: float
    first_indent: float = 0.0  # in body characters
    line_twips: int = 579  # one line of the 22-line grid (gbt9704_docx.LINE_TWIPS)
    before_twips: int = 0
    scale: float = 1.0
    keep_with_next: bool = False
    latin_breaks: bool = False  # Latin may break inside a word (wordWrap="0"), else a Latin word is whole


@dataclass(frozen=True)
class Fill:
    """Where the text ends: the page (1-based) and the twips used on it."""

    page: int
    used_twips: int


def _units(text: str, latin_breaks: bool = False) -> list[tuple[float, float]]:
    """Split `text` into its unbreakable pieces: (width in characters, LibreOffice's joint space in it).

    A closing mark stays with the piece before it and an opening mark with the piece after it (the
    renderers move a character to the next line rather than start a line with 。 or end one with 《);
    a Latin word is one piece, unless `latin_breaks` (wordWrap="0"). One pass serves the tight and the loose
    count (a long report's paragraphs are read once: this loop was most of the estimate's cost).
    """
    units: list[list[float]] = []
    joined = ""  # the previous character as LibreOffice's 中西文间距 sees it: 汉字, Latin letter or digit
    glue_next = in_word = False
    for ch in text:
        # the common 汉字 and full-width marks first, unicodedata only for the rest
        wide = "\u3000" <= ch <= "\u9fff" or "\uff01" <= ch <= "\uff5e" or is_wide(ch)
        joint = "han" if "\u4e00" <= ch <= "\u9fff" else ("alnum" if ch.isascii() and ch.isalnum() else "")
        width = 1.0 if wide else _LATIN_EM.get(ch, _WIDEST_LATIN) * 16 / 15.75
        extra = JOINT_SPACE if joint and joined and joint != joined else 0.0
        latin = not wide and ch != " "
        if units and (glue_next or ch in NO_LINE_START or (in_word and latin and not latin_breaks)):
            units[-1][0] += width
            units[-1][1] += extra
        else:
            units.append([width, extra])
        glue_next, in_word = ch in NO_LINE_END, latin
        joined = joint
    return [(width, extra) for width, extra in units]


def _count(parts: list[list[tuple[float, float]]], chars: float, first_indent: float, loose: bool) -> int:
    count = 0
    for units in parts:
        count += 1
        room, empty = chars - first_indent, True
        for width, extra in units:
            width += extra if loose else 0.0
            if width > room + 1e-6 and not empty:
                count, room = count + 1, chars
            room, empty = room - width, False
        first_indent = 0.0
    return count


def line_count(
    text: str, chars: float, first_indent: float = 0.0, *, loose: bool = False, latin_breaks: bool = False
) -> int:
    """Return how many lines `text` takes on lines of `chars` characters, the first indented."""
    return _count([_units(part, latin_breaks) for part in text.split("\n")], chars, first_indent, loose)


def _both_counts(block: Block) -> tuple[int, int]:
    """Return the block's lines laid out tight and loose, from one reading of its text."""
    parts = [_units(part, block.latin_breaks) for part in block.text.split("\n")]
    chars, indent = block.chars / block.scale, block.first_indent / block.scale
    return _count(parts, chars, indent, False), _count(parts, chars, indent, True)


def fill(blocks: list[Block], lines: list[int], page_twips: int) -> Fill:
    """Lay `blocks` of `lines` lines each on pages of `page_twips` and return where the last one ends.

    A chain of keep-with-next blocks goes to the next page when it and the first line of the block after
    it do not fit; a first block of more than two lines leaves all but its last two behind (measured on
    LibreOffice: the body's last paragraph splits rather than leave a page part empty).
    """
    page, used = 1, 0
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) - 1 and blocks[end].keep_with_next:
            end += 1
        chain = blocks[index : end + 1]
        need = sum(
            b.before_twips + n * b.line_twips for b, n in zip(chain[:-1], lines[index:end], strict=True)
        )
        need += chain[-1].before_twips + chain[-1].line_twips
        if len(chain) > 1 and used and used + need > page_twips and need <= page_twips:
            if lines[index] > 2:  # the first block splits, its last two lines move
                used += (lines[index] - 2) * blocks[index].line_twips + blocks[index].before_twips
                page, used = page + 1, 2 * blocks[index].line_twips
                index += 1
                continue
            page, used = page + 1, 0
        for block, count in zip(chain, lines[index : end + 1], strict=True):
            used += block.before_twips if used or page == 1 else 0  # kept on the first page only
            for _ in range(count):
                if used + block.line_twips > page_twips:
                    page, used = page + 1, 0
                used += block.line_twips
        index = end + 1
    return Fill(page, used)


def ends_within(blocks: list[Block], page_twips: int) -> tuple[Fill, Fill]:
    """Return where the blocks end when laid out tight and loose."""
    counts = [_both_counts(block) for block in blocks]
    return (
        fill(blocks, [tight for tight, _ in counts], page_twips),
        fill(blocks, [loose for _, loose in counts], page_twips),
    )
