"""The whole round through the command line: office init, two units, publish, connect, pull, send, board."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
import pytest

from desktop.cli import main
from desktop.services import locations

UNITS = ("自治区商务厅", "自治区发展改革委")
LEADS = {"自治区商务厅": "1", "自治区发展改革委": "2"}  # a measure each leads in the sample plan


def luoshi(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def office(tmp_path: Path, office_dsn: str) -> Path:
    db = tmp_path / "office" / "luoshi.db"
    assert luoshi(db, "import", str(locations.sample_plan_path()), "--yes") == 0
    assert luoshi(db, "office", "init", "--dsn", office_dsn) == 0
    return db


def _unit(tmp_path: Path, office: Path, unit: str, number: int) -> Path:
    access = tmp_path / f"接入-{number}.json"
    assert luoshi(office, "office", "add-unit", unit, "--out", str(access)) == 0
    assert os.stat(access).st_mode & 0o777 == 0o600  # readable only by its owner
    data = json.loads(access.read_text(encoding="utf-8"))
    assert {"host", "port", "dbname", "user", "password", "unit"} <= set(data) and data["unit"] == unit
    db = tmp_path / f"unit-{number}" / "luoshi.db"
    assert luoshi(db, "profile", "set", "--unit", unit) == 0
    assert luoshi(db, "connect", str(access)) == 0
    return db


def test_two_units_send_and_the_office_board_shows_both(
    tmp_path: Path, office: Path, office_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    units = [_unit(tmp_path, office, name, n) for n, name in enumerate(UNITS, start=1)]
    assert luoshi(office, "office", "publish", "--plan", "1") == 0
    assert "送达 2 个单位" in capsys.readouterr().out

    for (n, db), unit in zip(enumerate(units, start=1), UNITS, strict=True):
        assert luoshi(db, "pull") == 3  # arrived, waits for review
        capsys.readouterr()
        assert luoshi(db, "pull", "--yes") == 0
        out = capsys.readouterr().out
        assert "新方案" in out
        assert luoshi(db, "pull") == 0 and "没有新的方案" in capsys.readouterr().out
        assert (
            luoshi(
                db,
                "note",
                "set",
                "--measure",
                LEADS[unit],
                "--period",
                "2026Q2",
                "--progress",
                f"第{n}单位的进展",
            )
            == 0
        )
        assert luoshi(db, "send", "--plan", "1", "--period", "2026Q2") == 0
        sent = capsys.readouterr().out
        assert "服务器回执" in sent

    assert luoshi(office, "board", "--period", "2026Q2", "--json") == 0
    board = json.loads(capsys.readouterr().out)
    assert set(UNITS) <= set(board["reported"])

    # a second send of the same period is a new version; the office sees the latest and the history
    assert (
        luoshi(units[0], "note", "set", "--measure", "1", "--period", "2026Q2", "--progress", "更正后的进展")
        == 0
    )
    assert luoshi(units[0], "send", "--plan", "1", "--period", "2026Q2") == 0
    with psycopg.connect(office_dsn) as conn:
        versions = conn.execute(
            "SELECT count(*) FROM luoshi.returns WHERE unit = %s AND period = '2026Q2'", [UNITS[0]]
        ).fetchone()
    assert versions == (2,)
    assert luoshi(office, "board", "--period", "2026Q2") == 0
    assert "已从服务器收到 1 份报送" in capsys.readouterr().out
    assert luoshi(office, "office", "units") == 0
    listed = capsys.readouterr().out
    assert all(u in listed for u in UNITS) and "报送 2 次" in listed
    assert luoshi(units[0], "sent") == 0
    assert capsys.readouterr().out.count("联网报送") == 2
