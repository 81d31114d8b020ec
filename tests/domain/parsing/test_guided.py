"""The guided path in the domain: a grid from a table flattened a row a line, column roles, numberings."""

from __future__ import annotations

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.parsing import guided
from tests.conftest import FIXTURES

PLANS = FIXTURES / "plans"
ROLES = {0: "seq", 1: "text", 2: "lead", 3: "support", 4: "deadline"}


def _lines(name: str) -> list[str]:
    return (PLANS / name).read_text("utf-8").splitlines()


def test_a_row_a_line_table_gives_its_grid_and_where_it_starts() -> None:
    rows, first = guided.text_grid(_lines("unknown_headers.txt"))
    assert first == 3 and len(rows) == 5 and rows[0] == ["编码", "事项", "主办", "协办", "截止"]


def test_columns_with_roles_give_the_measures() -> None:
    lines = _lines("unknown_headers.txt")
    rows, first = guided.text_grid(lines)
    plan = guided.plan_from_grid(rows, ROLES, front_lines=lines[:first], fallback_title="x")
    assert plan.title == "关于城区建设重点工作的安排"
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    first_measure = plan.measures[0]
    assert [(u.name, u.role.value) for u in first_measure.units] == [
        ("县水务局", "lead"),
        ("县住建局", "support"),
        ("县财政局", "support"),
    ]
    assert first_measure.deadline == "2026年12月底前"


def test_a_column_spec_is_read_and_checked() -> None:
    assert guided.parse_columns("任务=2,牵头单位=3，完成时限=5", 5) == {1: "text", 2: "lead", 4: "deadline"}
    for bad in ("任务=6", "牵头单位=3", "工作=2", "任务=x"):
        with pytest.raises(LuoshiError) as caught:
            guided.parse_columns(bad, 5)
        assert caught.value.code is ErrorCode.BAD_COLUMNS


@pytest.mark.parametrize(
    ("numbering", "count"),
    [("一是", 3), ("每段一项", 3)],
)
def test_a_chosen_numbering_starts_the_measures(numbering: str, count: int) -> None:
    lines = _lines("yishi_style.txt")
    if numbering == "每段一项":  # the same text, one paragraph a measure
        lines = lines[:3] + [
            p.replace("一是", "")
            for p in lines[3].replace("）二是", "）\n").replace("）三是", "）\n").split("\n")
        ]
    plan = guided.plan_by_numbering(lines, numbering, fallback_title="x")
    assert len(plan.measures) == count
    assert [u.name for u in plan.measures[1].units] == ["县水务局"]


def test_an_unknown_numbering_is_refused() -> None:
    with pytest.raises(LuoshiError) as caught:
        guided.plan_by_numbering(["1.甲。（县发改局负责）"], "A.", fallback_title="x")
    assert caught.value.code is ErrorCode.BAD_NUMBERING
