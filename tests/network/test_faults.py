"""The network's faults: server down, a cut in the middle of a send, a restart, a refused login, a schema
this program does not speak. Each says what to do in Chinese, and nothing is half written anywhere.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import psycopg
import pytest

from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import LuoshiError
from desktop.network import connection as net_connection
from desktop.services import network, sending
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from tests.network.pg import Server
from tests.network.rounds import Round, luoshi, make_round

PERIOD = parse_period("2026Q2")
TODAY = date(2026, 6, 20)


def _count(dsn: str) -> int:
    with psycopg.connect(dsn) as conn:
        row = conn.execute("SELECT count(*) FROM luoshi.returns").fetchone()
    assert row is not None
    return int(row[0])


def _filled(r: Round) -> None:
    assert luoshi(r.unit, "note", "set", "--measure", "1", "--period", "2026Q2", "--progress", "进展") == 0


@pytest.fixture
def round_on_own_server(tmp_path: Path, own_server: Server) -> Round:
    own_server.create_database("office")
    r = make_round(tmp_path, own_server.dsn("office"))[0]
    _filled(r)
    return r


@pytest.mark.slow  # a server of its own, stopped and started
def test_a_cut_in_the_middle_of_a_send_leaves_nothing_and_the_retry_lands_once(
    round_on_own_server: Round, own_server: Server
) -> None:
    assert PERIOD is not None
    r = round_on_own_server
    with Workspace(r.unit) as ws:
        outcome = sending.send(
            ws, plan=1, period=PERIOD, today=TODAY, before_commit=lambda: own_server.stop("immediate")
        )
        assert not outcome.delivered and "连不上" in outcome.error and "待发送" in outcome.error
        assert [w.return_id for w in sending.waiting(ws)] == [outcome.outgoing.return_id]
        own_server.start()
        assert _count(r.dsn) == 0  # the insert died with its transaction
        assert luoshi(r.unit, "send", "--plan", "1", "--period", "2026Q2") == 0  # the outbox goes first
        assert sending.waiting(ws) == []
        again = sending.deliver_waiting(ws)
    assert again == []
    with psycopg.connect(r.dsn) as conn:
        ids = [row[0] for row in conn.execute("SELECT id::text FROM luoshi.returns ORDER BY seq")]
    assert ids[0] == outcome.outgoing.return_id and len(ids) == 2 and len(set(ids)) == 2


@pytest.mark.slow  # a server of its own, stopped and started twice
def test_server_down_queues_and_a_restart_costs_nothing(
    round_on_own_server: Round, own_server: Server
) -> None:
    assert PERIOD is not None
    r = round_on_own_server
    own_server.stop()
    with Workspace(r.unit) as ws:
        assert not network.online(ws)
        assert luoshi(r.unit, "send", "--plan", "1", "--period", "2026Q2") == 5  # queued
        assert len(sending.waiting(ws)) == 1
        own_server.start()
        assert network.online(ws)
        delivered = sending.deliver_waiting(ws)
    assert [d.delivered for d in delivered] == [True] and _count(r.dsn) == 1
    own_server.stop()
    own_server.start()  # a restart between two sends: each send opens its own connection
    with Workspace(r.unit) as ws:
        assert sending.send(ws, plan=1, period=PERIOD, today=TODAY).delivered
    assert _count(r.dsn) == 2


def test_a_wrong_password_or_a_removed_unit_is_told_and_nothing_is_written(
    tmp_path: Path, one_unit: Round
) -> None:
    assert PERIOD is not None
    r = one_unit
    _filled(r)
    data = json.loads(r.access.read_text(encoding="utf-8"))
    data["password"] = "wrong"
    bad = tmp_path / "错误的接入文件.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "unit-x" / "luoshi.db"
    with Workspace(other) as ws, pytest.raises(LuoshiError) as raised:
        network.connect_unit(ws, bad)
    assert "密码不正确" in error_text(raised.value) and "接入文件" in error_text(raised.value)
    with Workspace(other) as ws:
        assert network.unit_connection(ws) is None  # nothing kept

    assert luoshi(r.office, "office", "remove-unit", r.unit_name) == 0
    with Workspace(r.unit) as ws:
        outcome = sending.send(ws, plan=1, period=PERIOD, today=TODAY)
    assert not outcome.delivered and "撤销" in outcome.error
    assert _count(r.dsn) == 0


@pytest.mark.parametrize(
    ("server_version", "client_version", "words"), [(2, 1, "升级落实"), (1, 2, "office init")]
)
def test_a_schema_of_another_version_is_refused_before_anything_is_written(
    one_unit: Round, monkeypatch: pytest.MonkeyPatch, server_version: int, client_version: int, words: str
) -> None:
    assert PERIOD is not None
    r = one_unit
    _filled(r)
    with psycopg.connect(r.dsn) as conn:
        conn.execute("UPDATE luoshi.meta SET value = %s WHERE key = 'schema_version'", [str(server_version)])
    monkeypatch.setattr(net_connection, "SCHEMA_VERSION", client_version)
    with Workspace(r.unit) as ws:
        outcome = sending.send(ws, plan=1, period=PERIOD, today=TODAY)
    assert not outcome.delivered and words in outcome.error and "未读写任何内容" in outcome.error
    assert _count(r.dsn) == 0


def test_a_file_that_is_not_an_access_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "随便.json"
    for content in (b"\x89PNG\r\n", b"[1, 2]", json.dumps({"host": "h"}).encode()):
        path.write_bytes(content)
        with Workspace(tmp_path / "db" / "luoshi.db") as ws, pytest.raises(LuoshiError) as raised:
            network.connect_unit(ws, path)
        assert "不是落实的接入文件" in error_text(raised.value)
