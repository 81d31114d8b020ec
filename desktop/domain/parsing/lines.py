"""Lines of a plan as extracted from PDF or Word, and their joining into paragraphs.

Page numbers, headings, dates, 文号, 抄送 and 附件 lines are recognised here.

Only the parsers need these patterns (~15 ms to compile); the desk's unit-name rules use desktop.domain.text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from enum import IntEnum

from desktop.domain.parsing.vocabulary import ALL_LABELS
from desktop.domain.text import clean_spaces, cn_to_int

_PAGE_FURNITURE = re.compile(
    r"^(?:[—\-－–_·•‐‑⁃]{1,3}\s*\d{1,4}\s*[—\-－–_·•‐‑⁃]{1,3}"
    r"|\d{1,4}"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)

CN_DIGITS = "〇零一二三四五六七八九十○Ｏ"
H1 = re.compile(r"^([一二三四五六七八九十]{1,3})\s*[、．.﹒]\s*")
H2 = re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、．.]?\s*")
H3 = re.compile(r"^(\d{1,4})\s*[.．、﹒](?![\d%％])\s*")
H4 = re.compile(r"^[（(]\s*(\d{1,4})\s*[）)]\s*")
H5 = re.compile(r"^([①-⑳])\s*")
HEADING_PATTERNS = (H1, H2, H3, H4, H5)


class HeadingLevel(IntEnum):
    """How a numbered line is numbered, outermost first (the order of HEADING_PATTERNS)."""

    NONE = 0  # not numbered (also the outline's root)
    CHAPTER = 1  # 一、
    SECTION = 2  # （一）
    ITEM = 3  # 1.
    SUB_ITEM = 4  # （1）
    CIRCLED = 5  # ①

    @property
    def is_heading(self) -> bool:
        """Return True for the levels that title a chapter or a section (一、 and （一）)."""
        return self in (HeadingLevel.CHAPTER, HeadingLevel.SECTION)


DATE_RE = re.compile(
    rf"(\d{{4}}|[{CN_DIGITS}]{{4}})\s*年\s*(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日"
)
DATE_LINE = re.compile(rf"^{DATE_RE.pattern}$")
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,14}\s*[〔［\[（(【]\s*(\d{4})\s*[〕］\]）)】]\s*第?\s*\d{1,5}\s*号"
)
PUBLISH_NOTE = re.compile(r"^[（(]\s*此件.{0,12}[）)]$")
CC_LINE = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[：:]")
PRINTED_LINE = re.compile(rf"{DATE_RE.pattern}\s*印\s*发$")
ATTACHMENT_LINE = re.compile(r"^附\s*件\s*\d{0,2}\s*[：:]?\s*$|^附\s*件\s*\d{1,2}\s*[：:]")
LABEL_LINE = re.compile(rf"^(?:{ALL_LABELS})\s*[：:]")
# The issuing organ on a line of its own (版头 or signature): never joined to the 文号 or title beside it.
ORGAN_LINE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{2,30}(?:人民政府|办公室|办公厅|委员会|人民政府文件|办公室文件|办公厅文件)$"
)
DOC_TYPE_END = re.compile(
    r"(?:方案|意见|通知|要点|清单|措施|办法|规划|计划|细则|规定|决定|安排|举措|分工|任务|纲要|若干政策|分解表?|一览表)》?"
    r"(?:[（(][^（）()]{1,16}[）)])?》?$"  # a trailing （2019-2020年） or （6.0版）
)
_TERMINATORS = "。！？；：）)〕】!?;:"


def is_page_furniture(line: str) -> bool:
    """Return True for a page number line such as '— 12 —', '- 3 -' or '第2页 共9页'."""
    return bool(_PAGE_FURNITURE.match(line.strip()))


def heading_level(line: str) -> HeadingLevel:
    """Return the level of a line starting with 一、 / （一） / 1. / （1） / ①, else HeadingLevel.NONE."""
    for level, pattern in enumerate(HEADING_PATTERNS, start=1):
        if pattern.match(line):
            return HeadingLevel(level)
    return HeadingLevel.NONE


# A 发文字号 line ('内政发〔2026〕4号') is short and holds little beside the number: at most a 签发人 of a
# few characters. A sentence that cites a 文号 is longer and is joined as usual.
_DOC_NUMBER_LINE = 30
_DOC_NUMBER_EXTRA = 4


def is_special_line(line: str) -> bool:
    """Return True for lines that always stand alone: dates, 发文字号, 此件公开发布, 抄送, 附件."""
    return bool(
        DATE_LINE.match(line)
        or PUBLISH_NOTE.match(line)
        or CC_LINE.match(line)
        or PRINTED_LINE.search(line)
        or ATTACHMENT_LINE.match(line)
        or ORGAN_LINE.match(line)
        or (
            DOC_NUMBER.search(line)
            and len(line) <= _DOC_NUMBER_LINE
            and len(DOC_NUMBER.sub("", line).strip()) <= _DOC_NUMBER_EXTRA
        )
    )


def _display_width(line: str) -> int:
    """Return a line's width in half-character units.

    Ambiguous-width marks (“ ” ‘ ’ … —) take a full character in Chinese type, as in every 公文 font; counted
    as half, a line holding quotes looked short and its paragraph was cut at a page's first line.
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)


# Wrap detection (PDF text, where every printed line ends in a break): lines at least _WRAP_MIN_WIDTH
# half-characters wide are bucketed by _WRAP_BUCKET (two characters, the slack of justified type and
# punctuation squeezing); when at least _WRAP_SHARE of them fall in the commonest bucket or beside it, the
# text was wrapped there. Fewer than _WRAP_MIN_LINES long lines (a .docx, a short note) say nothing.
_WRAP_MIN_WIDTH = 30
_WRAP_MIN_LINES = 5
_WRAP_BUCKET = 4
_WRAP_SHARE = 0.4


def _wrap_width(lines: list[str]) -> int | None:
    """Return the display width at which the text was wrapped, or None if it was not."""
    widths = [_display_width(x) for x in lines if _display_width(x) >= _WRAP_MIN_WIDTH]
    if len(widths) < _WRAP_MIN_LINES:
        return None
    common, _ = Counter(w // _WRAP_BUCKET for w in widths).most_common(1)[0]
    near = sum(1 for w in widths if abs(w // _WRAP_BUCKET - common) <= 1)
    if near / len(widths) < _WRAP_SHARE:
        return None
    return common * _WRAP_BUCKET


# A heading on a line of its own ('一、优化营商环境') is at most two printed lines of the body text and
# holds no sentence; a document title may run to three lines (long 关于印发…的通知 titles).
_SHORT_HEADING = 40
_TITLE_LENGTH = 80


def _is_short_heading(paragraph: str) -> bool:
    """Return True for a heading with no sentence in it, which a PDF's next line never continues."""
    return len(paragraph) <= _SHORT_HEADING and not re.search(r"[。；，,]", paragraph)


def is_title_like(paragraph: str) -> bool:
    """Return True for a short line ending like a document title (…方案, …意见, …通知) with no sentence in it."""
    title = paragraph.rsplit("：", 1)[-1]  # after a page header such as '某区奖励政策：'
    return (
        len(paragraph) <= _TITLE_LENGTH
        and not re.search(r"[。，；：]", title)
        and bool(DOC_TYPE_END.search(title))
    )


# A file whose paragraph breaks were lost holds the whole plan on a few long lines: numbering that
# follows a space or a sentence's end inside such a line starts a new paragraph.
_RUN_ON_LENGTH = 300
_RUN_ON_BREAK = re.compile(
    r"(?:\s+|(?<=[。；：！？]))(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|\d{1,3}[.．、](?![\d%％])|[（(]\d{1,3}[）)])\S)"
)


def split_run_on(lines: Iterable[str]) -> list[str]:
    """Split very long lines at the numbering inside them (lost paragraph breaks)."""
    out: list[str] = []
    for line in lines:
        if len(line) > _RUN_ON_LENGTH:
            out.extend(part for part in _RUN_ON_BREAK.split(line) if part.strip())
        else:
            out.append(line)
    return out


def join_lines(raw_lines: Iterable[str]) -> list[str]:
    """Join lines broken by PDF extraction into paragraphs, dropping page numbers and blanks."""
    lines = [clean_spaces(x) for x in split_run_on(raw_lines)]
    lines = [x for x in lines if x and not is_page_furniture(x)]
    wrap = _wrap_width(lines)
    paragraphs: list[str] = []
    current = ""
    last_line = ""
    for line in lines:
        if current and _continues(current, last_line, line, wrap):
            current += line
        else:
            if current:
                paragraphs.append(current)
            current = line
        last_line = line
    if current:
        paragraphs.append(current)
    return [clean_spaces(p) for p in paragraphs]


# A printed line counts as full when it reaches the wrap width less three characters: a line may end
# early where the next word is a number or a quoted name that would not fit.
_FULL_LINE_SLACK = 6


def _continues(current: str, last_line: str, line: str, wrap: int | None) -> bool:
    """Return True when `line` goes on the paragraph `current` (whose last printed line is `last_line`).

    Never after a full stop, a special line, a label line or before a heading; a short heading ends at its
    line unless the line was full; with a known wrap width, only a full line is continued.
    """
    if current[-1] in _TERMINATORS:
        return False
    # A special line is never continued, so only a one-line paragraph can be one (no rescan of long text).
    if is_special_line(line) or (current == last_line and is_special_line(current)) or LABEL_LINE.match(line):
        return False
    if heading_level(line):
        return False
    line_full = wrap is not None and _display_width(last_line) >= wrap - _FULL_LINE_SLACK
    if heading_level(current) and _is_short_heading(current) and not line_full:
        return False
    if is_title_like(current):
        return False
    return not (wrap is not None and not line_full)


def iso_date(text: str) -> str | None:
    """Return the first date in `text` as YYYY-MM-DD, reading Chinese numerals too."""
    match = DATE_RE.search(text)
    if not match:
        return None
    year, month, day = (cn_to_int(g) for g in match.groups())
    if not (1900 < year < 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
