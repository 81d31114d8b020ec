"""Category tasks: answered per plan and measure uid, kept through a revision, counted alike everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.desk.periods import parse_period
from desktop.domain.desk.worklist import Filter, summarize
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import Claim
from desktop.services import claims as claim_service
from desktop.services import imports
from desktop.services import measures as measure_service
from desktop.services import units as unit_service
from desktop.services import worklist as wl
from desktop.services.workspace import Workspace

Q1 = parse_period("2026Q1")
TODAY = date(2026, 4, 3)
assert Q1 is not None


def _waiting(ws: Workspace) -> list[int]:
    return [i.measure_id for i in claim_service.category_tasks(ws, Q1, today=TODAY, unconfirmed_only=True)]


def test_an_answer_survives_a_revision_of_the_plan(ws: Workspace, sample_path: Path, tmp_path: Path) -> None:
    first = _waiting(ws)
    assert len(first) == 4
    claim_service.answer(ws, {first[0]: Claim.NOT_MINE})
    revised = tmp_path / "修订版.txt"
    revised.write_text(
        sample_path.read_text(encoding="utf-8").replace("清理规范招商引资", "全面清理规范招商引资"),
        encoding="utf-8",
    )
    imports.import_file(ws, path=revised)
    items = {i.measure_id: i for i in claim_service.category_tasks(ws, Q1, today=TODAY)}
    assert items[first[0]].claim is Claim.NOT_MINE and items[first[0]].declined
    assert len(_waiting(ws)) == 3


def test_only_category_tasks_of_the_unit_are_answered(ws: Workspace) -> None:
    named = measure_service.find_measure(ws, "1").measure_id  # 自治区发展改革委 is named there
    with pytest.raises(LuoshiError) as caught:
        claim_service.answer(ws, {named: Claim.MINE})
    assert caught.value.code is ErrorCode.NOT_CATEGORY_TASK
    assert len(_waiting(ws)) == 4  # nothing written


def test_without_a_unit_nothing_can_be_answered(db_path: Path, sample_path: Path) -> None:
    with Workspace(db_path) as bare:
        imports.import_file(bare, path=sample_path)
        with pytest.raises(LuoshiError) as caught:
            claim_service.answer(bare, {1: Claim.MINE})
    assert caught.value.code is ErrorCode.NO_UNIT


def test_set_up_counts_what_the_desk_counts(ws: Workspace) -> None:
    claim_service.answer(ws, {_waiting(ws)[0]: Claim.NOT_MINE})
    counted = measure_service.count_tasks(ws, unit="自治区发展改革委", categories=["行业主管部门"])
    mine = wl.apply_filter(ws, wl.load_worklist(ws, Q1, today=TODAY), Filter())
    summary = summarize(mine)
    assert counted.lead + counted.support == summary.total == 16
    assert counted.by_category == summary.unconfirmed == 3
    profile = unit_service.get_profile(ws)
    assert profile.unit == "自治区发展改革委"
