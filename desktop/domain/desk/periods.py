"""Reporting periods: codes (2026-03, 2026Q1, 2026H1, 2026), labels, dates and the current period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Rhythm(StrEnum):
    """How often a unit reports (月报/季报/半年报/年报)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


RHYTHM_LABELS = {Rhythm.MONTH: "月报", Rhythm.QUARTER: "季报", Rhythm.HALF: "半年报", Rhythm.YEAR: "年报"}
_MONTHS_PER = {Rhythm.MONTH: 1, Rhythm.QUARTER: 3, Rhythm.HALF: 6, Rhythm.YEAR: 12}
_CN_ORDINAL = "一二三四"
_CODE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})|[Qq]([1-4])|[Hh]([12]))?\s*$")

# Reports are due this many days after a period ends unless the clerk sets otherwise (每月5日前).
DEFAULT_DUE_DAYS = 5


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: a kind, a year and the index of the period within the year (1-based)."""

    year: int
    rhythm: Rhythm
    index: int

    @property
    def code(self) -> str:
        """Return the period's code: 2026-03, 2026Q1, 2026H1 or 2026."""
        if self.rhythm is Rhythm.MONTH:
            return f"{self.year}-{self.index:02d}"
        if self.rhythm is Rhythm.QUARTER:
            return f"{self.year}Q{self.index}"
        if self.rhythm is Rhythm.HALF:
            return f"{self.year}H{self.index}"
        return str(self.year)

    @property
    def label(self) -> str:
        """Return the period's name as written in reports: 2026年第一季度, 2026年3月 …."""
        if self.rhythm is Rhythm.MONTH:
            return f"{self.year}年{self.index}月"
        if self.rhythm is Rhythm.QUARTER:
            return f"{self.year}年第{_CN_ORDINAL[self.index - 1]}季度"
        if self.rhythm is Rhythm.HALF:
            return f"{self.year}年{'上' if self.index == 1 else '下'}半年"
        return f"{self.year}年度"

    @property
    def start(self) -> date:
        """Return the first day of the period."""
        return date(self.year, (self.index - 1) * _MONTHS_PER[self.rhythm] + 1, 1)

    @property
    def end(self) -> date:
        """Return the last day of the period."""
        last_month = self.index * _MONTHS_PER[self.rhythm]
        if last_month == 12:
            return date(self.year, 12, 31)
        return date(self.year, last_month + 1, 1) - timedelta(days=1)

    def due(self, days_after: int = DEFAULT_DUE_DAYS) -> date:
        """Return the date the report for this period is due."""
        return self.end + timedelta(days=days_after)

    def shifted(self, steps: int) -> Period:
        """Return the period `steps` periods later (earlier when negative) of the same kind."""
        per_year = 12 // _MONTHS_PER[self.rhythm]
        absolute = self.year * per_year + (self.index - 1) + steps
        return Period(absolute // per_year, self.rhythm, absolute % per_year + 1)


def parse_period(code: str) -> Period | None:
    """Return the period a code names, or None when it is not a period code."""
    match = _CODE_RE.match(code)
    if not match:
        return None
    year = int(match.group(1))
    if not 1900 <= year <= 2999:
        return None
    if match.group(2):
        month = int(match.group(2))
        return Period(year, Rhythm.MONTH, month) if 1 <= month <= 12 else None
    if match.group(3):
        return Period(year, Rhythm.QUARTER, int(match.group(3)))
    if match.group(4):
        return Period(year, Rhythm.HALF, int(match.group(4)))
    return Period(year, Rhythm.YEAR, 1)


def containing(day: date, rhythm: Rhythm) -> Period:
    """Return the period of kind `rhythm` that contains `day`."""
    return Period(day.year, rhythm, (day.month - 1) // _MONTHS_PER[rhythm] + 1)


def current_period(today: date, rhythm: Rhythm) -> Period:
    """Return the period now due: the last one that has ended (on 12-07, monthly: 2026年11月).

    The period under way is never the default: a report on it would speak of days still to come. Whether
    its due date has passed (逾期) is for the caller to show.
    """
    return containing(today, rhythm).shifted(-1)


def periods_between(first: date, last: date, rhythm: Rhythm) -> list[Period]:
    """Return every period of kind `rhythm` from the one containing `first` to the one containing `last`."""
    period, stop = containing(first, rhythm), containing(last, rhythm)
    found = []
    while period <= stop:
        found.append(period)
        period = period.shifted(1)
    return found


def period_from_label(text: str) -> Period | None:
    """Return the period a ledger's 报送周期 names in words (2026年第一季度, 2026年3月 …), or None."""
    found = re.search(r"(\d{4})\s*年", text)
    if found is None:
        return parse_period(text.strip())
    year = int(found.group(1))
    wanted = re.sub(r"\s", "", text)
    for rhythm, count in _MONTHS_PER.items():
        for index in range(1, 12 // count + 1):
            period = Period(year, rhythm, index)
            if period.label == wanted:
                return period
    return None
