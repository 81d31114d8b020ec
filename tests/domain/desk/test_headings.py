"""Default short titles read whole: the first sentence when short, else clauses closed at a clean cut."""

from __future__ import annotations

import pytest

from desktop.domain.desk.headings import CLOSERS, OPENERS, SHORT_TITLE_CHARS, default_short_title, short_title
from desktop.domain.reporting.report import entry_heading

CASES = [
    # the first sentence, when short
    (
        "在招投标过程中引入公平竞争审查机制。完善对异常低价的甄别处理程序。",
        "在招投标过程中引入公平竞争审查机制",
    ),
    ("地区生产总值增长8%以上。", "地区生产总值增长8%以上"),
    # a long sentence: its first clause
    (
        "清理规范招商引资违规政策，加强招商引资信息披露，防止招商引资违规优惠，培育专业化招商队伍。",
        "清理规范招商引资违规政策",
    ),
    # a scene-setting first clause takes the next one (or gives way to it)
    (
        "依托政府采购云平台，强化信息整合与集中发布，做好对中小微企业政府采购的服务引导，持续完善工作机制。",
        "依托政府采购云平台，强化信息整合与集中发布",
    ),
    (
        "在办理行政审批、项目申报、政府采购、招标投标等事项时，严格落实信用信息“逢报必查，逢办必查”，推动信用修复。",
        "严格落实信用信息“逢报必查，逢办必查”",
    ),
    # a quote's comma is not a clause end: the quote closes inside the title
    (
        "推广“人工智能+政务服务”模式，在政务服务、社会治理、机关办公、辅助决策等领域拓展应用场景，提升服务效能水平。",
        "推广“人工智能+政务服务”模式",
    ),
    # one long clause: kept whole (up to twice the limit), never cut into a fragment ending in 等
    (
        "全面实施“双随机、一公开”监管、跨部门综合监管、包容审慎监管、信用风险分类监管，减少对企业正常经营的干扰。",
        "全面实施“双随机、一公开”监管、跨部门综合监管、包容审慎监管、信用风险分类监管",
    ),
    # a clause ending in 时 waits for the next one
    (
        "编制下达全国土地利用计划时，充分考虑自贸试验区建设发展需要，保障合理用地需求。",
        "编制下达全国土地利用计划时，充分考虑自贸试验区建设发展需要",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[e[:8] for _, e in CASES])
def test_default_short_titles(text: str, expected: str) -> None:
    assert default_short_title(text) == expected


@pytest.mark.parametrize(
    "text", [t for t, _ in CASES] + ["甲" * 25 + "“乙乙乙乙乙乙乙乙乙乙”" + "丙" * 40, "甲" * 90]
)
def test_every_bracket_and_quote_opened_is_closed(text: str) -> None:
    title = default_short_title(text)
    depth = 0
    for ch in title:
        depth += (ch in OPENERS) - (ch in CLOSERS)
        assert depth >= 0
    assert depth == 0, title
    assert len(title.rstrip("…")) <= 2 * SHORT_TITLE_CHARS


def test_the_clerks_own_title_wins_and_headings_read_whole() -> None:
    text = "在办理行政审批等事项时，严格落实信用信息查询。"
    assert short_title(text, "  信用信息查询 ") == "信用信息查询"
    assert (
        short_title(text, "") == "在办理行政审批等事项时，严格落实信用信息查询"
    )  # the first sentence is short
    assert entry_heading("12", "信用信息查询", "牵头") == "12.信用信息查询（牵头）。"
    assert entry_heading("12.", "信用信息查询。", "配合", number=3) == "（三）信用信息查询（第12项，配合）。"


def test_a_label_keeps_its_own_punctuation() -> None:
    assert entry_heading("（一）", "优化审批") == "（一）优化审批。"
    assert entry_heading("1（1）", "优化审批", "牵头") == "1（1）优化审批（牵头）。"
    assert entry_heading("一", "优化审批") == "一、优化审批。"
    assert entry_heading("（三）5", "优化审批") == "（三）5.优化审批。"
    assert entry_heading("新增1", "补充任务") == "新增1.补充任务。"
    assert "）." not in entry_heading("（十二）", "x") and "）." not in entry_heading("(3)", "x")


def test_no_corpus_or_sample_title_ends_as_a_fragment() -> None:
    from desktop.domain.desk.headings import reads_whole
    from desktop.importers import read_plan
    from tests.conftest import FIXTURES, SAMPLE

    plans = [*sorted((FIXTURES / "corpus").glob("*.txt")), SAMPLE]
    titles = [default_short_title(m.text) for path in plans for m in read_plan(path).measures]
    assert len(titles) >= 400
    assert [t for t in titles if not reads_whole(t)] == []
    assert reads_whole("扩大基层党员政治参与") and not reads_whole("将建筑工程施工许可等")
