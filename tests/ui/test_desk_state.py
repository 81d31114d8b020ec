"""The desk's state without a window: the worklist, what the filter shows, the guard, the place."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.terms import Scope
from desktop.services import imports
from desktop.services import short_titles as short_title_service
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from desktop.ui.desk_state import DeskState
from tests.conftest import ROOT

Q1 = parse_period("2026Q1")
assert Q1 is not None


@pytest.fixture
def ws(db_path: Path, sample_path: Path) -> Iterator[Workspace]:
    with Workspace(db_path) as workspace:
        imports.import_file(workspace, path=sample_path)
        unit_service.set_profile(workspace, unit="自治区发展改革委", categories=["行业主管部门"])
        yield workspace


def test_the_state_needs_no_qt() -> None:
    code = (
        "import sys, desktop.ui.desk_state; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_move_asks_the_one_guard(ws: Workspace) -> None:
    answers = [True, False]
    state = DeskState(ws, today=date(2026, 4, 3), leave_note=lambda: answers.pop(0))
    assert state.may_leave() is True and state.may_leave() is False and answers == []


def test_worklist_filter_counts_and_refresh(ws: Workspace) -> None:
    state = DeskState(ws, today=date(2026, 4, 3), leave_note=lambda: True)
    state.load(Q1)
    assert state.due() > date(2026, 3, 31)  # a quarter's report is due after it ends
    plan_id = state.items[0].plan_id
    state.plan_choice, state.plan_ids = plan_id, [plan_id]
    mine = state.shown()
    assert mine and all(item.role is not None for item in mine)
    assert len(mine) == state.summary().total == state.task_counts()[plan_id]
    first = mine[0]
    unfilled = state.summary().unfilled
    saved = state.note_saved(first.measure_id, NoteFields(progress="已完成调研。"))
    assert saved is not None and not saved.unfilled and state.summary().unfilled == unfilled - 1
    state.filter = replace(state.filter, scope=Scope.ALL)
    assert len(state.shown()) == state.summary().total == 34 > len(mine)
    short_title_service.set_short_title(ws, measure_id=first.measure_id, title="招商引资")
    (fresh,) = state.refresh([first.measure_id])
    kept = next(item for item in state.items if item.measure_id == first.measure_id)
    assert fresh.short_title == kept.short_title == "招商引资"
    state.measure_uid = first.uid
    state.save_place()
    place = state.saved_place()
    assert (place.period, place.plan, place.measure_uid, place.scope) == ("2026Q1", plan_id, first.uid, "all")
