"""Network fixtures: a set-up round on the shared server (tests/conftest.py), a server of a test's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.network.pg import Server, running_server
from tests.network.rounds import Round, make_round


@pytest.fixture
def one_unit(tmp_path: Path, office_dsn: str) -> Round:
    return make_round(tmp_path, office_dsn)[0]


@pytest.fixture
def own_server() -> Iterator[Server]:
    """A server of the test's own, to stop and start."""
    with running_server() as server:
        yield server
