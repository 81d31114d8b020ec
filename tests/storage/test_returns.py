"""Storage's record of returns: the one in force per unit and period, and what it replaced."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.storage import returns as return_store
from desktop.storage.connection import open_database


def test_a_second_return_replaces_the_first_and_history_keeps_both(db_path: Path) -> None:
    db = open_database(db_path)
    at = datetime(2026, 4, 3, 9, 0).astimezone()

    def record(unit: str, name: str, rows: int) -> int:
        with db.atomic():
            return return_store.record(
                db, unit=unit, period="2026Q1", source_name=name, source_hash=name, row_count=rows, now=at
            )

    first = record("自治区司法厅", "司法厅.xlsx", 12)
    other = record("自治区商务厅", "商务厅.xlsx", 8)
    second = record("自治区司法厅", "司法厅（更正）.xlsx", 13)
    now = return_store.current(db, unit="自治区司法厅", period="2026Q1")
    assert now is not None and now.return_id == second and now.row_count == 13
    assert [r.return_id for r in return_store.history(db, unit="自治区司法厅", period="2026Q1")] == [
        second,
        first,
    ]
    assert return_store.history(db, unit="自治区司法厅", period="2026Q1")[1].replaced_by == second
    assert [(r.unit, r.return_id) for r in return_store.for_period(db, period="2026Q1")] == [
        ("自治区司法厅", second),
        ("自治区商务厅", other),
    ]
    assert return_store.current(db, unit="自治区司法厅", period="2026Q2") is None
