"""报送记录: a ledger written for sending is recorded with its notes; a note changed afterwards is marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.terms import Scope, Status
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import reports as report_service
from desktop.services import sent_log
from desktop.services import units as unit_service
from desktop.services import worklist as worklist_service
from desktop.services.reading import file_hash
from desktop.services.workspace import Workspace

Q2 = parse_period("2026Q2")
TODAY = date(2026, 6, 20)


def test_a_sent_ledger_is_recorded_and_a_later_change_is_marked(ws: Workspace, tmp_path: Path) -> None:
    assert Q2 is not None
    unit_service.set_profile(ws, unit="自治区商务厅")
    first, other = (measure_service.find_measure(ws, ref).measure_id for ref in ("1", "17"))
    for measure_id in (first, other):
        key = note_service.key_for(ws, measure_id, Q2)
        note_service.save_note(ws, key, NoteFields(progress="已开展", status=Status.IN_PROGRESS))
    out = tmp_path / "台账.xlsx"
    rows = report_service.export_ledger(ws, period=Q2, scope=Scope.MINE, out=out, today=TODAY)

    [record] = sent_log.sent_records(ws)
    assert (record.kind, record.period, record.file_name) == ("ledger", "2026Q2", "台账.xlsx")
    assert record.file_hash == file_hash(out) and record.notes == rows
    assert not any(i.changed_since_sent for i in worklist_service.load_worklist(ws, Q2, today=TODAY))

    key = note_service.key_for(ws, first, Q2)
    note_service.save_note(ws, key, NoteFields(progress="已开展，又召开推进会", status=Status.IN_PROGRESS))
    changed = {
        i.measure_id for i in worklist_service.load_worklist(ws, Q2, today=TODAY) if i.changed_since_sent
    }
    assert changed == {first}
