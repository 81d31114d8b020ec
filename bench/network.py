"""The office network under load: 100 units sending a 200-measure return at once, and the office's board
over 100 units × 200 measures × 12 periods held on the server. A real PostgreSQL on loopback.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from desktop.domain.desk.periods import Period, Rhythm
from desktop.domain.reporting.returns import content_hash
from desktop.network import office as server
from desktop.network import unit as unit_side
from desktop.network.endpoint import Endpoint
from desktop.services import board as board_service
from desktop.services import imports, network, office_server
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from tests.network.pg import Server, remove_server, start_server

Row = Callable[[str, float, float, str], None]
UNITS = 100
MEASURES = 200
PERIODS = 12
TEXT = "按照方案要求推进落实，召开专题会议研究部署，形成工作台账，逐项跟踪督办，" * 3  # ~110 characters


def _unit(n: int) -> str:
    return f"第{n:03d}工作局"


def _plan_text() -> str:
    lines = ["关于压力测试的实施方案", "一、重点任务"]
    for i in range(1, MEASURES + 1):
        lead, support = _unit((i - 1) % UNITS + 1), _unit(i % UNITS + 1)
        lines.append(f"{i}.推进第{i}项重点工作，完善制度机制，加强督促落实。（{lead}牵头，{support}配合）")
    return "\n".join(lines)


def _content(unit: str, period: Period, uids: list[str], title: str) -> dict[str, object]:
    rows = [
        {"uid": uid, "label": str(i), "task": f"推进第{i}项重点工作", "progress": f"{unit}{TEXT}",
         "problems": TEXT[:40], "next_steps": TEXT[:60], "status": "推进中"}
        for i, uid in enumerate(uids, start=1)
    ]  # fmt: skip
    meta = {"unit": unit, "period_code": period.code, "period_label": period.label, "plans": title}
    return {"format": "luoshi-return", "meta": meta, "rows": rows}


def _at_once(jobs: list[Callable[[], object]]) -> float:
    """Run every job in its own thread, released together; return the wall time until the last ends."""
    gate = threading.Barrier(len(jobs) + 1)
    failures: list[BaseException] = []

    def run(job: Callable[[], object]) -> None:
        gate.wait()
        try:
            job()
        except BaseException as exc:  # reported after the run: a load test must not hide a failure
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    gate.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return time.perf_counter() - started


def network_load(folder: Path, row: Row) -> None:
    """Print the send load and the board over the server, each beside its floor."""
    pg = start_server()
    try:
        _run(pg, folder, row)
    finally:
        remove_server(pg)


def _run(pg: Server, folder: Path, row: Row) -> None:
    dsn = pg.dsn()
    plan = folder / "plan-network.txt"
    plan.write_text(_plan_text(), encoding="utf-8")
    office_db = folder / "network-office" / "luoshi.db"
    with Workspace(office_db) as ws:
        imports.import_file(ws, path=plan)
        office_server.init(ws, dsn)
        stored = plan_store.current_measures(ws.db)
        uids = [s.uid for s in stored]
        title = stored[0].plan_title
        key = plan_store.list_plans(ws.db)[0].key
    office = network.endpoint_from_dsn(dsn)
    logins = {}
    for n in range(1, UNITS + 1):
        role, password = server.add_unit(office, _unit(n))
        logins[_unit(n)] = Endpoint({**office.params, "user": role, "password": password})
    period = Period(2026, Rhythm.MONTH, 1)
    contents = {unit: _content(unit, period, uids, title) for unit in logins}
    ids = {unit: str(uuid.uuid4()) for unit in logins}

    def send(unit: str) -> None:
        content = contents[unit]
        unit_side.send(
            logins[unit], return_id=ids[unit], unit=unit, plan_key=key, plan_title=title, period=period.code,
            content=content, content_hash=content_hash(content), row_count=MEASURES,
        )  # fmt: skip

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE bare (id uuid PRIMARY KEY, unit text, content jsonb)")

    def bare(unit: str) -> None:
        with psycopg.connect(dsn) as conn:
            conn.execute("INSERT INTO bare VALUES (%s, %s, %s)", [uuid.uuid4(), unit, Jsonb(contents[unit])])

    floor = _at_once([lambda u=u: bare(u) for u in logins])  # type: ignore[misc]
    ours = _at_once([lambda u=u: send(u) for u in logins])  # type: ignore[misc]
    again = _at_once([lambda u=u: send(u) for u in logins])  # type: ignore[misc]  # every unit retries
    with psycopg.connect(dsn) as conn:
        count = conn.execute("SELECT count(*), count(DISTINCT id) FROM luoshi.returns").fetchone()
    assert count == (UNITS, UNITS), count  # all arrived, none twice
    row(f"{UNITS} units send a {MEASURES}-measure return at once", ours, floor, "all arrive once")
    print(
        f"  {count[0]} returns on the server, {count[1]} distinct; all {UNITS} sent again (a retry): {again * 1000:.0f} ms, none added"
    )

    with psycopg.connect(dsn) as conn, conn.cursor() as cursor:  # the other months: set-up, not measured
        for month in range(2, PERIODS + 1):
            other = Period(2026, Rhythm.MONTH, month)
            cursor.executemany(
                "INSERT INTO luoshi.returns (id, unit, plan_key, plan_title, period, content, content_hash,"
                " row_count) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        uuid.uuid4(),
                        unit,
                        key,
                        title,
                        other.code,
                        Jsonb(_content(unit, other, uids, title)),
                        "h",
                        MEASURES,
                    )
                    for unit in logins
                ],
            )
    month = Period(2026, Rhythm.MONTH, PERIODS)

    def floor_read() -> None:
        with psycopg.connect(dsn) as conn:
            conn.execute("SELECT content FROM luoshi.returns WHERE period = %s", [month.code]).fetchall()

    with Workspace(office_db) as ws:
        read = _best(floor_read, 3)
        started = time.perf_counter()
        received, refused = office_server.receive(ws, month)
        first = time.perf_counter() - started
        assert len(received) == UNITS and not refused, (len(received), refused[:1])
        board = board_service.load_board(ws, month)
        assert not board.missing, board.missing[:3]

        def open_board() -> None:
            office_server.receive(ws, month)
            board_service.load_board(ws, month)

        later = _best(open_board, 3)
    row(f"board, first look at a month ({UNITS}×{MEASURES} from the server)", first, read, "—")
    row(
        f"board from the server ({UNITS} units × {MEASURES} × {PERIODS} months held)",
        later,
        read,
        "< 1000 ms",
    )


def _best(job: Callable[[], object], times: int) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        job()
        best = min(best, time.perf_counter() - started)
    return best
