"""The report's content rules: dates, numerals, title breaks, grouping, unfilled measures, clean text."""

from __future__ import annotations

from datetime import date

from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.report import (
    NO_PROGRESS,
    ReportOptions,
    Unfilled,
    build_report,
    chinese_number,
    clean,
    date_text,
)
from tests.exporters.conftest import measures


def test_dates_and_numerals() -> None:
    assert date_text(date(2026, 3, 1)) == "2026年3月1日"
    assert [chinese_number(n) for n in (1, 10, 11, 20, 34)] == ["一", "十", "十一", "二十", "三十四"]


def test_clean() -> None:
    assert clean("a\x00b\x07c\r\nd\te") == "abc\nd\te"


def test_sections_follow_chapters_and_unfilled_option() -> None:
    period = parse_period("2026Q1")
    kwargs = {"period": period, "organ": "单位", "plan_refs": "《方案》", "today": date(2026, 4, 3)}
    listed = build_report(measures(), options=ReportOptions(), **kwargs)  # type: ignore[arg-type]
    assert [s.heading for s in listed.sections] == ["一、市场化营商环境建设", "二、法治化营商环境建设"]
    entries = [e for s in listed.sections for e in s.entries]
    assert len(entries) == 12 and entries[3].progress == (NO_PROGRESS,)
    assert entries[0].heading == "1.扎实推进第1项重点任务，完善相关工作机制（牵头）。" and entries[
        1
    ].heading.endswith("（配合）。")
    assert entries[2].progress == ("已召开专题会议2次，印发通知1份。", "第二段进展。")
    omitted = build_report(measures(), options=ReportOptions(unfilled=Unfilled.OMIT), **kwargs)  # type: ignore[arg-type]
    assert sum(len(s.entries) for s in omitted.sections) == 9
    assert "滞后1项" in listed.opening and "未填报3项" in listed.opening
    assert listed.letterhead is None and listed.colophon is None


def test_an_empty_note_says_its_status() -> None:
    from desktop.domain.reporting.report import NO_PROGRESS, empty_progress
    from desktop.domain.terms import Status

    assert empty_progress(Status.NOT_STARTED) == "本期未启动。"
    assert empty_progress(Status.BEHIND) == "滞后，本期无新进展。"
    assert empty_progress(None) == NO_PROGRESS


def test_a_letterhead_needs_a_doc_number() -> None:
    from datetime import date

    import pytest

    from desktop.domain.errors import ErrorCode, LuoshiError
    from desktop.domain.reporting.report import ReportOptions, assemble

    with pytest.raises(LuoshiError) as caught:
        assemble(title="关于…的报告", opening="", sections=(), options=ReportOptions(letterhead=True),
                 organ="某局", today=date(2026, 4, 3), counts={})  # fmt: skip
    assert caught.value.code is ErrorCode.NO_DOC_NUMBER
