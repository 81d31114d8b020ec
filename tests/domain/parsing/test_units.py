"""Unit names: normalising, list splitting, shared prefixes and wildcards (clauses.md §6 traps)."""

from __future__ import annotations

from desktop.domain.parsing.units import is_wildcard, normalize_unit_name, split_units, wildcard_category


def test_prefix_is_shared_and_reset_by_a_comma() -> None:
    assert split_units("自治区发展改革委、经济和信息化委、国土资源厅") == [
        "自治区发展改革委",
        "自治区经济和信息化委",
        "自治区国土资源厅",
    ]
    assert split_units("省发展改革委、商务厅，省税务局") == ["省发展改革委", "省商务厅", "省税务局"]


def test_names_with_brackets_and_wildcards_with_a_dunhao_stay_whole() -> None:
    assert split_units("省市场监管局（省知识产权局）、省财政厅") == [
        "省市场监管局（省知识产权局）",
        "省财政厅",
    ]
    assert split_units("市直有关部门、单位，各区、县级市") == ["市直有关部门、单位", "各区、县级市"]


def test_closing_words_are_not_names() -> None:
    assert normalize_unit_name("市发改委牵头负责") == "市发改委"
    assert normalize_unit_name("部门：市商务局") == "市商务局"
    assert split_units("市工信局、市财政局等有关部门") == ["市工信局", "市财政局", "有关部门"]
    assert split_units("财政部、商务部等和各省级人民政府") == ["财政部", "商务部", "各省级人民政府"]


def test_wildcards_and_their_categories() -> None:
    assert is_wildcard("各行业主管部门") and wildcard_category("各行业主管部门") == "行业主管部门"
    assert wildcard_category("各盟行政公署、市人民政府") == "地方人民政府"
    assert wildcard_category("有关部门") == "有关部门" and wildcard_category("相关单位") == "有关部门"
    assert not is_wildcard("自治区商务厅")


def test_a_named_zone_takes_no_level_prefix() -> None:
    assert split_units("市经信局、滁州经开区管委会") == ["市经信局", "滁州经开区管委会"]


def test_a_named_places_department_keeps_its_own_name() -> None:
    # 自治区 is shared by the 自治区 departments of a list, never put before a named city's own department
    assert split_units("自治区发展改革委、呼和浩特市教育局、包头市人民政府、财政厅") == [
        "自治区发展改革委",
        "呼和浩特市教育局",
        "包头市人民政府",
        "自治区财政厅",
    ]
    assert split_units("市发改委、城市管理局") == ["市发改委", "市城市管理局"]  # 城市… is a department
