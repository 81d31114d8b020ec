"""What left this PC (报送记录) and the network returns waiting to go (the outbox)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desktop.domain.ids import MeasureId, PlanId


@dataclass(frozen=True)
class Outgoing:
    """A network return: written here first, then sent; `receipt_time` set once the server holds it."""

    return_id: str
    plan_id: PlanId
    period: str
    unit: str
    content: dict[str, object]
    content_hash: str
    row_count: int
    created_at: str
    receipt_time: str | None
    last_error: str


@dataclass(frozen=True)
class SentRecord:
    """One thing that left the PC: a report, a ledger, a return file or a network return."""

    sent_id: int
    kind: str
    plan_ids: tuple[int, ...]
    period: str
    unit: str
    recipient: str
    file_name: str
    file_hash: str
    sent_at: str
    return_id: str | None
    notes: int


@dataclass(frozen=True)
class SentNote:
    """A note as it was when it was sent: its latest revision and the hash of its fields."""

    measure_id: MeasureId
    revision_id: int | None
    fields_hash: str


def _outgoing(row: sqlite3.Row) -> Outgoing:
    return Outgoing(
        row["return_id"],
        PlanId(row["plan_id"]),
        row["period"],
        row["unit"],
        json.loads(row["content"]),
        row["content_hash"],
        row["row_count"],
        row["created_at"],
        row["receipt_time"],
        row["last_error"],
    )


def queue(db: sqlite_utils.Database, item: Outgoing) -> None:
    """Put a return in the outbox; call inside the transaction that records it as sent."""
    db.execute(
        "INSERT INTO outbox (return_id, plan_id, period, unit, content, content_hash, row_count, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            item.return_id,
            item.plan_id,
            item.period,
            item.unit,
            json.dumps(item.content, ensure_ascii=False),
            item.content_hash,
            item.row_count,
            item.created_at,
        ],
    )


def waiting(db: sqlite_utils.Database) -> list[Outgoing]:
    """Return the returns the server has not confirmed yet, oldest first."""
    rows = db.execute("SELECT * FROM outbox WHERE receipt_time IS NULL ORDER BY created_at, rowid")
    return [_outgoing(r) for r in rows]


def outgoing(db: sqlite_utils.Database, return_id: str) -> Outgoing | None:
    """Return one outbox entry."""
    row = db.execute("SELECT * FROM outbox WHERE return_id = ?", [return_id]).fetchone()
    return _outgoing(row) if row else None


def confirm(db: sqlite_utils.Database, return_id: str, *, server_time: str) -> None:
    """Record the server's receipt."""
    with db.atomic():
        db.execute(
            "UPDATE outbox SET receipt_time = ?, last_error = '' WHERE return_id = ?",
            [server_time, return_id],
        )


def note_failure(db: sqlite_utils.Database, return_id: str, error: str) -> None:
    """Remember why the last try failed (shown beside the waiting return)."""
    with db.atomic():
        db.execute("UPDATE outbox SET last_error = ? WHERE return_id = ?", [error, return_id])


def record(
    db: sqlite_utils.Database,
    *,
    kind: str,
    plan_ids: list[int],
    period: str,
    unit: str,
    recipient: str,
    file_name: str,
    file_hash: str,
    now: datetime,
    notes: list[SentNote],
    return_id: str | None = None,
) -> int:
    """Record what was sent with the notes it carried; call inside a transaction."""
    cursor = db.execute(
        "INSERT INTO sent (kind, plan_ids, period, unit, recipient, file_name, file_hash, sent_at, return_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            kind,
            json.dumps(plan_ids),
            period,
            unit,
            recipient,
            file_name,
            file_hash,
            now.isoformat(timespec="seconds"),
            return_id,
        ],
    )
    sent_id = int(cursor.lastrowid or 0)
    db.conn.executemany(
        "INSERT INTO sent_notes (sent_id, measure_id, period, unit, revision_id, fields_hash) VALUES (?, ?, ?, ?, ?, ?)",
        [(sent_id, n.measure_id, period, unit, n.revision_id, n.fields_hash) for n in notes],
    )
    return sent_id


def records(db: sqlite_utils.Database) -> list[SentRecord]:
    """Return everything sent, newest first."""
    rows = db.execute(
        """SELECT s.*, (SELECT count(*) FROM sent_notes n WHERE n.sent_id = s.id) AS notes
           FROM sent s ORDER BY s.id DESC"""
    )
    return [
        SentRecord(
            r["id"],
            r["kind"],
            tuple(json.loads(r["plan_ids"])),
            r["period"],
            r["unit"],
            r["recipient"],
            r["file_name"],
            r["file_hash"],
            r["sent_at"],
            r["return_id"],
            r["notes"],
        )
        for r in rows
    ]


def last_sent_hashes(db: sqlite_utils.Database, *, period: str, unit: str) -> dict[MeasureId, str]:
    """Return, per measure, the hash of its note as last sent for the period."""
    rows = db.execute(
        """SELECT measure_id, fields_hash FROM sent_notes
           WHERE period = ? AND unit = ? ORDER BY sent_id""",
        [period, unit],
    )
    return {MeasureId(r[0]): r[1] for r in rows}  # later sends overwrite earlier ones
