"""What the format check reads from a .docx and from its rendering: plain facts, no file access here."""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_PT = 25.4 / 72

# The layout of GB/T 9704-2012 that the generator writes and `luoshi check` measures: one set of numbers.
A4_MM = (210.0, 297.0)  # §5.1
MARGINS_MM = (37.0, 35.0, 28.0, 26.0)  # top, bottom, left, right: a 156 × 225 mm type area (§5.2.1)
PAGE_NUMBER_PT = 14  # 4号 (§7.5)
PAGE_NUMBER_GAP_MM = 7.0  # the 一字线 of "— 1 —" lies 7 mm below the type area's bottom edge (§7.5)


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
