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


def default_short_title(text: str) -> str:
    """Return the measure's default short title, at most SHORT_TITLE_CHARS characters where it can be cut.

    A single clause longer than that and without a pause stays whole up to twice the limit.
    """
    body = " ".join(text.split()).strip()
    sentence = first_sentence(body).rstrip(_TRAILING)
    if len(sentence) <= SHORT_TITLE_CHARS:
        return sentence
    ends = [*_depth_zero_marks(sentence, _CLAUSE_END), len(sentence)]  # where each clause ends
    lead_in = bool(_LEAD_IN.match(sentence))
    taken = 1  # clauses in the title, joined with their own marks while it is short or only sets the scene
    while (
        taken < len(ends)
        and (ends[taken - 1] < MIN_CLAUSE_CHARS or (taken == 1 and lead_in))
        and ends[taken] <= SHORT_TITLE_CHARS
    ):
        taken += 1
    title = sentence[: ends[taken - 1]]
    if lead_in and taken == 1 and len(ends) > 1 and ends[1] - ends[0] - 1 <= SHORT_TITLE_CHARS:
        title = sentence[ends[0] + 1 : ends[1]]  # the clause that acts
    if len(title) > SHORT_TITLE_CHARS:
        title = _cut_long_clause(title)
    return title.rstrip(_TRAILING)


def _cut_long_clause(clause: str) -> str:
    """Shorten one long clause at its last 、 outside brackets, adding 等.

    With no such pause, a clause up to twice the limit is kept whole; a longer one is cut where no bracket
    or quote is open, with an ellipsis.
    """
    pauses = [i for i in _depth_zero_marks(clause, "、") if MIN_CLAUSE_CHARS <= i < SHORT_TITLE_CHARS]
    if pauses:
        return clause[: pauses[-1]] + "等"
    if len(clause) <= 2 * SHORT_TITLE_CHARS:
        return clause
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
