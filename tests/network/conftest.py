"""One real PostgreSQL server for the network tests; each test gets a database of its own."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

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
