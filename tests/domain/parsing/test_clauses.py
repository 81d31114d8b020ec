"""Clause strings from real plans (reference/clauses.md) and the traps around them."""

from __future__ import annotations

import pytest

from desktop.domain.parsing.clauses import looks_like_clause, parse_clause, split_trailing_clauses
from desktop.domain.parsing.lines import join_lines
from desktop.domain.parsing.plan_parser import parse_plan_lines
from desktop.domain.parsing.units import is_wildcard, normalize_unit_name, wildcard_category


def _pairs(clause: str) -> list[tuple[str, str]]:
    return [(u.name, u.role.value) for u in parse_clause(clause).units]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("自治区商务厅负责", [("自治区商务厅", "lead")]),
        ("省工业和信息化厅、广电局牵头", [("省工业和信息化厅", "lead"), ("省广电局", "lead")]),
        ("省委网信办，省政务和数据局按职责分工负责", [("省委网信办", "lead"), ("省政务和数据局", "support")]),
        (
            "海关总署广东分署、广东海事局按职责分工负责",
            [("海关总署广东分署", "lead"), ("广东海事局", "support")],
        ),
        (
            "省科技厅、工业和信息化厅按职责分工负责，各地级以上市人民政府结合实际落实",
            [("省科技厅", "lead"), ("省工业和信息化厅", "support"), ("各地级以上市人民政府", "support")],
        ),
        (
            "牵头单位:市商务局  责任单位:市编办、市发改委、各区县政府",
            [("市商务局", "lead"), ("市编办", "support"), ("市发改委", "support"), ("各区县政府", "support")],
        ),
        (
            "责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会",
            [
                ("市直各有关单位", "lead"),
                ("各县（市、区）人民政府", "support"),
                ("各开发区管委会", "support"),
            ],
        ),
        (
            "省发展改革委牵头，省工业和信息化厅、政务和数据局按职责分工负责",
            [("省发展改革委", "lead"), ("省工业和信息化厅", "support"), ("省政务和数据局", "support")],
        ),
    ],
)
def test_real_clauses(clause: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(clause) == expected


def test_deadline_inside_clause() -> None:
    clause = parse_clause("省发展改革委负责，2026年6月底前完成")
    assert _pairs("省发展改革委负责，2026年6月底前完成") == [("省发展改革委", "lead")]
    assert [(d.text, d.due) for d in clause.deadlines] == [("2026年6月底前", "2026-06-30")]


def test_brackets_in_text_are_not_clauses() -> None:
    text = (
        "建设算力中心（包括通算中心、智算中心、超算中心），推进蒙西(包头—鄂尔多斯)协同（省发展改革委负责）。"
    )
    body, clauses = split_trailing_clauses(text)
    assert clauses == ["省发展改革委负责"]
    assert body.endswith("推进蒙西(包头—鄂尔多斯)协同")
    for inner in ("含县级", "包括通算中心、智算中心、超算中心", "共建", "套"):
        assert not looks_like_clause(inner)


def test_clause_split_across_lines_and_page_number() -> None:
    lines = [
        "一、加快集聚人才",
        "1.建立高层次人才库，实行动态管理。（牵头单位：市委组织",
        "— 3 —",
        "部，配合单位：市国资委）",
        "2.健全人才服务体系。(市人力资源和社会保障局牵头,市财政局配合)",
    ]
    plan = parse_plan_lines(lines)
    assert [(u.name, u.role.value) for u in plan.measures[0].units] == [
        ("市委组织部", "lead"),
        ("市国资委", "support"),
    ]
    assert [(u.name, u.role.value) for u in plan.measures[1].units] == [
        ("市人力资源和社会保障局", "lead"),
        ("市财政局", "support"),
    ]


def test_join_lines_adds_no_spaces_and_drops_page_numbers() -> None:
    assert join_lines(["内蒙古自治区加快打造市场化法治化 国际化一流营商环境实施方案"]) == [
        "内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案"
    ]
    assert join_lines(["1.推进改革，完善体", "- 12 -", "制机制。（省财政厅负责）"]) == [
        "1.推进改革，完善体制机制。（省财政厅负责）"
    ]


def test_unit_names_and_wildcards() -> None:
    assert normalize_unit_name(" 自治区农牧厅(乡村振兴局)按职责分工负责 ") == "自治区农牧厅（乡村振兴局）"
    assert normalize_unit_name("ＡＢＣ市发展改革委牵头") == "ABC市发展改革委"
    for name in ("各行业主管部门", "有关部门", "各盟行政公署、市人民政府", "相关盟市", "自治区各有关部门"):
        assert is_wildcard(name), name
    for name in ("自治区发展改革委", "呼和浩特海关", "省市场监管局（省知识产权局）"):
        assert not is_wildcard(name), name
    assert wildcard_category("自治区各行政执法部门") == "行政执法部门"
    assert wildcard_category("各旗县（市、区）人民政府") == "地方人民政府"
    assert wildcard_category("市直有关部门、单位") == "有关部门"
