"""The clerk corrects the parsed plan, on a real database: corrections are logged, notes stay with their
measure, re-importing the same file keeps them and a revision keeps those it leaves unchanged."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.corrections import Edit, MergeNext, Remove, Split, apply_corrections, units_from_names
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import Role
from desktop.services import corrections as correction_service
from desktop.services import imports
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services.workspace import Workspace
from desktop.storage.plans import StoredMeasure

Q1 = parse_period("2026Q1")
PLAN = """某县2026年重点工作方案
一、重点任务
1.推进甲项工作，完成甲目标。（县发改局负责）
2.推进乙项工作。（张三负责）
3.推进丙项工作。（县财政局负责）
4.推进丁项工作。（县商务局负责）
5.推进戊项工作，并开展己项工作。（县住建局负责）
"""


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _stored(ws: Workspace) -> list[StoredMeasure]:
    return [v.stored for v in measure_service.list_measures(ws)]


def _texts(ws: Workspace) -> list[str]:
    return [s.measure.text for s in _stored(ws)]


def _note(ws: Workspace, measure_id: int, text: str, when: datetime) -> None:
    key = note_service.NoteKey(measure_id, Q1, "县发改局")
    note_service.save_note(ws, key, NoteFields(progress=text), now=when)


def test_corrections_on_import_are_stored_logged_and_survive_reimport(tmp_path: Path) -> None:
    plan_file = _write(tmp_path / "plan.txt", PLAN)
    with Workspace(tmp_path / "t.db") as ws:
        review = imports.prepare(ws, path=plan_file)
        assert [m.seq for m in review.doubtful] == [2]
        corrections = [
            Edit(1, units=units_from_names(["县教体局"])),
            MergeNext(2),  # 3 + 4
            Split(3, at=review.plan.measures[4].text.index("并")),
            Remove(0),
        ]
        preview = apply_corrections(list(review.plan.measures), corrections)
        imports.apply(ws, review, corrections)
        stored = _stored(ws)
        assert [s.measure.text for s in stored] == [m.text for m in preview]
        assert [u.name for u in stored[0].measure.units] == ["县教体局"]
        assert stored[1].measure.units[0].name == "县财政局" and stored[1].measure.units[1].name == "县商务局"
        assert stored[3].measure.text.startswith("并开展己项工作")
        history = correction_service.history(ws, stored[0].measure_id)
        assert [(h.kind, h.field) for h in history] == [("edit", "units")]
        assert history[0].old_value[0][0] == "张三" and history[0].new_value[0][0] == "县教体局"
        again = imports.import_file(ws, path=plan_file)
        assert again.saved.created is False
        assert _texts(ws) == [m.text for m in preview]


def test_notes_follow_their_measure_through_merge_and_split(tmp_path: Path) -> None:
    plan_file = _write(tmp_path / "plan.txt", PLAN)
    with Workspace(tmp_path / "t.db") as ws:
        imports.import_file(ws, path=plan_file)
        first, second, *_ = _stored(ws)
        now = datetime(2026, 3, 1, 9, 0).astimezone()
        _note(ws, first.measure_id, "甲的进展", now)
        _note(ws, second.measure_id, "乙的进展（较新）", now + timedelta(hours=1))
        correction_service.merge_with_next(ws, first.measure_id)
        note = note_service.get_note(ws, note_service.NoteKey(first.measure_id, Q1, "县发改局"))
        assert note is not None
        assert note.fields.progress == "乙的进展（较新）\n甲的进展"  # both kept, newest first
        new_id = correction_service.split_measure(ws, first.measure_id, 5)
        kept = note_service.get_note(ws, note_service.NoteKey(first.measure_id, Q1, "县发改局"))
        assert kept is not None and "甲的进展" in kept.fields.progress
        assert note_service.get_note(ws, note_service.NoteKey(new_id, Q1, "县发改局")) is None
        with pytest.raises(LuoshiError) as caught:
            correction_service.split_measure(ws, first.measure_id, 0)
        assert caught.value.code is ErrorCode.BAD_SPLIT


def test_a_revision_keeps_corrections_it_leaves_unchanged(tmp_path: Path) -> None:
    v1 = _write(tmp_path / "v1.txt", PLAN)
    with Workspace(tmp_path / "t.db") as ws:
        imports.import_file(ws, path=v1)
        measures = _stored(ws)
        second, third = measures[1], measures[2]
        fixed = correction_service.corrected_measure(
            ws, second, units=["县教体局", "县民政局"], leads=["县民政局"]
        )
        correction_service.edit_measure(ws, second.measure_id, fixed)
        changed_fix = correction_service.corrected_measure(ws, third, deadline="2026年6月底前")
        correction_service.edit_measure(ws, third.measure_id, changed_fix)
        correction_service.remove_measure(ws, measures[3].measure_id)
        first = measures[0]
        added = correction_service.new_measure(
            ws, plan_id=first.plan_id, after=first, text="推进新增项工作。"
        )
        correction_service.add_measure(ws, plan_id=first.plan_id, after_id=first.measure_id, measure=added)
        _note(ws, second.measure_id, "乙的进展", datetime(2026, 3, 1).astimezone())
        # the revision rewrites measure 3 and adds a measure; measure 2 and the removed 4 stay as parsed
        v2 = _write(
            tmp_path / "v2.txt",
            PLAN.replace("推进丙项工作。", "推进丙项工作，扩大范围。") + "6.新增庚项工作。（县文旅局负责）\n",
        )
        review = imports.prepare(ws, path=v2)
        imports.apply(ws, review)
        after = {s.measure.text: s for s in _stored(ws)}
        kept = after["推进乙项工作。"]
        assert kept.measure_id == second.measure_id
        assert [(u.name, u.role) for u in kept.measure.units] == [
            ("县教体局", Role.SUPPORT),
            ("县民政局", Role.LEAD),
        ]
        assert "推进丁项工作。" not in after  # the clerk's removal holds
        assert after["推进丙项工作，扩大范围。"].measure.deadline is None  # the revision's text wins
        assert "新增庚项工作。" in after
        order = [s.measure.text for s in _stored(ws)]
        assert (
            order[order.index("推进甲项工作，完成甲目标。") + 1] == "推进新增项工作。"
        )  # still after its measure
        note = note_service.get_note(ws, note_service.NoteKey(second.measure_id, Q1, "县发改局"))
        assert note is not None and note.fields.progress == "乙的进展"


def _digest(ws: Workspace) -> list[tuple[object, ...]]:
    """Every stored measure and every logged correction, to compare before and after."""
    rows = [(s.measure_id, s.measure.label, s.measure.text, s.measure.units) for s in _stored(ws)]
    return rows + [tuple(r) for r in ws.db.execute("SELECT * FROM measure_edits").fetchall()]


def test_the_editor_s_corrections_land_together_or_not_at_all(tmp_path: Path) -> None:
    """编辑措施 with a cut: the edit and the split are one step; when the split fails the edit is undone."""
    with Workspace(tmp_path / "t.db") as ws:
        imports.import_file(ws, path=_write(tmp_path / "plan.txt", PLAN))
        first = _stored(ws)[0]
        before = _digest(ws)
        shorter = Edit(0, text="推进甲项工作。")
        with pytest.raises(LuoshiError) as caught:  # the cut lies past the end of the edited text
            correction_service.correct(ws, first.measure_id, [shorter, Split(0, at=12)])
        assert caught.value.code is ErrorCode.BAD_SPLIT
        assert _digest(ws) == before  # the edit that came first is not kept either

        change = correction_service.correct(ws, first.measure_id, [shorter, Split(0, at=4)])
        texts = _texts(ws)
        assert texts[:2] == ["推进甲项", "工作。"] and len(texts) == 6
        assert change.edited == (first.measure_id,) and len(change.added) == 1 and change.rows_changed

        merged = correction_service.correct(ws, first.measure_id, [MergeNext(0)])
        assert _texts(ws)[0] == "推进甲项工作。" and merged.removed == change.added
        last = _stored(ws)[-1]
        with pytest.raises(LuoshiError) as caught:
            correction_service.correct(ws, last.measure_id, [MergeNext(0)])
        assert caught.value.code is ErrorCode.NO_NEXT_MEASURE
        fixed = correction_service.correct(ws, last.measure_id, [Edit(0, label="五")])
        assert fixed.edited == (last.measure_id,) and not fixed.rows_changed
