"""Tables whose cells were glued together when a page was copied: the header names the columns, the
cells' shapes (a full stop, a person's name, organs' endings, the next number) cut them apart."""

from __future__ import annotations

from desktop.domain.parsing.glued_tables import read_glued_table
from desktop.domain.parsing.plan_parser import parse_plan_lines


def test_a_responsibility_column_without_people() -> None:
    text = (
        "某县2026年为民办实事项目序号项目名称责任单位"
        "1新建城东幼儿园，新增学位300个。县教育局县住建局"
        "2改造农村公路50公里。县交通运输局各乡镇"
        "3建成县图书馆新馆。县文旅局县代建中心"
    )
    table = read_glued_table([text])
    assert table is not None and table.front == ["某县2026年为民办实事项目"]
    plan = parse_plan_lines([text])
    units = [[(u.name, u.role.value) for u in m.units] for m in plan.measures]
    assert units == [
        [("县教育局", "lead"), ("县住建局", "support")],
        [("县交通运输局", "lead"), ("各乡镇", "support")],
        [("县文旅局", "lead"), ("县代建中心", "support")],
    ]
    assert plan.measures[1].text == "改造农村公路50公里。"


def test_running_text_is_no_glued_table() -> None:
    assert read_glued_table(["序号是1的工作要抓紧。各单位要认真落实。"]) is None
    assert read_glued_table(["1.推进甲项工作。"]) is None
