from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.desk.worklist import Filter, chapters, summarize
from desktop.domain.terms import UNFILLED, Light, Role, Scope, Status
from desktop.services import attachments as attachment_service
from desktop.services import imports
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import search as search_service
from desktop.services import worklist as wl
from desktop.services.workspace import Workspace
from desktop.storage.search import has_index
from tests.conftest import FIXTURES

Q1 = parse_period("2026Q1")
assert Q1 is not None


def _seqs(ws: Workspace, ids: set[int]) -> list[int]:
    return sorted(i.seq for i in wl.load_worklist(ws, Q1, today=date(2026, 3, 1)) if i.measure_id in ids)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    [
        "招",  # one character: the scan path
        "拖欠",  # two characters: the scan path
        "招商引资",  # four: the trigram index
        "招商 披露",  # every word must be present
        "不存在的词语",
    ],
)
def test_search_measure_text(ws: Workspace, query: str) -> None:
    assert has_index(ws.db)
    items = wl.load_worklist(ws, Q1, today=date(2026, 3, 1))  # type: ignore[arg-type]
    truth = sorted(i.seq for i in items if all(w in i.text for w in query.split()))
    assert _seqs(ws, search_service.search(ws, query)) == truth
    assert bool(truth) == (query != "不存在的词语")


def test_search_finds_notes_of_any_length(ws: Workspace) -> None:
    key = note_service.key_for(ws, measure_service.find_measure(ws, "5").measure_id, Q1)  # type: ignore[arg-type]
    note_service.save_note(ws, key, NoteFields(progress="走访鄂尔多斯企业"))
    for query in ("鄂", "鄂尔", "鄂尔多斯"):
        assert 5 in _seqs(ws, search_service.search(ws, query)), query
    note_service.save_note(ws, key, NoteFields(progress="改写后的内容"))
    assert 5 not in _seqs(ws, search_service.search(ws, "鄂尔多斯"))  # the index follows edits


def test_worklist_roles_filters_and_counts(ws: Workspace) -> None:
    items = wl.load_worklist(ws, Q1, today=date(2026, 3, 1))  # type: ignore[arg-type]
    assert len(items) == 34
    lead = wl.apply_filter(ws, items, Filter(scope=Scope.LEAD))
    support = wl.apply_filter(ws, items, Filter(scope=Scope.SUPPORT))
    mine = wl.apply_filter(ws, items, Filter(scope=Scope.MINE))
    assert lead and support and {i.role for i in lead} == {Role.LEAD}
    assert len(mine) == len(lead) + len(support) < 34
    assert len(wl.apply_filter(ws, items, Filter(scope=Scope.ALL))) == 34
    first = lead[0]
    note_service.save_note(
        ws,
        note_service.key_for(ws, first.measure_id, Q1),
        NoteFields(progress="完成", status=Status.DONE),  # type: ignore[arg-type]
    )
    items = wl.load_worklist(ws, Q1, today=date(2026, 3, 1))  # type: ignore[arg-type]
    mine = wl.apply_filter(ws, items, Filter())
    done = wl.apply_filter(ws, items, Filter(status=Status.DONE.value))
    assert [i.measure_id for i in done] == [first.measure_id]
    unfilled = wl.apply_filter(ws, mine, Filter(status=UNFILLED))
    waiting = [i for i in mine if i.unconfirmed]
    assert waiting, "the sample gives the unit category tasks to confirm"
    # a category task still to confirm is not in the report, so it is never 未填
    assert len(unfilled) == len(mine) - len(waiting) - 1 and not any(i.unconfirmed for i in unfilled)
    assert summarize(mine).unfilled == len(unfilled)
    chapter = chapters(items)[1]
    assert {i.chapter for i in wl.apply_filter(ws, items, Filter(scope=Scope.ALL, chapter=chapter))} == {
        chapter
    }


def test_overdue_lights_come_from_dated_deadlines(ws: Workspace) -> None:
    imports.import_file(ws, path=FIXTURES / "plans" / "eerduosi_2025_yingshang.txt")
    late = wl.load_worklist(ws, Q1, today=date(2027, 6, 1))  # type: ignore[arg-type]
    dated = [i for i in late if i.due_on is not None and not i.standing]
    assert dated, "the sample has measures with dated deadlines"
    assert all(Light.OVERDUE in i.lights for i in dated)
    warned = wl.apply_filter(ws, late, Filter(scope=Scope.ALL, warned_only=True))
    assert {i.measure_id for i in warned} == {i.measure_id for i in dated}


def test_attachments_are_copied_by_hash(ws: Workspace, tmp_path: Path) -> None:
    key = note_service.key_for(ws, measure_service.find_measure(ws, "1").measure_id, Q1)  # type: ignore[arg-type]
    source = tmp_path / "会议纪要.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    row = attachment_service.attach(ws, key, source)
    again = attachment_service.attach(ws, key, source)
    assert row.attachment_id == again.attachment_id
    stored = attachment_service.stored_file(ws, row)
    assert stored.read_bytes() == b"%PDF-1.4 evidence" and stored.parent.parent.name == "attachments"
    source.write_bytes(b"changed later")  # the copy does not follow the original
    assert stored.read_bytes() == b"%PDF-1.4 evidence"
    assert [a.name for a in attachment_service.list_attachments(ws, key)] == ["会议纪要.pdf"]
    attachment_service.detach(ws, row)
    assert attachment_service.list_attachments(ws, key) == []


def test_search_without_full_text_tables_scans_the_same(ws: Workspace) -> None:
    """An SQLite without FTS5 (or trigram) gets no index tables; the scan finds the same measures."""
    key = note_service.key_for(ws, measure_service.find_measure(ws, "5").measure_id, Q1)  # type: ignore[arg-type]
    note_service.save_note(ws, key, NoteFields(progress="走访鄂尔多斯企业，座谈3次"))
    queries = ["招", "拖欠", "招商引资", "鄂尔多斯", "座谈 鄂", "3次"]
    indexed = [search_service.search(ws, q) for q in queries]
    ws.db.execute("DROP TABLE search_chars")
    assert not has_index(ws.db)
    assert [search_service.search(ws, q) for q in queries] == indexed
    assert all(indexed)
