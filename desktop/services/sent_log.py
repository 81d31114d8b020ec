"""报送记录: every report, ledger and return that leaves this PC, with the notes as they were sent.

A note that differs from what was last sent for its period is 报送后已修改 on the desk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from datetime import datetime
from pathlib import Path

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.ids import MeasureId
from desktop.domain.terms import SentKind
from desktop.services.notes import my_unit
from desktop.services.reading import file_hash
from desktop.services.workspace import Workspace
from desktop.storage import notes as note_store
from desktop.storage import sending as store
from desktop.storage.sending import SentNote, SentRecord


def fields_hash(fields: NoteFields | None) -> str:
    """Return a short hash of what a note says (compared to tell 报送后已修改)."""
    fields = fields or NoteFields()
    status = fields.status.value if fields.status else ""
    text = "\x1f".join((fields.progress, fields.problems, fields.next_steps, status, str(fields.percent)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sent_notes(
    ws: Workspace, period: Period, unit: str, measure_ids: Collection[MeasureId]
) -> list[SentNote]:
    """Return the notes of `measure_ids` as they are now: what a record of their sending keeps."""
    notes = note_store.notes_of_unit(ws.db, period=period.code, unit=unit)
    revisions = note_store.latest_revisions(ws.db, period=period.code, unit=unit)
    return [SentNote(m, revisions.get(m), fields_hash(notes.get(m))) for m in measure_ids]


def record_file(
    ws: Workspace,
    *,
    kind: SentKind,
    path: Path,
    period: Period,
    measure_ids: Collection[int],
    plan_ids: Collection[int],
    recipient: str = "",
    now: datetime | None = None,
) -> int:
    """Record a report, ledger or return file written for sending, with the notes it carries."""
    unit = my_unit(ws)
    ids = [MeasureId(m) for m in measure_ids]
    with ws.db.atomic():
        return store.record(
            ws.db,
            kind=kind,
            plan_ids=sorted(set(plan_ids)),
            period=period.code,
            unit=unit,
            recipient=recipient,
            file_name=path.name,
            file_hash=file_hash(path),
            now=now or datetime.now().astimezone(),
            notes=sent_notes(ws, period, unit, ids),
        )


def sent_records(ws: Workspace) -> list[SentRecord]:
    """Return the 报送记录, newest first."""
    return store.records(ws.db)


def changed_since_sent(
    ws: Workspace, period: Period, unit: str, notes: Mapping[MeasureId, NoteFields]
) -> set[MeasureId]:
    """Return the measures whose note (from `notes`) differs from what was last sent for the period."""
    sent = store.last_sent_hashes(ws.db, period=period.code, unit=unit)
    return {m for m, digest in sent.items() if fields_hash(notes.get(m)) != digest}
