"""Acceptance: the bundled real plan (内政发〔2026〕4号) parses exactly."""

from __future__ import annotations

from desktop.domain.models import Plan
from desktop.domain.parsing.plan_parser import parse_plan_lines
from desktop.domain.terms import Role

GOV = "各盟行政公署、市人民政府"
IND = "各行业主管部门"
LAW = "各行政执法部门"
# seq -> every unit its clause names, lead(s) first.
EXPECTED_UNITS = {
    1: ["自治区商务厅"],
    2: ["自治区发展改革委"],
    3: ["自治区市场监管局", IND],
    4: ["自治区公共资源交易中心", "自治区发展改革委", IND],
    5: ["自治区财政厅"],
    6: ["自治区各有关部门"],
    7: ["中国人民银行内蒙古自治区分行", "内蒙古金融监管局", "自治区地方金融管理局", "自治区发展改革委"],
    8: ["自治区科技厅"],
    9: ["自治区能源局"],
    10: ["自治区政务服务与数据管理局", IND],
    11: ["自治区政务服务与数据管理局", IND],
    12: ["自治区发展改革委", IND],
    13: ["自治区发展改革委", "自治区司法厅"],
    14: ["自治区各行政执法部门"],
    15: ["自治区司法厅", LAW],
    16: ["自治区司法厅", "自治区政务服务与数据管理局", "自治区民营经济发展服务局"],
    17: ["自治区工业和信息化厅", "自治区国资委", "自治区高级人民法院"],
    18: ["自治区高级人民法院", "自治区人民检察院", "自治区公安厅", "自治区司法厅"],
    19: ["自治区高级人民法院", "自治区公安厅", "自治区司法厅"],
    20: ["自治区高级人民法院"],
    21: ["自治区公安厅"],
    22: ["自治区口岸办", "呼和浩特海关", "满洲里海关"],
    23: ["自治区商务厅", IND],
    24: ["自治区发展改革委", IND],
    25: ["自治区商务厅", "自治区口岸办", "自治区发展改革委", "呼和浩特海关", "满洲里海关"],
    26: ["自治区商务厅", "自治区口岸办", "呼和浩特海关", "满洲里海关"],
    27: ["自治区商务厅", "自治区财政厅", "自治区发展改革委", "内蒙古税务局"],
    28: ["自治区发展改革委"],
    29: ["自治区发展改革委"],
    30: ["自治区各重点产业链牵头部门"],
    31: ["自治区发展改革委", "自治区政务服务与数据管理局", "各业务系统主管部门"],
    32: ["自治区民营经济发展服务局"],
    33: ["自治区发展改革委"],
    34: ["自治区发展改革委", "有关部门单位", GOV],
}
WILDCARDS = {
    IND,
    LAW,
    GOV,
    "自治区各有关部门",
    "自治区各行政执法部门",
    "自治区各重点产业链牵头部门",
    "各业务系统主管部门",
    "有关部门单位",
}


def _plan(lines: list[str]) -> Plan:
    return parse_plan_lines(lines)


def test_header_fields(sample_lines: list[str]) -> None:
    plan = _plan(sample_lines)
    assert plan.title == "内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案"
    assert plan.doc_number == "内政发〔2026〕4号"
    assert plan.issued_on == "2026-02-04"


def test_measures_and_chapters(sample_lines: list[str]) -> None:
    plan = _plan(sample_lines)
    assert len(plan.measures) == 34
    assert [c.title for c in plan.chapters] == [
        "市场化营商环境建设",
        "法治化营商环境建设",
        "国际化营商环境建设",
        "系统提升营商环境水平",
    ]
    assert [m.seq for m in plan.measures] == list(range(1, 35))
    assert [m.label for m in plan.measures] == [str(i) for i in range(1, 35)]
    chapters = [m.chapter for m in plan.measures]
    assert chapters.count("市场化营商环境建设") == 12
    assert chapters.count("法治化营商环境建设") == 9
    assert chapters.count("国际化营商环境建设") == 6
    assert chapters.count("系统提升营商环境水平") == 7


def test_every_measure_has_exactly_its_units(sample_lines: list[str]) -> None:
    plan = _plan(sample_lines)
    for measure in plan.measures:
        names = [u.name for u in measure.units]
        assert names == EXPECTED_UNITS[measure.seq], measure.seq
        assert measure.units[0].role is Role.LEAD, measure.seq
        assert all(u.role is Role.SUPPORT for u in measure.units[1:]), measure.seq
        assert {u.name for u in measure.units if u.wildcard} == set(names) & WILDCARDS, measure.seq
        assert measure.deadline is None


def test_whole_text_without_number_or_clause(sample_lines: list[str]) -> None:
    plan = _plan(sample_lines)
    by_seq = {m.seq: m for m in plan.measures}
    assert by_seq[1].text.startswith("清理规范招商引资违规政策")
    assert by_seq[1].text.endswith("积极开展市场化招商。")
    assert "纠纷化解、退出全生命周期各环节" in by_seq[13].text
    assert "跨区域交叉执行" in by_seq[17].text
    assert "首台（套）重大技术装备" in by_seq[4].text
    assert "中国（内蒙古）自由贸易试验区" in by_seq[25].text
    assert by_seq[34].text.endswith("重大问题及时向自治区党委和政府报告。")
    for measure in plan.measures:
        assert "负责）" not in measure.text and "负责)" not in measure.text
        assert " " not in measure.text.replace("AGV", "")
        assert "\n" not in measure.text
    tail = by_seq[34].text
    for leaked in ("抄送", "印发", "文电处", "民主党派"):
        assert leaked not in tail


def test_notice_does_not_leak(sample_lines: list[str]) -> None:
    plan = _plan(sample_lines)
    everything = "".join(m.text for m in plan.measures)
    assert "深化营商环境改革。各地区各部门单位要建立健全" not in everything
    assert "此件公开发布" not in everything
    assert plan.measures[0].chapter == "市场化营商环境建设"
