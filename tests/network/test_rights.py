"""Row-level security: a unit's login, in raw SQL, reads and sends only its own, and changes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from psycopg.types.json import Jsonb

from desktop.domain.desk.periods import parse_period
from desktop.services import sending
from desktop.services.workspace import Workspace
from tests.network.rounds import luoshi, make_round

PERIOD = parse_period("2026Q2")


def _login(access: Path) -> psycopg.Connection:
    data = json.loads(access.read_text(encoding="utf-8"))
    data.pop("unit")
    return psycopg.connect(**data)


def test_a_unit_sees_and_sends_only_its_own_and_changes_nothing(tmp_path: Path, office_dsn: str) -> None:
    assert PERIOD is not None
    first, second = make_round(tmp_path, office_dsn, units=("自治区商务厅", "自治区发展改革委"))
    for r, label in ((first, "1"), (second, "2")):
        assert (
            luoshi(r.unit, "note", "set", "--measure", label, "--period", "2026Q2", "--progress", "进展") == 0
        )
        with Workspace(r.unit) as ws:
            assert sending.send(ws, plan=1, period=PERIOD, today=date(2026, 6, 20)).delivered

    with psycopg.connect(office_dsn) as office:
        assert office.execute("SELECT count(*) FROM luoshi.returns").fetchone() == (2,)

    with _login(first.access) as conn:
        conn.autocommit = True
        rows = conn.execute("SELECT unit FROM luoshi.returns").fetchall()
        assert rows == [("自治区商务厅",)]  # the other unit's return is not there for it
        assert conn.execute("SELECT unit FROM luoshi.units").fetchall() == [("自治区商务厅",)]
        refused = [
            ("INSERT INTO luoshi.returns (id, unit, plan_key, plan_title, period, content, content_hash, row_count)"
             " VALUES (%s, '自治区发展改革委', 'k', 't', '2026Q2', %s, 'h', 0)", [uuid4(), Jsonb({})]),
            ("UPDATE luoshi.returns SET content_hash = 'x'", []),
            ("DELETE FROM luoshi.returns", []),
            ("UPDATE luoshi.plans SET title = '改过的方案'", []),
            ("INSERT INTO luoshi.assignments (plan_id, unit, measures) VALUES (1, '自治区商务厅', 1)", []),
            ("INSERT INTO luoshi.returns (id, unit, plan_key, plan_title, period, content, content_hash,"
             " row_count, sent_at) VALUES (%s, '自治区商务厅', 'k', 't', '2026Q2', %s, 'h', 0, now())",
             [uuid4(), Jsonb({})]),  # the server's time is not the unit's to set
            ("DROP TABLE luoshi.returns", []),
        ]  # fmt: skip
        for statement, params in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, params)

    with psycopg.connect(office_dsn) as office:
        assert office.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM luoshi.returns"
        ).fetchone() == (2, 2)
        assert office.execute("SELECT title FROM luoshi.plans").fetchone() != ("改过的方案",)
