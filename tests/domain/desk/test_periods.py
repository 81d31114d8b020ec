from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.desk.periods import Period, Rhythm, current_period, parse_period, periods_between


@pytest.mark.parametrize(
    ("code", "label", "start", "end"),
    [
        ("2026-03", "2026年3月", date(2026, 3, 1), date(2026, 3, 31)),
        ("2026-02", "2026年2月", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", "2024年2月", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026Q1", "2026年第一季度", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026q4", "2026年第四季度", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026H1", "2026年上半年", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026H2", "2026年下半年", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026", "2026年度", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_codes_labels_and_dates(code: str, label: str, start: date, end: date) -> None:
    period = parse_period(code)
    assert period is not None
    assert period.label == label and period.start == start and period.end == end
    assert parse_period(period.code) == period


@pytest.mark.parametrize(
    "code", ["2026-13", "2026-00", "2026Q5", "2026H3", "26Q1", "二〇二六", "", "2026Q1x"]
)
def test_not_period_codes(code: str) -> None:
    assert parse_period(code) is None


def test_shift_crosses_years() -> None:
    assert Period(2026, Rhythm.QUARTER, 1).shifted(-1) == Period(2025, Rhythm.QUARTER, 4)
    assert Period(2026, Rhythm.MONTH, 12).shifted(1) == Period(2027, Rhythm.MONTH, 1)
    assert Period(2026, Rhythm.HALF, 2).shifted(-3) == Period(2025, Rhythm.HALF, 1)
    assert Period(2026, Rhythm.YEAR, 1).shifted(-1).code == "2025"


def test_current_period_waits_for_the_due_date() -> None:
    # Within the days allowed after a quarter ends, the clerk is writing that quarter's report.
    # the period now due is the last one ended, overdue or not; never the one under way
    assert current_period(date(2026, 4, 3), Rhythm.QUARTER).code == "2026Q1"
    assert current_period(date(2026, 4, 6), Rhythm.QUARTER).code == "2026Q1"
    assert current_period(date(2026, 12, 7), Rhythm.MONTH).code == "2026-11"
    assert current_period(date(2026, 11, 25), Rhythm.MONTH).code == "2026-10"
    assert current_period(date(2027, 1, 2), Rhythm.YEAR).code == "2026"


def test_due_date() -> None:
    assert Period(2026, Rhythm.QUARTER, 1).due() == date(2026, 4, 5)
    assert Period(2026, Rhythm.MONTH, 12).due(10) == date(2027, 1, 10)


def test_periods_between() -> None:
    codes = [p.code for p in periods_between(date(2025, 11, 20), date(2026, 2, 1), Rhythm.MONTH)]
    assert codes == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [p.code for p in periods_between(date(2026, 1, 1), date(2026, 12, 31), Rhythm.HALF)] == [
        "2026H1",
        "2026H2",
    ]
