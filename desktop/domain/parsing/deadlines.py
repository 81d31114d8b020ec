"""Completion deadlines: find them in clauses, columns and text, and normalise them to dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from desktop.domain.models import Deadline

_STANDING = re.compile(
    r"(?:年内|每年|全年)?(?:持续推进|长期坚持|长期推进|持续开展|持续实施|长期实施|长期任务|常态化推进|长期)"
)
_HALF = {
    "上半年": 6,
    "下半年": 12,
    "一季度": 3,
    "第一季度": 3,
    "二季度": 6,
    "第二季度": 6,
    "三季度": 9,
    "第三季度": 9,
    "四季度": 12,
    "第四季度": 12,
}
_DATE = re.compile(
    r"(?:(?P<year>\d{4})年|(?P<thisyear>年))?"
    r"(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?|(?P<half>上半年|下半年|第?[一二三四]季度)|(?P<yearend>底|末))?"
    r"(?P<tail>(?:上旬|中旬|下旬|底|末)?(?:前|以前|之前)?(?:完成|实现|出台|建成|印发|到位)?)"
)
# In the measure's own text only these explicit forms count: '2026年6月底前', '年底前', '2026年9月30日前'.
_TEXT_DEADLINE = re.compile(
    r"(?:\d{4}年|年)?(?:\d{1,2}月)?(?:底|末)前|\d{4}年\d{1,2}月\d{1,2}日前(?!到期|的|后)"
)


@dataclass(frozen=True)
class Found:
    """A deadline and where it stood in the searched text."""

    start: int
    end: int
    deadline: Deadline


def _due(year: int, match: re.Match[str]) -> str | None:
    """Return the last day a matched deadline allows ('6月底前' → the 30th, '上半年' → 30 June), or None if impossible."""
    month_text, day_text, half = match.group("month"), match.group("day"), match.group("half")
    if half:
        month = _HALF.get(half, _HALF.get("第" + half, 12))
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if month_text:
        month = int(month_text)
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        day = int(day_text) if day_text else last
        if not 1 <= day <= last:
            return None
        if "上旬" in match.group("tail") and not day_text:
            day = 10
        elif "中旬" in match.group("tail") and not day_text:
            day = 20
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-12-31"


def find_deadlines(text: str, *, default_year: int | None = None) -> list[Found]:
    """Return every deadline in a clause or a 完成时限 value, with its position."""
    found: list[Found] = []
    for match in _DATE.finditer(text):
        whole = match.group(0)
        year_text = match.group("year")
        if not whole:
            continue
        tail = match.group("tail")
        if not year_text and not match.group("thisyear"):
            # '6月底完成' in a 2020 plan: a month with 底/前 and no year means the plan's year.
            if not (match.group("month") and re.search(r"底|末|前|完成", tail)):
                continue
        elif not year_text and not (match.group("yearend") or match.group("month")):
            continue
        if (
            year_text
            and not (match.group("month") or match.group("half") or match.group("yearend"))
            and not match.group("tail")
            and len(text.strip()) > len(whole) + 2
        ):
            continue  # a bare year inside a sentence is not a deadline
        year = int(year_text) if year_text else default_year
        due = _due(year, match) if year else None
        shown = whole[:-2] if whole.endswith(("完成", "实现", "出台", "建成", "印发", "到位")) else whole
        found.append(Found(match.start(), match.end(), Deadline(text=shown, due=due)))
    for match in _STANDING.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        found.append(Found(match.start(), match.end(), Deadline(text=match.group(0), standing=True)))
    found.sort(key=lambda f: f.start)
    return _drop_nested(found)


def _drop_nested(found: list[Found]) -> list[Found]:
    """Keep the first of overlapping matches (sorted by start), so '2025年6月底前' is not read twice."""
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def deadlines_in_text(text: str, *, default_year: int | None = None) -> list[Deadline]:
    """Return the explicit deadlines written inside a measure's own text (2026年6月底前 …)."""
    result = []
    for match in _TEXT_DEADLINE.finditer(text):
        for found in find_deadlines(match.group(0), default_year=default_year):
            result.append(found.deadline)
    return result
