"""Shared fixtures; Qt runs offscreen in every test."""

from __future__ import annotations

import itertools
import multiprocessing.context
import os
import sys
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a clerk's screen, 1366×768, instead of offscreen's 800×800
    _screen = os.path.join(os.path.dirname(__file__), "fixtures", "screens", "1366x768.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from pathlib import Path

import pytest

from tests.network.pg import Server, running_server

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "neimenggu_2026_yingshang_huanjing.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "luoshi.db"


# ---- the quick loop stays quick: LibreOffice and OCR run only in tests marked slow ----------------------
_HEAVY_PROGRAMS = ("soffice", "libreoffice", "pdftoppm")
_spawned: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Note each program a test starts (Python's audit event for subprocess.Popen)."""
    if event == "subprocess.Popen":
        executable, argv = args[0], args[1]
        first = argv[0] if isinstance(argv, list | tuple) and argv else argv
        _spawned.append(Path(str(executable or first)).name)


sys.addaudithook(_audit)


_start_process = multiprocessing.context.SpawnProcess.start


def _noted_start(process: multiprocessing.context.SpawnProcess) -> None:
    """Note each child process a test starts by multiprocessing (the OCR reader is one, "luoshi-ocr")."""
    _spawned.append(process.name)
    _start_process(process)


multiprocessing.context.SpawnProcess.start = _noted_start  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _heavy_work_is_marked_slow(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that renders with LibreOffice or runs OCR without the `slow` marker."""
    _spawned.clear()
    yield
    if request.node.get_closest_marker("slow") is not None:
        return
    heavy = sorted({name for name in _spawned if name.startswith((*_HEAVY_PROGRAMS, "luoshi-ocr"))})
    assert not heavy, f"this test starts {heavy}: mark it @pytest.mark.slow"


_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """One real PostgreSQL server for the session (initdb + pg_ctl on 127.0.0.1, never as root)."""
    with running_server() as server:
        yield server


@pytest.fixture
def office_dsn(pg_server: Server) -> str:
    """Return the DSN of a fresh database on the test server, as its owner (the office)."""
    name = f"office_{next(_databases)}"
    pg_server.create_database(name)
    return pg_server.dsn(name)
