"""What the format check reads from a .docx and from its rendering: plain facts, no file access here."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MM_PER_PT = 25.4 / 72

# The layout of GB/T 9704-2012 that the generator writes and `luoshi check` measures: one set of numbers.
A4_MM = (210.0, 297.0)  # §5.1
MARGINS_MM = (37.0, 35.0, 28.0, 26.0)  # top, bottom, left, right: a 156 × 225 mm type area (§5.2.1)
PAGE_NUMBER_GAP_MM = 7.0  # the 一字线 of "— 1 —" lies 7 mm below the type area's bottom edge (§7.5)
# Where a CJK font inks the 一字线 (U+2014): this far above the baseline, in em. Measured in the pixels of
# a 600 dpi render (Noto Serif CJK standing in for 宋体): 0.276 em; not the em box's middle (0.5 em),
# which put the measured dash 1.1 mm higher than the ink.
DASH_INK_EM = 0.28
CHARS_PER_LINE = 28  # §5.2.3
CHAR_PT = 15.75  # one 三号 character with −0.25 pt spacing: 28 of them fill the 156 mm line
SEALED_DATE_RIGHT = 4  # 加盖印章: the date 右空四字, the organ centred over it (§7.3.5.1)
UNSEALED_ORGAN_RIGHT = 2  # 不加盖印章: the organ 右空二字 (§7.3.5.2) …
UNSEALED_DATE_SHIFT = 2  # … and the date's first character two characters right of the organ's
SEAL_LINES = 2  # 加盖印章: empty lines between the body and the organ, where the seal's top half goes


# Line breaking (the rules Word, WPS and LibreOffice apply to Chinese text): these may not begin a line …
NO_LINE_START = "，。、；：？！）》”’〕】」』%％…—·"
# … and these may not end one.
NO_LINE_END = "（《“‘〔【「『"


def is_wide(ch: str) -> bool:
    """Return True for a full-width character (汉字 and Chinese punctuation)."""
    return unicodedata.east_asian_width(ch) in "WF"


def text_width(text: str) -> float:
    """Return the width of `text` in characters of the body font: digits and Latin are half a character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def sealed_date_right(organ_width: float, date_width: float) -> float:
    """Return how far the sealed date stands from the right edge, in characters: 右空四字 (§7.3.5.1).

    An organ much longer than the date, centred over it, would run past the edge: then the date moves left
    until the organ keeps two characters from the edge (the standard is silent; 2 as when unsealed).
    """
    return max(float(SEALED_DATE_RIGHT), UNSEALED_ORGAN_RIGHT + (organ_width - date_width) / 2)


@dataclass(frozen=True)
class Placement:
    """Where a signature line goes: right-aligned `right` characters from the right edge, or from `left`."""

    right: float | None = None
    left: float | None = None


def signature_lines(organ: str, dated: str, *, sealed: bool) -> tuple[Placement, Placement]:
    """Return how to place the organ and the date (§7.3.5).

    The line the standard ties to the right edge is right-aligned, so it sits exactly where asked whatever
    its digits measure; the other is placed from it, with digits counted as half a character (as in
    仿宋_GB2312; a substituted font with wider digits shifts it by half their excess).
    """
    organ_width, date_width = text_width(organ), text_width(dated)
    if sealed:  # the date 右空四字, the organ centred over it
        date_right = sealed_date_right(organ_width, date_width)
        return Placement(right=date_right + (date_width - organ_width) / 2), Placement(right=date_right)
    organ_start = CHARS_PER_LINE - UNSEALED_ORGAN_RIGHT - organ_width
    if organ_start + UNSEALED_DATE_SHIFT + date_width <= CHARS_PER_LINE - UNSEALED_ORGAN_RIGHT:
        return Placement(right=UNSEALED_ORGAN_RIGHT), Placement(left=organ_start + UNSEALED_DATE_SHIFT)
    # a date longer than the organ: the date keeps 右空二字 and the organ moves left
    date_start = CHARS_PER_LINE - UNSEALED_ORGAN_RIGHT - date_width
    return Placement(left=date_start - UNSEALED_DATE_SHIFT), Placement(right=UNSEALED_ORGAN_RIGHT)


# An organ name wider than this breaks into lines between words (§7.3.5 is silent; a long 联合发文 name).
ORGAN_LINE_CHARS = CHARS_PER_LINE - UNSEALED_ORGAN_RIGHT
# Sealed, each line is centred over the date and the seal presses on both: half a line keeps the date near
# its 右空四字 (a 26-character line would push it twelve characters in).
SEALED_ORGAN_LINE_CHARS = CHARS_PER_LINE // 2
# Where an organ name may break: after a separator, or after a word that ends an organ's name.
_ORGAN_BREAK_AFTER = ("、", "，", " ", "委员会", "人民政府", "办公厅", "办公室", "委", "厅", "局", "办", "院", "部",
                      "中心", "政府", "党委", "集团", "公司", "处", "科", "室", "组", "会")  # fmt: skip


def _breaks_inside_word(organ: str, end: int) -> bool:
    """Return True when a cut at `end` splits an organ-ending word (办|公厅, 委|员会)."""
    return any(
        organ[start : start + len(word)] == word
        for word in _ORGAN_BREAK_AFTER
        for start in range(max(0, end - len(word) + 1), end)
        if start + len(word) > end
    )


def _reach(organ: str, limit: float) -> int:
    """Return how many characters of `organ` fit in `limit`."""
    return max(i for i in range(1, len(organ) + 1) if text_width(organ[:i]) <= limit)


def _break(organ: str, limit: float) -> int:
    """Return the last place within `limit` to break `organ` between words (0 when there is none)."""
    reach = _reach(organ, limit)
    separators = [end for end in range(1, reach + 1) if organ[end - 1] in "、， " and end < len(organ)]
    words = [
        end
        for end in range(1, min(reach + 1, len(organ)))
        if organ[:end].endswith(_ORGAN_BREAK_AFTER) and not _breaks_inside_word(organ, end)
    ]
    return (separators or words or [0])[-1]


def organ_lines(organ: str, limit: float = ORGAN_LINE_CHARS) -> list[str]:
    """Split a signature's organ into lines of at most `limit` characters, breaking between words.

    The break goes after the last separator (、，) within the limit, else after the last organ-ending
    word (中共某某自治区委员会办公厅 | 某某自治区人民政府办公厅) that is not part of a longer one; with neither, the
    same within a whole line (ORGAN_LINE_CHARS); failing that, at the most a line holds, never before a
    mark that may not start a line.
    """
    organ = organ.strip()
    lines: list[str] = []
    while text_width(organ) > limit:
        cut = _break(organ, limit) or _break(organ, ORGAN_LINE_CHARS) or _reach(organ, ORGAN_LINE_CHARS)
        if cut >= len(organ):  # no word to break at and it fits a whole line: one line
            break
        while 1 < cut < len(organ) and organ[cut] in NO_LINE_START and organ[cut] not in "、， ":
            cut -= 1
        lines.append(organ[:cut].rstrip("、， "))
        organ = organ[cut:].lstrip("、， ")
    return [*lines, organ]


def signature_layout(organ: str, dated: str, *, sealed: bool) -> list[tuple[str, Placement]]:
    """Return every line of the signature with its place: the organ's lines, then the date (§7.3.5).

    Sealed: the date 右空四字 (further left when the widest organ line needs it), each organ line centred
    over it. Unsealed: each organ line 右空二字 and the date two characters right of the last line's start
    (a date longer than that line keeps 右空二字 and the line moves left).
    """
    lines = organ_lines(organ, SEALED_ORGAN_LINE_CHARS if sealed else ORGAN_LINE_CHARS)
    date_width = text_width(dated)
    if sealed:
        date_right = sealed_date_right(max(text_width(line) for line in lines), date_width)
        placed = [(line, Placement(right=date_right + (date_width - text_width(line)) / 2)) for line in lines]
        return [*placed, (dated, Placement(right=date_right))]
    last_place, date_place = signature_lines(lines[-1], dated, sealed=False)
    placed = [(line, Placement(right=UNSEALED_ORGAN_RIGHT)) for line in lines[:-1]]
    return [*placed, (lines[-1], last_place), (dated, date_place)]


@dataclass(frozen=True)
class RunFacts:
    """A run's effective East Asian font, size in points, weight and colour (styles resolved)."""

    east_asia: str
    ascii: str
    size: float | None
    bold: bool = False
    red: bool = False


@dataclass(frozen=True)
class ParaFacts:
    """A body paragraph: its text, alignment, line spacing and runs."""

    index: int
    text: str
    align: str  # left, center, right, both
    runs: tuple[RunFacts, ...]
    line_twips: int | None = None
    line_rule: str | None = None  # exact, atLeast, auto
    in_table: bool = False


@dataclass(frozen=True)
class FooterFacts:
    """One footer (odd/default, even or first page) of the document."""

    kind: str  # default, even, first
    text: str
    has_page_field: bool
    align: str
    size: float | None
    fonts: tuple[str, ...]


@dataclass(frozen=True)
class DocFacts:
    """Page setup, grid, paragraphs and footers of a Word document."""

    page_mm: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # top, bottom, left, right
    grid_type: str | None
    grid_pitch: int | None
    odd_even: bool
    paragraphs: tuple[ParaFacts, ...]
    footers: tuple[FooterFacts, ...]


@dataclass(frozen=True)
class LineBox:
    """A rendered line of text on a page, in points from the top-left corner."""

    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float  # the most common character size
    wide: int  # full-width characters (汉字 and Chinese punctuation)
    widths: tuple[float, ...] = ()  # each character's own width in points (its glyph, without justification)
    faces: tuple[str, ...] = ()  # each character's face, as the PDF names it (subset tag removed)

    @property
    def only_wide(self) -> bool:
        """Return True when every visible character is full width."""
        return self.wide == len(self.text.replace(" ", ""))


@dataclass(frozen=True)
class PageBox:
    """A rendered page: its size and its lines."""

    number: int
    width: float
    height: float
    lines: tuple[LineBox, ...]


@dataclass(frozen=True)
class RenderFacts:
    """The pages of a document as LibreOffice lays them out."""

    pages: tuple[PageBox, ...]
