"""Deadlines as plans write them (clauses.md §3): each normalised to a date, or kept as standing."""

from __future__ import annotations

import pytest

from desktop.domain.parsing.deadlines import deadlines_in_text, find_deadlines


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2026年6月底前完成", "2026-06-30"),
        ("2025年12月底前", "2025-12-31"),
        ("2026年9月30日前", "2026-09-30"),
        ("2026年上半年", "2026-06-30"),
        ("2026年第三季度", "2026-09-30"),
        ("年底前", "2024-12-31"),
        ("6月底前", "2024-06-30"),
        ("2026年3月上旬", "2026-03-10"),
        ("2024年2月底前", "2024-02-29"),
    ],
)
def test_dates(text: str, due: str) -> None:
    found = find_deadlines(text, default_year=2024)
    assert [f.deadline.due for f in found] == [due]


def test_standing_tasks_have_no_date() -> None:
    for text in ("持续推进", "长期坚持", "常态化推进"):
        (found,) = find_deadlines(text)
        assert found.deadline.standing and found.deadline.due is None and found.deadline.text == text


def test_a_bare_year_inside_a_sentence_is_not_a_deadline() -> None:
    assert find_deadlines("落实2024年工作部署，推动项目建设", default_year=2024) == []


def test_impossible_dates_have_no_due() -> None:
    (found,) = find_deadlines("2026年13月底前")
    assert found.deadline.due is None


def test_only_explicit_forms_count_in_measure_text() -> None:
    assert [d.due for d in deadlines_in_text("2026年6月底前出台实施细则", default_year=2026)] == [
        "2026-06-30"
    ]
    assert deadlines_in_text("到2025年，基本建成", default_year=2026) == []
    assert deadlines_in_text("每月25日前报送进展", default_year=2026) == []
