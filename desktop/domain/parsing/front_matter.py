"""Find a plan's title, 发文字号 and 成文日期, and cut the covering notice and 版记 away."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.domain.parsing.lines import (
    ATTACHMENT_LINE,
    CC_LINE,
    DATE_LINE,
    DOC_NUMBER,
    DOC_TYPE_END,
    PRINTED_LINE,
    PUBLISH_NOTE,
    heading_level,
    is_special_line,
    is_title_like,
    iso_date,
)
from desktop.domain.text import squash

_NOTICE_TITLE = re.compile(r"(?:印发|转发|发布|下发).*(?:通知|函)$|关于.*《.+》.*(?:通知|函)$")
_TITLE_IN_QUOTES = re.compile(r"《([^《》]+)》")

# Where the front matter is looked for. A 文号, a notice's title or a news item's 《…》 stands in the
# document's first lines (red header, 文号, title, 主送); past them the body has begun.
_HEAD_PARAGRAPHS = 12
_TITLE_PARAGRAPHS = 8
_TITLE_TRIES = 4  # a site's page header or a news lead-in may stand before a title
# Lengths in characters. A title line is short and holds no sentence; a title may run over
# _TITLE_LINES printed lines; a notice's title ('关于印发…的通知') over three of them.
_FRAGMENT = 40
_TITLE_FRAGMENTS = 4
_TITLE_LINE = 60
_TITLE_LINES = 3
_NOTICE_TITLE_LENGTH = 120
# A 文号 line may carry a 签发人 or the issuing organ's short name beside the number; a signature (the
# organ and no sentence) is a line or so.
_DOC_NUMBER_EXTRA = 30
_SIGNATURE = 30


@dataclass
class Frame:
    """The parts of a document around the plan's own numbered body."""

    title: str = ""
    doc_number: str | None = None
    issued_on: str | None = None
    front: list[str] = field(default_factory=list)  # notice and preamble: global rules may live here
    body: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def _fragment(paragraph: str) -> bool:
    """Return True for a piece of a title a PDF broke over lines: short, no sentence, no number, no date."""
    return (
        len(paragraph) <= _FRAGMENT
        and not re.search(r"[。；：，]", paragraph)
        and not heading_level(paragraph)
        and not is_special_line(paragraph)
    )


def merge_title_fragments(paragraphs: list[str]) -> list[str]:
    """Join a title that a PDF broke over several centred lines (each short, the last ending like a title)."""
    merged: list[str] = []
    i = 0
    while i < len(paragraphs):
        run = 1
        while (
            run < _TITLE_FRAGMENTS
            and i + run < len(paragraphs)
            and _fragment(paragraphs[i + run - 1])
            and _fragment(paragraphs[i + run])
        ):
            run += 1
            if _NOTICE_TITLE.search("".join(paragraphs[i : i + run])) or DOC_TYPE_END.search(
                paragraphs[i + run - 1]
            ):
                break
        joined = "".join(paragraphs[i : i + run])
        # The document's first lines, right before its first sentence, are its title whatever its last word
        # (a news headline: 《政府工作报告》…确定科技部“挑大梁”（中国政府网）).
        opening = i == 0 and i + run < len(paragraphs) and bool(re.search(r"[。，；]", paragraphs[i + run]))
        if run > 1 and (_NOTICE_TITLE.search(joined) or DOC_TYPE_END.search(joined) or opening):
            merged.append(joined)
            i += run
        else:
            merged.append(paragraphs[i])
            i += 1
    return merged


def normalise_doc_number(text: str) -> str:
    """Return a 发文字号 without spaces, its year in 〔〕 however it was bracketed.

    As [2026], （2026）, 【2026】, or the mixed pair OCR reads, 〔2026].
    """
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[［\[（(【〔](\d{4})[］\]）)】〕]", r"〔\1〕", text)


def _cut_back_matter(paragraphs: list[str]) -> list[str]:
    """Drop the 版记 (抄送, 印发 lines) and all after it."""
    for i, p in enumerate(paragraphs):
        if i > 0 and (CC_LINE.match(p) or PRINTED_LINE.search(p)):
            return paragraphs[:i]
    return paragraphs


def _notice_title_index(paragraphs: list[str]) -> int:
    """Return the index of a covering notice's title ('…关于印发…的通知') near the start, or -1."""
    for i, p in enumerate(paragraphs[:_TITLE_PARAGRAPHS]):
        if _NOTICE_TITLE.search(p) and len(p) <= _NOTICE_TITLE_LENGTH and "。" not in p:
            return i
    return -1


def _title_from_start(paragraphs: list[str], start: int) -> tuple[str, int]:
    """Return the title beginning at or after `start` and the index just after it.

    A news lead-in or a site's page header may stand before the title: the first few paragraphs are tried.
    """
    i = start
    while i < len(paragraphs) and (
        DOC_NUMBER.fullmatch(paragraphs[i])
        or DATE_LINE.match(paragraphs[i])
        or PUBLISH_NOTE.match(paragraphs[i])
        or ATTACHMENT_LINE.match(paragraphs[i])
    ):
        i += 1
    for k in range(i, min(i + _TITLE_TRIES, len(paragraphs))):
        if heading_level(paragraphs[k]):
            break
        title, after = _title_at(paragraphs, k)
        if title:
            return title, after
    first = paragraphs[i] if i < len(paragraphs) else ""
    if first and not heading_level(first) and not re.search(r"[。；：]", first) and len(first) <= _TITLE_LINE:
        return first, i + 1
    return "", start


def _title_at(paragraphs: list[str], k: int) -> tuple[str, int]:
    """Return a title of up to three lines starting at paragraph `k` (a '栏目：' prefix dropped), or ''."""
    parts: list[str] = []
    j = k
    while j < len(paragraphs) and len(parts) < _TITLE_LINES:
        p = paragraphs[j]
        if not parts and "：" in p and "。" not in p:  # a page header such as '萧山区高新技术企业奖励政策：…'
            p = p.rsplit("：", 1)[-1]
        if heading_level(p) or re.search(r"[。；：]", p) or len(p) > _TITLE_LINE:
            break
        parts.append(p)
        j += 1
        if DOC_TYPE_END.search(p):
            return "".join(parts), j
    return "", k


def _numbered(paragraph: str) -> bool:
    return heading_level(paragraph) > 0 and not ATTACHMENT_LINE.match(paragraph)


def notice_end(paragraphs: list[str]) -> int:
    """Return the index just after a covering notice's date (and 此件公开发布) block, or 0 without one.

    The notice's date is the last date or 此件 line that has more numbered items after it than before it
    (a notice may list its attachments as 1. 2.); the plan's own signature date has none after it.
    """
    numbered = [_numbered(p) for p in paragraphs]
    total = sum(numbered)
    before = 0
    end = 0
    for i, paragraph in enumerate(paragraphs):
        if (DATE_LINE.match(paragraph) or PUBLISH_NOTE.match(paragraph)) and total - before > before:
            end = i + 1
        before += numbered[i]
    while (
        end
        and end < len(paragraphs)
        and (DATE_LINE.match(paragraphs[end]) or PUBLISH_NOTE.match(paragraphs[end]))
    ):
        end += 1
    return end


def frame_document(paragraphs: list[str]) -> Frame:
    """Split paragraphs into the covering notice, the plan body and its attachments."""
    frame = Frame()
    paragraphs = merge_title_fragments(_cut_back_matter(paragraphs))
    for p in paragraphs[:_HEAD_PARAGRAPHS]:
        match = DOC_NUMBER.search(p)
        if match and not heading_level(p) and len(p) - len(match.group(0)) <= _DOC_NUMBER_EXTRA:
            frame.doc_number = normalise_doc_number(match.group(0))
            break
    end = notice_end(paragraphs)
    notice = _notice_title_index(paragraphs[: end or len(paragraphs)])
    notice_title = ""
    if notice >= 0:
        quoted = _TITLE_IN_QUOTES.findall(paragraphs[notice])
        notice_title = quoted[-1] if quoted else _title_inside_notice(paragraphs[notice])
    if end:
        frame.issued_on = next((iso_date(p) for p in paragraphs[:end] if DATE_LINE.match(p)), None)
        own_title, body_start = _title_from_start(paragraphs, end)
        if not (own_title and DOC_TYPE_END.search(own_title)) and not (
            own_title and notice_title and squash(own_title).endswith(squash(notice_title))
        ):
            own_title, body_start = "", end
        frame.title = own_title or notice_title or _quoted_in(paragraphs[:end])
    elif notice >= 0:
        frame.title = notice_title
        body_start = _body_start_after_notice(paragraphs, notice, frame.title)
        own_title, after = _title_from_start(paragraphs, body_start)
        if own_title and (not frame.title or squash(own_title).endswith(squash(frame.title))):
            frame.title, body_start = own_title, after
        elif body_start > 0 and squash(paragraphs[body_start - 1]).endswith(squash(frame.title) or "\0"):
            frame.title = paragraphs[body_start - 1]
    else:
        frame.title, body_start = _title_from_start(paragraphs, 0)
    if not frame.title:  # a news item: '近日，…发布《…方案》'
        frame.title = _quoted_in(paragraphs[:_TITLE_PARAGRAPHS])
    frame.title = re.sub(r"^《(.+)》$", r"\1", frame.title)
    frame.title = re.sub(r"^[【〔\[][^】〕\]]{1,30}[】〕\]]", "", frame.title)  # a site's 【栏目】 before it
    frame.front = paragraphs[:body_start]
    body = paragraphs[body_start:]
    for i, p in enumerate(body):
        if ATTACHMENT_LINE.match(p):
            frame.attachments = body[i + 1 :]
            body = body[:i]
            break
    seen_numbered = False
    for i, p in enumerate(body):
        if seen_numbered and (DATE_LINE.match(p) or PUBLISH_NOTE.match(p)):
            if frame.issued_on is None and DATE_LINE.match(p):
                frame.issued_on = iso_date(p)
            cut = i - 1 if i and _is_signature(body[i - 1]) else i
            body = body[:cut]
            break
        seen_numbered = seen_numbered or _numbered(p)
    frame.body = body
    return frame


def _quoted_in(paragraphs: list[str]) -> str:
    """Return the first 《…》 in a notice that names a document of a known kind, or ''."""
    for paragraph in paragraphs:
        for quoted in _TITLE_IN_QUOTES.findall(paragraph):
            if DOC_TYPE_END.search(quoted):
                return str(quoted)
    return ""


def _title_inside_notice(notice_title: str) -> str:
    """Return 'X方案' from '…关于印发X方案的通知' when the title carries no 《》."""
    match = re.search(r"(?:印发|转发|发布|下发)(.+?)的(?:通知|函)$", notice_title)
    return match.group(1) if match and DOC_TYPE_END.search(match.group(1)) else ""


def _is_signature(paragraph: str) -> bool:
    """Return True for the issuing organ's name above a closing date (short, no heading, no sentence end)."""
    return (
        len(paragraph) <= _SIGNATURE
        and not heading_level(paragraph)
        and not re.search(r"[。，；：）)]$", paragraph)
    )


def _body_start_after_notice(paragraphs: list[str], notice: int, title: str) -> int:
    """Return where the plan starts after a notice: past its own title, else its 公开 note, else its date."""
    wanted = squash(title)
    if wanted:
        for i in range(notice + 1, len(paragraphs)):
            found = squash(paragraphs[i])
            if found == wanted or (found.endswith(wanted) and is_title_like(paragraphs[i])):
                return i + 1
    for i in range(notice + 1, len(paragraphs)):
        if PUBLISH_NOTE.match(paragraphs[i]):
            return i + 1
    for i in range(notice + 1, len(paragraphs)):
        if DATE_LINE.match(paragraphs[i]):
            return i + 1
    return notice + 1
