"""A measure's short title (任务简称): the clerk's own, or one read whole from the start of its text.

The default is the first sentence when it is short; otherwise the first clauses, cut only where every
bracket and quote opened has closed, so a heading never ends inside “…” or （…）. A first clause that
only sets the scene (在办理……时，围绕……，依托……) is joined to the next one when it fits.
"""

from __future__ import annotations

import re

SHORT_TITLE_CHARS = 30  # a report heading line and a ledger cell's first line or two
MIN_CLAUSE_CHARS = 8  # a shorter first clause takes the next one with it when it fits
OPENERS, CLOSERS = "（(“‘《〔【「『[", "）)”’》〕】」』]"
_SENTENCE_END = "。；！？!?;"
_CLAUSE_END = "，：,:"
# Clauses that set the scene rather than say what is done (a preposition or 在…时 first).
_LEAD_IN = re.compile(
    r"^(在|按照|根据|围绕|针对|对照|为了|为|通过|依托|结合|聚焦|立足|以|随着|基于|依据|对于)"
)
_TRAILING = "，；：、,;: "


def _depth_zero_marks(text: str, marks: str) -> list[int]:
    """Return the positions of `marks` that stand outside every bracket and quote."""
    depth, found = 0, []
    for i, ch in enumerate(text):
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif ch in marks and depth == 0:
            found.append(i)
    return found


def first_sentence(text: str) -> str:
    """Return the text up to its first full stop outside brackets and quotes (without the stop)."""
    ends = _depth_zero_marks(text, _SENTENCE_END)
    return text[: ends[0]] if ends else text


# A title may not end on a word that waits for more (…等, …时, 在…, …的, 将…, 对…, 与…) or inside a bracket or
# quote; these whole words end with such a character and are fine.
_OPEN_END = re.compile(r"[等时在与的将对]$|[（(“‘《〔【「『\[]$")
_WHOLE_WORDS = re.compile(
    r"(?:参与|给与|实时|及时|同时|适时|按时|准时|随时|定时|临时|届时|存在|所在|目的|面对|应对|核对|比对|相对|绝对)$"
)


def reads_whole(title: str) -> bool:
    """Return True when `title` ends where a reader expects an end: not on 等/时/在/与/的/将/对 or an opener."""
    title = title.rstrip(_TRAILING)
    return bool(title) and (not _OPEN_END.search(title) or bool(_WHOLE_WORDS.search(title)))


def default_short_title(text: str) -> str:
    """Return the measure's default short title: its first sentence, or its first clauses, read whole.

    The first clauses are taken as long as they stay within SHORT_TITLE_CHARS; they must end where a reader
    expects an end (`reads_whole`), and a clause that only sets the scene (在…时，围绕…，) is never a title
    alone: the clause that acts is taken instead, or with it. When no cut within the limit reads whole, the
    shortest that does up to twice the limit is kept; failing that, the sentence is cut with an ellipsis.
    """
    body = " ".join(text.split()).strip()
    sentence = first_sentence(body).rstrip(_TRAILING)
    if len(sentence) <= SHORT_TITLE_CHARS:
        return sentence
    ends = [*_depth_zero_marks(sentence, _CLAUSE_END), len(sentence)]  # where each clause ends
    lead_in = bool(_LEAD_IN.match(sentence))
    prefixes = [sentence[:end].rstrip(_TRAILING) for end in ends]
    for number, title in enumerate(prefixes):
        if len(title) > SHORT_TITLE_CHARS:
            break
        if len(title) >= MIN_CLAUSE_CHARS and reads_whole(title) and not (lead_in and number == 0):
            return title
    if lead_in and len(ends) > 1:  # the clause that acts, after the scene
        acting = sentence[ends[0] + 1 : ends[1]].rstrip(_TRAILING)
        if len(acting) <= SHORT_TITLE_CHARS and reads_whole(acting) and not _LEAD_IN.match(acting):
            return acting
    for title in prefixes:
        if len(title) > 2 * SHORT_TITLE_CHARS:
            break
        if reads_whole(title) and not (lead_in and title == prefixes[0] and len(prefixes) > 1):
            return title
    return _cut_long_clause(sentence)


def _cut_long_clause(clause: str) -> str:
    """Cut a clause too long to keep where no bracket or quote is open, with an ellipsis."""
    depth, cut = 0, SHORT_TITLE_CHARS
    for i, ch in enumerate(clause[:SHORT_TITLE_CHARS]):
        if depth == 0:
            cut = i
        depth += (ch in OPENERS) - (ch in CLOSERS)
    cut = len(clause[:SHORT_TITLE_CHARS]) if depth == 0 else max(cut, 1)
    return clause[:cut] + "…"


def short_title(text: str, own: str = "") -> str:
    """Return the clerk's short title when set, else the default read from the measure's text."""
    return " ".join(own.split()) or default_short_title(text)
