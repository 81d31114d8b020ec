"""Text recognised on scanned pages, put back in reading order, and the doubts it leaves on measures.

The recogniser gives boxes of text with a confidence per character. Here, with the standard library only:
boxes tilted like the arc of a seal's text are dropped, a page number alone at the foot is dropped, boxes
are joined into lines by their vertical overlap, a page set in two columns is read column by column, and
characters read with little confidence are kept with a little context so that the measure they end up in
can name them for the clerk.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop.domain.models import Doubt, Measure, Plan
from desktop.domain.parsing.doubts import OCR

Progress = Callable[[int, int], None]  # pages of a scan read, pages in all
LOW_CONFIDENCE = 0.80  # a character read with less is named in its measure's doubt
_MIN_MATCHED_LINE = 6  # a recognised line this long, found in a measure, shows the measure was recognised
MAX_TILT = 0.08  # rise over run of a box's top edge: a seal's arc of text tilts more
_PAGE_NUMBER = re.compile(r"^[\s\-—–－一]*\d{1,4}[\s\-—–－一]*$")
# What recognisers confuse in 公文 text, read back as the writer meant it.
_LOOKALIKES = str.maketrans({"丶": "、", "﹑": "、", "﹐": "，"})
_CONTEXT = 3


@dataclass(frozen=True)
class TextBox:
    """A box of recognised text on a page: corners in pixels, its text, each character's confidence."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidences: tuple[float, ...]
    tilt: float = 0.0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Unsure:
    """A character read with little confidence, with the text around it and the page it is on."""

    page: int
    char: str
    context: str  # up to three characters either side, as recognised


@dataclass(frozen=True)
class ScannedText:
    """The lines of every page in reading order, and the characters the recogniser was unsure of."""

    lines: tuple[str, ...]
    unsure: tuple[Unsure, ...]


# Two printed columns: at most one box in _CROSSING_SHARE crosses the page's middle and each side holds at
# least _COLUMN_BOXES boxes (a few boxes on one side are a margin note, not a column).
_CROSSING_SHARE = 10
_COLUMN_BOXES = 5
# The page number stands in the foot, below this share of the page's height; a box taller than
# _TALL_BOX times the median height is a heading or a stamp's big characters, not the body.
_FOOT = 0.85
_TALL_BOX = 3


def _columns(boxes: list[TextBox], width: float) -> list[list[TextBox]]:
    """Split the page into a left and a right column when no box crosses a gap near the middle."""
    middle = [b for b in boxes if b.x0 < width / 2 < b.x1]
    left = [b for b in boxes if b.x1 <= width / 2]
    right = [b for b in boxes if b.x0 >= width / 2]
    if (
        len(middle) <= len(boxes) // _CROSSING_SHARE
        and len(left) >= _COLUMN_BOXES
        and len(right) >= _COLUMN_BOXES
    ):
        return [sorted(left + middle, key=lambda b: b.y0), sorted(right, key=lambda b: b.y0)]
    return [sorted(boxes, key=lambda b: b.y0)]


def _rows(boxes: list[TextBox]) -> list[list[TextBox]]:
    """Join boxes whose vertical middles fall within each other's height into one line."""
    rows: list[list[TextBox]] = []
    for box in boxes:
        middle = (box.y0 + box.y1) / 2
        if rows and rows[-1][0].y0 <= middle <= rows[-1][0].y1:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def page_text(boxes: list[TextBox], width: float, height: float, page: int) -> ScannedText:
    """Return one page's lines in reading order and its unsure characters."""
    kept = [b for b in boxes if abs(b.tilt) <= MAX_TILT and b.text.strip()]
    if kept:
        typical = statistics.median(b.height for b in kept)
        kept = [
            b
            for b in kept
            if not (_PAGE_NUMBER.match(b.text) and b.y0 > height * _FOOT) and b.height < typical * _TALL_BOX
        ]
    lines: list[str] = []
    unsure: list[Unsure] = []
    for column in _columns(kept, width):
        for row in _rows(column):
            text = "".join(b.text for b in row).translate(_LOOKALIKES)
            scores = [c for b in row for c in _padded(b)]
            for i, (ch, score) in enumerate(zip(text, scores, strict=False)):
                if score < LOW_CONFIDENCE and unicodedata.category(ch)[0] not in "PZ":  # not 、，。 or spaces
                    context = text[max(0, i - _CONTEXT) : i + _CONTEXT + 1]
                    unsure.append(Unsure(page, ch, context))
            lines.append(text)
    return ScannedText(tuple(lines), tuple(unsure))


def _padded(box: TextBox) -> list[float]:
    scores = list(box.confidences[: len(box.text)])
    return scores + [1.0] * (len(box.text) - len(scores))


def join_pages(pages: list[ScannedText]) -> ScannedText:
    """Return the pages' lines and unsure characters in page order."""
    return ScannedText(
        tuple(line for p in pages for line in p.lines), tuple(u for p in pages for u in p.unsure)
    )


def with_doubts_where_read(plan: Plan, pages: list[ScannedText]) -> Plan:
    """Give an OCR doubt to the measures that hold text of the recognised pages.

    Those are a text PDF's scanned pages: a recognised line of at least a few characters found in a
    measure's text or clause marks the measure.
    """
    read = [re.sub(r"\s", "", line) for page in pages for line in page.lines]
    read = [line for line in read if len(line) >= _MIN_MATCHED_LINE]
    unsure = tuple(u for page in pages for u in page.unsure)
    flagged = with_scan_doubts(plan, unsure)
    measures = [
        scanned if any(line in re.sub(r"\s", "", m.text + m.clause) for line in read) else m
        for m, scanned in zip(plan.measures, flagged.measures, strict=True)
    ]
    return replace(plan, measures=tuple(measures))


def with_scan_doubts(plan: Plan, unsure: tuple[Unsure, ...]) -> Plan:
    """Give every measure an OCR doubt, naming the characters read with little confidence in its text."""
    squeezed = [(u, re.sub(r"\s", "", u.context)) for u in unsure]
    measures: list[Measure] = []
    for measure in plan.measures:
        text = re.sub(r"\s", "", measure.text + measure.clause)
        named = [f"第{u.page}页“{u.char}”（{ctx}）" for u, ctx in squeezed if ctx and ctx in text]
        detail = "识别把握不大的字：" + "、".join(dict.fromkeys(named)) if named else "逐字核对单位名称和时限"
        measures.append(replace(measure, doubts=(*measure.doubts, Doubt(OCR, detail))))
    return replace(plan, measures=tuple(measures))
