"""Layouts of real plans the corpus does not hold: each written here from the forms clauses.md records."""

from __future__ import annotations

from desktop.domain.parsing.clauses import parse_clause
from desktop.domain.parsing.doubts import CLAUSE_IN_TEXT, NO_UNIT, NUMBERING, ODD_UNIT, TOO_LONG, describe
from desktop.domain.parsing.flat_tables import read_flat_table
from desktop.domain.parsing.plan_parser import parse_plan_lines
from desktop.domain.terms import Role


def _units(clause: str) -> list[tuple[str, str]]:
    return [(u.name, u.role.value) for u in parse_clause(clause).units]


def test_role_words_inside_labels() -> None:
    assert _units("部门分工：市发改委牵头，市财政局配合") == [("市发改委", "lead"), ("市财政局", "support")]
    assert _units("市发改委、市财政局分别牵头，市商务局配合") == [
        ("市发改委", "lead"),
        ("市财政局", "lead"),
        ("市商务局", "support"),
    ]
    assert _units("市发改委牵头落实") == [("市发改委", "lead")]


def test_et_al_closes_the_list_before_a_wildcard() -> None:
    clause = parse_clause("财政部、商务部等和各省级人民政府负责")
    assert [u.name for u in clause.units] == ["财政部", "商务部", "各省级人民政府"]
    assert clause.units[2].wildcard


def test_lead_rule_in_brackets_is_never_a_unit() -> None:
    units = _units("责任单位：市发改委（除标注“分别牵头”外，列第一位为牵头单位，下同）、市财政局")
    assert units == [("市发改委", "lead"), ("市财政局", "support")]


def test_people_are_leaders_not_units() -> None:
    clause = parse_clause("责任领导：张三、李四；牵头单位：市发改委")
    assert [u.name for u in clause.units] == ["市发改委"]
    assert clause.leaders == ["张三", "李四"]


def test_label_lines_are_never_glued_and_people_kept() -> None:
    lines = [
        "某县2024年重点工作任务清单",
        "一、重点任务",
        "1.推进项目建设，确保年内开工",
        "牵头单位：县发展改革局",
        "责任领导：王五",
        "配合单位：县财政局、县自然资源局",
        "时限要求：2024年12月底前",
        "2.加快城市更新",
        "牵头单位：县住建局",
    ]
    plan = parse_plan_lines(lines)
    first = plan.measures[0]
    assert [u.name for u in first.units] == ["县发展改革局", "县财政局", "县自然资源局"]
    assert first.units[0].role is Role.LEAD
    assert first.leaders == ("王五",)
    assert first.deadlines[0].due == "2024-12-31"
    assert first.text == "推进项目建设，确保年内开工"


def test_inline_sub_measures_are_separate() -> None:
    lines = [
        "某市优化营商环境实施方案",
        "一、重点任务",
        "1.深化改革。（1）推进审批提速。（市政务服务局负责）（2）加强信用监管。（市发展改革委、市市场监管局负责）",
        "2.加强保障。落实资金保障。（市财政局负责）",
    ]
    plan = parse_plan_lines(lines)
    assert [m.label for m in plan.measures] == ["1（1）", "1（2）", "2"]
    assert [u.name for u in plan.measures[1].units] == ["市发展改革委", "市市场监管局"]


def test_mid_paragraph_clauses_are_united_and_removed_from_text() -> None:
    lines = [
        "某市工作方案",
        "一、主要任务",
        "（一）完善制度。建立清单。（市发改委牵头，市财政局参与）加强考核，定期通报。（市督查室负责）",
    ]
    measure = parse_plan_lines(lines).measures[0]
    assert [(u.name, u.role) for u in measure.units] == [
        ("市发改委", Role.LEAD),
        ("市财政局", Role.SUPPORT),
        ("市督查室", Role.LEAD),
    ]
    assert "加强考核" in measure.text and "牵头" not in measure.text


def test_tab_and_space_separated_table_rows() -> None:
    lines = [
        "某区2024年民生实事任务分解表",
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
        "1\t新建社区食堂10个。\t区民政局\t区财政局、各街道\t2024年6月底前",
        "2    改造老旧小区5个。    区住建局    无    持续推进",
        "3 建设口袋公园3个。  区城管局  区园林中心  2024年10月",
    ]
    plan = parse_plan_lines(lines)
    assert len(plan.measures) == 3
    first, second, third = plan.measures
    assert [u.name for u in first.units] == ["区民政局", "区财政局", "各街道"]
    assert first.deadlines[0].due == "2024-06-30"
    assert [u.name for u in second.units] == ["区住建局"] and second.deadlines[0].standing
    assert third.text == "建设口袋公园3个。" and third.units[0].role is Role.LEAD


def test_title_and_doc_number_forms() -> None:
    lines = [
        "许昌市人民政府",
        "许政 [2020] 20号",
        "许昌市人民政府关于印发许昌市优化营商环境行动方案的通知",
        "各县（市、区）人民政府，市人民政府各部门：",
        "现将《许昌市优化营商环境行动方案》印发给你们，请认真贯彻执行。",
        "2020年5月6日",
        "许昌市优化营商环境行动方案",
        "一、重点任务",
        "1.压缩开办时间。（市市场监管局负责）",
        "2.提升获得电力水平。（市发展改革委负责）",
    ]
    plan = parse_plan_lines(lines, fallback_title="文件名")
    assert plan.title == "许昌市优化营商环境行动方案"
    assert plan.doc_number == "许政〔2020〕20号"
    assert plan.issued_on == "2020-05-06"
    assert len(plan.measures) == 2


def test_doubts_name_what_is_unsure() -> None:
    lines = [
        "某县工作方案",
        "一、任务",
        "1.推进甲项工作。（县发改局负责）",
        "2.推进乙项工作。",
        "4.推进丙项工作。（张三负责）",
        "5.推进丁项工作。牵头单位：县财政局要加强指导（县商务局负责）",
        "6." + "推进戊项工作，" * 80 + "。（县住建局负责）",
    ]
    plan = parse_plan_lines(lines)
    codes = {m.label: {d.code for d in m.doubts} for m in plan.measures}
    assert NO_UNIT in codes["2"]
    assert ODD_UNIT in codes["4"] and NUMBERING in codes["4"]
    assert CLAUSE_IN_TEXT in codes["5"]
    assert TOO_LONG in codes["6"]
    assert codes["1"] == set()
    odd = next(d for d in plan.measures[2].doubts if d.code == ODD_UNIT)
    assert describe(odd) == "“张三”不像单位名称"


def test_a_header_ending_at_its_number_column_is_not_a_table() -> None:
    lines = ["工作任务", "责任单位", "序号", "1", "县财政局", "2", "县商务局"]
    assert read_flat_table(lines) is None


def test_titles_after_a_news_lead_in_or_a_page_header() -> None:
    news = [
        "日前，某市印发《某市打赢蓝天保卫战实施方案（2019-2020年）》。全文如下：",
        "某市打赢蓝天保卫战实施方案（2019-2020年）",
        "一、重点任务",
        "1.推进工业治理。（市生态环境局负责）",
        "2.推进移动源治理。（市公安局负责）",
    ]
    assert (
        parse_plan_lines(news, fallback_title="文件名").title == "某市打赢蓝天保卫战实施方案（2019-2020年）"
    )
    header = ["某区政策库：关于加快数字经济发展的若干政策意见", "一、任务", "1.培育企业。（区经信局负责）"]
    assert parse_plan_lines(header, fallback_title="文件名").title == "关于加快数字经济发展的若干政策意见"
    quoted = [
        "近日，某区发布《2023年区政府工作报告重点工作目标任务分解》。",
        "1.地区生产总值增长5%。",
        "牵头单位：区发展改革委",
    ]
    assert (
        parse_plan_lines(quoted, fallback_title="文件名").title == "2023年区政府工作报告重点工作目标任务分解"
    )
