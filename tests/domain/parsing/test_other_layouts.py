"""Other real plan layouts (see tests/fixtures/plans; clause strings are verbatim from real documents)."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.models import Plan
from desktop.domain.terms import Role
from desktop.importers import read_plan
from tests.conftest import FIXTURES


def _read(name: str) -> Plan:
    return read_plan(Path(FIXTURES / "plans" / f"{name}.txt"))


def _units(plan: Plan, seq: int) -> list[tuple[str, str]]:
    return [(u.name, u.role.value) for u in plan.measures[seq - 1].units]


def test_guoban_parent_and_child_clauses() -> None:
    plan = _read("guoban_2020_fengong")
    assert plan.doc_number == "国办发〔2020〕43号"
    assert plan.issued_on == "2020-11-01"
    assert plan.title == "全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案"
    assert [m.label for m in plan.measures] == ["1", "2", "一、（二）", "二、（一）"]
    # The child's own clause overrides its parent's.
    assert _units(plan, 1) == [("财政部", "lead"), ("国务院相关部门", "support"), ("各地区", "support")]
    assert plan.measures[0].deadline == "2020年12月底前"
    assert plan.measures[0].deadlines[0].due == "2020-12-31"
    # A child without a clause inherits its parent's (first listed leads).
    assert _units(plan, 2)[0] == ("财政部", "lead")
    assert ("银保监会", "support") in _units(plan, 2)
    assert plan.measures[1].section.startswith("研究将财政资金直达机制")
    assert "具体措施" not in "".join(m.text for m in plan.measures)


def test_guangzhou_comma_labels_continuous_numbering() -> None:
    plan = _read("guangzhou_2012_rencai")
    assert [m.label for m in plan.measures] == [str(i) for i in range(1, 8)]
    assert [c.title for c in plan.chapters] == ["加快集聚高层次人才", "优化人才发展环境"]
    assert _units(plan, 1) == [
        ("市发展改革委", "lead"),
        ("市委组织部", "support"),
        ("市人力资源和社会保障局", "support"),
        ("各区、县级市", "support"),
    ]
    assert plan.measures[0].deadline == "2012年10月底前"
    assert "市、区（县级市）两级" in plan.measures[2].text
    assert _units(plan, 4) == [("市人力资源和社会保障局", "lead")]
    six = plan.measures[5].units
    assert [u.name for u in six if u.wildcard] == ["各项目牵头单位", "各区、县级市"]
    assert {u.category for u in six if u.wildcard} == {"项目牵头单位", "地方人民政府"}


def test_eerduosi_three_levels_and_label_lines() -> None:
    plan = _read("eerduosi_2025_yingshang")
    assert plan.doc_number == "鄂府办发〔2025〕18号"
    assert len(plan.measures) == 3  # 保障措施 items are not tasks
    assert [m.label for m in plan.measures] == ["1（1）", "1（2）", "2（1）"]
    assert [m.section for m in plan.measures] == ["市场准入", "市场准入", "获取经营场所"]
    assert (
        plan.measures[0].text
        == "扶持个体私营经济发展。建立个体工商户“名特优新”分类标准,开展申报认定,推进精准帮扶。"
    )
    assert _units(plan, 1) == [("市市场监督管理局", "lead"), ("各旗区人民政府", "support")]
    assert plan.measures[1].deadlines[0].due == "2025-06-30"
    assert plan.measures[2].deadlines[0].standing
    assert plan.measures[2].deadline == "持续推进"


def test_weihai_global_rule_applies_to_later_measures() -> None:
    plan = _read("weihai_2023_shuzi")
    assert plan.issued_on == "2023-08-19"
    for measure in plan.measures:
        assert "各区市政府、开发区管委" in [u.name for u in measure.units]
    assert _units(plan, 3)[:2] == [("市大数据局", "lead"), ("市行政审批服务局", "support")]
    assert plan.measures[2].deadline == "年底前"
    assert plan.measures[2].deadlines[0].due == "2023-12-31"
    assert "威海市人民政府办公室" not in plan.measures[-1].text


def test_huaian_responsibility_only_lists_first_leads() -> None:
    plan = _read("huaian_2022_shuikun")
    assert _units(plan, 1)[:3] == [("市工信局", "lead"), ("市财政局", "support"), ("有关部门", "support")]
    assert _units(plan, 4)[0] == ("市工信局", "lead")
    assert ("各县区人民政府、园区管委会", "support") in _units(plan, 4)
    assert ("人民银行淮安市中心支行", "support") in _units(plan, 3)


def test_neimenggu_2024_tortoise_brackets_across_page_break() -> None:
    plan = _read("neimenggu_2024_zhengce_pdf")
    assert plan.title == "内蒙古自治区2024年坚持稳中求进以进促稳推动产业高质量发展政策清单"
    assert plan.doc_number == "内政发〔2024〕6号"
    assert _units(plan, 2) == [("自治区农牧厅（乡村振兴局）", "lead"), ("自治区财政厅", "support")]
    assert plan.measures[1].deadline == "2024年6月底前"
    assert _units(plan, 4) == [
        ("自治区工业和信息化厅", "lead"),
        ("自治区发展改革委", "support"),
        ("各盟行政公署、市人民政府", "support"),
    ]
    assert all("— 3 —" not in m.text and "抄送" not in m.text for m in plan.measures)


def test_wucheng_heading_lead_is_inherited() -> None:
    plan = _read("wucheng_2025_zhengce")
    assert [c.title for c in plan.chapters] == ["强化科技创新", "推动产业升级"]
    assert _units(plan, 1) == [("区科技局", "lead")]
    assert _units(plan, 2) == [("区财政局", "lead"), ("区科技局", "support")]
    assert _units(plan, 3) == [("区经信局", "lead")]


def test_xiangxi_deadline_without_year_takes_plan_year() -> None:
    plan = _read("xiangxi_2020_jihua")
    assert plan.measures[0].deadlines[0].due == "2020-06-30"
    assert plan.measures[1].deadlines[0].due == "2020-12-31"
    names = [u.name for u in plan.measures[0].units]
    assert names == [
        "州行政审批服务局",
        "州司法局",
        "州委编办",
        "州直相关单位",
        "各县市人民政府",
        "湘西经开区管委会",
    ]
    assert plan.measures[0].units[0].role is Role.LEAD


def test_county_notice_without_quotes_and_plan_in_attachment() -> None:
    plan = _read("county_2025_attachment")
    assert plan.title == "某某县2025年优化营商环境重点任务清单"
    assert plan.issued_on == "2025-03-03"
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert _units(plan, 1) == [
        ("县政务服务中心", "lead"),
        ("县直有关部门", "support"),
        ("各乡镇人民政府", "support"),
    ]
    assert plan.measures[0].deadlines[0].due == "2025-06-30"
    assert _units(plan, 3) == [("县市场监管局", "lead"), ("县发展改革局", "support"), ("县司法局", "support")]
    assert "抓好落实" not in "".join(m.text for m in plan.measures)
