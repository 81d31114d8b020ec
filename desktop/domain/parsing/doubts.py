"""Where the parser is unsure of a measure: short codes with a detail, and the Chinese shown for them.

Each check is cheap and local. Together they aim at one promise: a measure the parser got wrong carries
at least one doubt, and few measures it got right carry any (the corpus test measures both).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from difflib import SequenceMatcher

from desktop.domain.models import Doubt, Measure
from desktop.domain.parsing.clauses import looks_like_clause
from desktop.domain.parsing.units import UNIT_END
from desktop.domain.parsing.vocabulary import ALL_LABELS
from desktop.domain.terms import Role
from desktop.domain.text import CLOSERS, OPENERS, fold

NO_UNIT = "no_unit"
ODD_UNIT = "odd_unit"
SIMILAR_UNIT = "similar_unit"
CLAUSE_IN_TEXT = "clause_in_text"
NUMBERING = "numbering"
DEADLINE = "deadline"
TOO_LONG = "too_long"
NUMBER_IN_TEXT = "number_in_text"
NO_LEAD = "no_lead"
NO_DEADLINE = "no_deadline"
OCR = "ocr"

# The Chinese each code is shown with; {detail} is the code's parameter.
DOUBT_TEXT = {
    NO_UNIT: "没有找到责任单位",
    ODD_UNIT: "“{detail}”不像单位名称",
    SIMILAR_UNIT: "“{detail}”与本方案中另一单位名称相近，是否同一单位",
    CLAUSE_IN_TEXT: "措施原文中仍有责任分工：“{detail}”",
    NUMBERING: "编号不连续：{detail}",
    DEADLINE: "完成时限“{detail}”未能识别为日期",
    TOO_LONG: "比同级措施长得多（{detail} 字），可能是两项措施连在一起",
    NUMBER_IN_TEXT: "措施原文中有编号“{detail}”，可能是两项措施连在一起",
    NO_LEAD: "有责任单位但没有牵头单位",
    NO_DEADLINE: "本方案大多数措施写明了完成时限，这一项没有找到",
    OCR: "由扫描件识别，请核对原文：{detail}",
}

_PLACE_END = re.compile(r"(?:分行|支行|总社|调查队|区|县|市|旗|盟|州)$")  # 某某县支行, 滁州市 as units
_VERB_OR_LABEL = re.compile(
    rf"(?:{ALL_LABELS})|负责|牵头|配合|落实|参与|参加|协助|推进|开展|加强|建立|完善|实施"
)
_PUNCTUATION = re.compile(r"[：:。，,；;！？“”\"]")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_LABEL_IN_TEXT = re.compile(rf"(?:{ALL_LABELS})\s*[：:]")
_UNDERSTOOD_DEADLINE = re.compile(r"\d{1,2}月|年底|年内|季度|半年|持续|长期|常态")
# A number that starts a new item after a sentence's end: '…。5.加强…' (sub-items （1）（2） are fine).
_NUMBER_INSIDE = re.compile(r"[。；]\s*((?:[2-9]|\d{2})[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)")

# The longest real organ names in the corpus are about 20 characters ('自治区党委网信办（自治区互联网信息办公
# 室）'); a wildcard ('各旗县（市、区）人民政府及有关部门') a little longer. Longer is a sentence read as a unit.
_UNIT_NAME = 25
_WILDCARD_NAME = 30
_SHOWN = 30  # characters of a leftover clause shown in a doubt; the label form shows _LABEL_SHOWN
_LABEL_SHOWN = 20
# Near spellings (市发改局 / 市发改委): a ratio this close, lengths within _NEAR_LENGTH, compared inside
# groups of the same first two characters and at most _NEAR_GROUP names each, so a plan with thousands of
# names stays quick.
_NEAR_RATIO = 0.85
_NEAR_LENGTH = 2
_NEAR_GROUP = 200
# Plan-wide checks need a few measures to say what is usual: a measure is too long past _LONG_TIMES the
# median length (and past _LONG_FLOOR characters, for plans of short measures); a missing deadline is odd
# when at least _DEADLINE_SHARE of the plan's measures have one.
_PLAN_MIN = 4
_LONG_TIMES = 3
_LONG_FLOOR = 300
_DEADLINE_SHARE = 0.8


def describe(doubt: Doubt) -> str:
    """Return the Chinese sentence shown to the clerk for a doubt."""
    return DOUBT_TEXT.get(doubt.code, doubt.code).format(detail=doubt.detail)


def unit_doubt(name: str, wildcard: bool) -> str | None:
    """Return why a unit name does not look like an organ, or None when it does."""
    if len(name) > (_WILDCARD_NAME if wildcard else _UNIT_NAME):
        return "long"
    bare = re.sub(r"牵头(?:部门|单位)$", "", name) if wildcard else name  # 各重点产业链牵头部门
    if _PUNCTUATION.search(bare) or _VERB_OR_LABEL.search(bare):
        return "words"
    if wildcard:
        return None
    bare_name = name.rstrip("）)")
    if not (UNIT_END.search(bare_name) or _PLACE_END.search(bare_name) or re.search(r"（[^）]*）$", name)):
        return "person" if _PERSON.match(name) else "shape"
    return None


def _clause_left_in(text: str) -> str | None:
    """Return a responsibility clause still inside a measure's text (a label line or a bracketed clause)."""
    label = _LABEL_IN_TEXT.search(text)
    if label:
        return text[label.start() : label.start() + _LABEL_SHOWN]
    folded = fold(text)
    depth_start = -1
    depth = 0
    for i, ch in enumerate(folded):
        if ch in OPENERS:
            if depth == 0:
                depth_start = i
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
            if depth == 0 and looks_like_clause(text[depth_start + 1 : i]):
                content = text[depth_start + 1 : i]
                if re.search(r"负责|牵头|配合|参与|落实|责任单位|牵头单位", content):
                    return content[:_SHOWN]
    return None


def _similar_pairs(measures: list[Measure]) -> set[str]:
    """Return names used once in the plan that nearly equal another name of the plan (市发改局 / 市发改委)."""
    counts: dict[str, int] = {}
    for m in measures:
        for u in m.units:
            if not u.wildcard:
                counts[u.name] = counts.get(u.name, 0) + 1
    groups: dict[str, list[str]] = {}
    for name in sorted(counts):
        groups.setdefault(name[:2], []).append(name)
    doubtful: set[str] = set()
    for names in groups.values():
        for i, a in enumerate(names[:_NEAR_GROUP]):
            for b in names[i + 1 : _NEAR_GROUP]:
                if abs(len(a) - len(b)) > _NEAR_LENGTH or a.endswith(b) or b.endswith(a):
                    continue
                if SequenceMatcher(None, a, b).ratio() >= _NEAR_RATIO:
                    doubtful.update(n for n in (a, b) if counts[n] == 1)
    return doubtful


def find_doubts(measures: list[Measure], numbering: dict[int, str] | None = None) -> list[Measure]:
    """Return the measures with their doubts added (`numbering`: seq -> a gap or repeat in a table's numbers)."""
    lengths = [len(m.text) for m in measures]
    median = statistics.median(lengths) if lengths else 0
    similar = _similar_pairs(measures)
    with_deadline = sum(1 for m in measures if m.deadlines)
    out = []
    for m in measures:
        doubts: list[Doubt] = list(m.doubts)
        if not m.units:
            doubts.append(Doubt(NO_UNIT))
        for u in m.units:
            if unit_doubt(u.name, u.wildcard):
                doubts.append(Doubt(ODD_UNIT, u.name))
            elif u.name in similar:
                doubts.append(Doubt(SIMILAR_UNIT, u.name))
        left = _clause_left_in(m.text)
        if left:
            doubts.append(Doubt(CLAUSE_IN_TEXT, left))
        if numbering and m.seq in numbering:
            doubts.append(Doubt(NUMBERING, numbering[m.seq]))
        for d in m.deadlines:
            if d.due is None and not d.standing and not _UNDERSTOOD_DEADLINE.search(d.text):
                doubts.append(Doubt(DEADLINE, d.text))
        if len(measures) >= _PLAN_MIN and len(m.text) > max(_LONG_FLOOR, _LONG_TIMES * median):
            doubts.append(Doubt(TOO_LONG, str(len(m.text))))
        inside = _NUMBER_INSIDE.search(m.text)
        if inside:
            doubts.append(Doubt(NUMBER_IN_TEXT, inside.group(1)))
        if m.units and not any(u.role is Role.LEAD for u in m.units):
            doubts.append(Doubt(NO_LEAD))
        if (
            not m.deadlines
            and with_deadline >= _DEADLINE_SHARE * len(measures)
            and len(measures) >= _PLAN_MIN
        ):
            doubts.append(Doubt(NO_DEADLINE))
        unique = list(dict.fromkeys(doubts))
        out.append(replace(m, doubts=tuple(unique)) if unique != list(m.doubts) else m)
    return out
