"""One real PostgreSQL server for the network tests; each test gets a database of its own."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import locations
from tests.network.pg import Server, remove_server, start_server

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    server = start_server()
    try:
        yield server
    finally:
        remove_server(server)


@pytest.fixture
def office_dsn(pg_server: Server) -> str:
    """Return the DSN of a fresh database on the test server, as its owner (the office)."""
    name = f"office_{next(_names)}"
    pg_server.create_database(name)
    return pg_server.dsn(name)


@dataclass(frozen=True)
class Round:
    """An office with the sample plan published, and one unit connected with the plan pulled."""

    office: Path
    unit: Path
    access: Path
    dsn: str
    unit_name: str = "自治区商务厅"


def luoshi(db: Path, *args: str) -> int:
    """Run the command line on `db`."""
    return main(["--db", str(db), *args])


def make_round(tmp_path: Path, dsn: str, *, units: tuple[str, ...] = ("自治区商务厅",)) -> list[Round]:
    """Set up the office and its units through the command line, as a clerk would."""
    office = tmp_path / "office" / "luoshi.db"
    assert luoshi(office, "import", str(locations.sample_plan_path()), "--yes") == 0
    assert luoshi(office, "office", "init", "--dsn", dsn) == 0
    rounds = []
    for number, unit in enumerate(units, start=1):
        access = tmp_path / f"接入-{number}.json"
        assert luoshi(office, "office", "add-unit", unit, "--out", str(access)) == 0
        db = tmp_path / f"unit-{number}" / "luoshi.db"
        assert luoshi(db, "profile", "set", "--unit", unit) == 0
        assert luoshi(db, "connect", str(access)) == 0
        rounds.append(Round(office, db, access, dsn, unit))
    assert luoshi(office, "office", "publish", "--plan", "1") == 0
    for r in rounds:
        assert luoshi(r.unit, "pull", "--yes") == 0
    return rounds


@pytest.fixture
def one_unit(tmp_path: Path, office_dsn: str) -> Round:
    return make_round(tmp_path, office_dsn)[0]


@pytest.fixture
def own_server() -> Iterator[Server]:
    """A server of the test's own, to stop and start."""
    server = start_server()
    try:
        yield server
    finally:
        remove_server(server)
