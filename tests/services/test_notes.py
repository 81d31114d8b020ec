from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import Status
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services.workspace import Workspace

Q1 = parse_period("2026Q1")
Q2 = parse_period("2026Q2")
assert Q1 is not None and Q2 is not None
T0 = datetime(2026, 3, 20, 9, 0).astimezone()


def _key(ws: Workspace, ref: str = "1", period: object = Q1) -> note_service.NoteKey:
    stored = measure_service.find_measure(ws, ref)
    return note_service.key_for(ws, stored.measure_id, period)  # type: ignore[arg-type]


def test_save_read_and_unchanged_save_writes_nothing(ws: Workspace) -> None:
    key = _key(ws)
    assert key.unit == "自治区发展改革委"
    note_service.save_note(ws, key, NoteFields(progress="召开专题会议", status=Status.IN_PROGRESS), now=T0)
    changes = ws.db.conn.total_changes
    note_service.save_note(ws, key, NoteFields(progress="召开专题会议", status=Status.IN_PROGRESS), now=T0)
    assert ws.db.conn.total_changes == changes
    stored = note_service.get_note(ws, key)
    assert stored is not None and stored.fields.progress == "召开专题会议"
    assert stored.fields.status is Status.IN_PROGRESS


def test_autosaves_of_one_visit_share_a_revision_and_visits_do_not(ws: Workspace) -> None:
    key = _key(ws)
    for i, text in enumerate(["召", "召开", "召开会议"]):
        note_service.save_note(ws, key, NoteFields(progress=text), session="a", now=T0 + timedelta(seconds=i))
    assert [r.fields.progress for r in note_service.history(ws, key)] == ["召开会议"]
    note_service.save_note(
        ws, key, NoteFields(progress="召开会议2次"), session="b", now=T0 + timedelta(seconds=5)
    )
    later = T0 + timedelta(seconds=5 + note_service.COALESCE_SECONDS + 1)
    note_service.save_note(ws, key, NoteFields(progress="召开会议3次"), session="b", now=later)
    assert [r.fields.progress for r in note_service.history(ws, key)] == [
        "召开会议3次",
        "召开会议2次",
        "召开会议",
    ]


def test_restore_adds_a_revision(ws: Workspace) -> None:
    key = _key(ws)
    note_service.save_note(ws, key, NoteFields(progress="第一稿"), session="a", now=T0)
    note_service.save_note(ws, key, NoteFields(progress="第二稿"), session="b", now=T0)
    first = note_service.history(ws, key)[-1]
    note_service.restore(ws, key, first.revision_id)
    assert note_service.get_note(ws, key).fields.progress == "第一稿"  # type: ignore[union-attr]
    assert [r.fields.progress for r in note_service.history(ws, key)] == ["第一稿", "第二稿", "第一稿"]
    other = _key(ws, "2")
    note_service.save_note(ws, other, NoteFields(progress="别的"))
    with pytest.raises(LuoshiError):
        note_service.restore(ws, other, first.revision_id)  # a revision of another note


def test_previous_note_and_copy_warning(ws: Workspace) -> None:
    q1, q2 = _key(ws), _key(ws, period=Q2)
    note_service.save_note(ws, q1, NoteFields(progress="完成摸底", next_steps="开展回头看"))
    previous = note_service.previous_note(ws, q2)
    assert previous is not None and previous.period == "2026Q1"
    assert note_service.previous_note(ws, q1) is None
    assert note_service.copy_warnings(ws, q2, NoteFields(progress="开展回头看")) == ["progress"]
    month = parse_period("2026-05")
    assert month is not None
    # a note of another rhythm ending earlier still counts as last period's
    assert note_service.previous_note(ws, note_service.key_for(ws, q1.measure_id, month)) is not None


def test_unknown_measure(ws: Workspace) -> None:
    with pytest.raises(LuoshiError) as caught:
        measure_service.find_measure(ws, "99")
    assert caught.value.code is ErrorCode.MEASURE_UNKNOWN


def test_disk_full_keeps_database_intact(ws: Workspace) -> None:
    key = _key(ws)
    note_service.save_note(ws, key, NoteFields(progress="已保存的内容"))
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(LuoshiError) as caught:
        note_service.save_note(ws, key, NoteFields(progress="很长的内容" * 20000))
    assert caught.value.code is ErrorCode.DB_ERROR and caught.value.params["kind"] == "full"
    assert note_service.get_note(ws, key).fields.progress == "已保存的内容"  # type: ignore[union-attr]
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restoring_a_revision_of_another_note_is_refused(ws: Workspace) -> None:
    key = _key(ws)
    note_service.save_note(ws, key, NoteFields(progress="第一稿"))
    with pytest.raises(LuoshiError) as caught:
        note_service.restore(ws, key, 999_999)
    assert caught.value.code is ErrorCode.REVISION_UNKNOWN
