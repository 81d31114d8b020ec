"""Returns (回执) the coordinating office imported: which unit, which period, from which file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlite_utils


@dataclass(frozen=True)
class StoredReturn:
    """One imported return; `replaced_by` is set when a later return of the unit and period took over."""

    return_id: int
    unit: str
    period: str
    source_name: str
    source_hash: str
    imported_at: str
    row_count: int
    replaced_by: int | None


_COLUMNS = "id, unit, period, source_name, source_hash, imported_at, row_count, replaced_by"


def current(db: sqlite_utils.Database, *, unit: str, period: str) -> StoredReturn | None:
    """Return the unit's return in force for the period, if any."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM returns WHERE unit = ? AND period = ? AND replaced_by IS NULL "
        "ORDER BY id DESC LIMIT 1",
        [unit, period],
    ).fetchone()
    return StoredReturn(*row) if row else None


def for_period(db: sqlite_utils.Database, *, period: str) -> list[StoredReturn]:
    """Return every return of the period in force, by unit."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM returns WHERE period = ? AND replaced_by IS NULL ORDER BY unit", [period]
    )
    return [StoredReturn(*row) for row in rows]


def history(db: sqlite_utils.Database, *, unit: str, period: str) -> list[StoredReturn]:
    """Return every return of a unit for a period, newest first (replaced ones included)."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM returns WHERE unit = ? AND period = ? ORDER BY id DESC", [unit, period]
    )
    return [StoredReturn(*row) for row in rows]


def record(
    db: sqlite_utils.Database,
    *,
    unit: str,
    period: str,
    source_name: str,
    source_hash: str,
    row_count: int,
    now: datetime,
    server_id: str | None = None,
) -> int:
    """Record a return and mark the one it replaces; call inside the transaction that stores its notes."""
    before = current(db, unit=unit, period=period)
    cursor = db.execute(
        "INSERT INTO returns (unit, period, source_name, source_hash, imported_at, row_count, server_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [unit, period, source_name, source_hash, now.isoformat(timespec="seconds"), row_count, server_id],
    )
    return_id = int(cursor.lastrowid or 0)
    if before is not None:
        db.execute("UPDATE returns SET replaced_by = ? WHERE id = ?", [return_id, before.return_id])
    return return_id


def server_ids(db: sqlite_utils.Database, *, period: str) -> set[str]:
    """Return the ids of the server returns of the period already stored here."""
    rows = db.execute("SELECT server_id FROM returns WHERE period = ? AND server_id IS NOT NULL", [period])
    return {r[0] for r in rows}
