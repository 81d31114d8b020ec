"""The whole round through the command line: office init, two units, publish, connect, pull, send, board."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
import pytest

from desktop.domain.desk.periods import Period, Rhythm
from desktop.services import locations
from desktop.services import returns as return_service
from desktop.services.workspace import Workspace
from tests.network.rounds import luoshi, make_round

UNITS = ("自治区商务厅", "自治区发展改革委")
Q2 = Period(2026, Rhythm.QUARTER, 2)
LEADS = {"自治区商务厅": "1", "自治区发展改革委": "2"}  # a measure each leads in the sample plan


def test_a_published_plan_waits_for_review_before_it_is_applied(tmp_path: Path, office_dsn: str) -> None:
    office = tmp_path / "office" / "luoshi.db"
    assert luoshi(office, "import", str(locations.sample_plan_path()), "--yes") == 0
    assert luoshi(office, "office", "init", "--dsn", office_dsn) == 0
    assert luoshi(office, "office", "init", "--dsn", office_dsn) == 0  # again: nothing to migrate, no harm
    access = tmp_path / "接入.json"
    assert luoshi(office, "office", "add-unit", UNITS[0], "--out", str(access)) == 0
    assert luoshi(office, "office", "add-unit", UNITS[0], "--out", str(access)) == 2  # one login per unit
    assert os.stat(access).st_mode & 0o777 == 0o600  # readable only by its owner
    data = json.loads(access.read_text(encoding="utf-8"))
    assert {"host", "port", "dbname", "user", "password", "unit"} <= set(data) and data["unit"] == UNITS[0]
    unit = tmp_path / "unit" / "luoshi.db"
    assert luoshi(unit, "connect", str(access)) == 0
    assert luoshi(office, "office", "publish", "--plan", "1") == 0
    assert luoshi(unit, "pull") == 3  # arrived, not applied
    assert luoshi(unit, "pull", "--yes") == 0
    assert luoshi(unit, "pull") == 0  # nothing new now


def test_two_units_send_and_the_office_board_shows_both(
    tmp_path: Path, office_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rounds = make_round(tmp_path, office_dsn, units=UNITS)
    office = rounds[0].office
    capsys.readouterr()
    for n, r in enumerate(rounds, start=1):
        progress = f"第{n}单位的进展"
        assert (
            luoshi(
                r.unit,
                "note",
                "set",
                "--measure",
                LEADS[r.unit_name],
                "--period",
                "2026Q2",
                "--progress",
                progress,
            )
            == 0
        )
        assert luoshi(r.unit, "send", "--plan", "1", "--period", "2026Q2") == 0
        assert "服务器回执" in capsys.readouterr().out

    assert luoshi(office, "board", "--period", "2026Q2", "--json") == 0
    board = json.loads(capsys.readouterr().out)
    assert set(UNITS) <= set(board["reported"])

    # a second send of the same period is a new version; the office sees the latest and the history
    assert (
        luoshi(
            rounds[0].unit,
            "note",
            "set",
            "--measure",
            "1",
            "--period",
            "2026Q2",
            "--progress",
            "更正后的进展",
        )
        == 0
    )
    assert luoshi(rounds[0].unit, "send", "--plan", "1", "--period", "2026Q2") == 0
    with psycopg.connect(office_dsn) as conn:
        versions = conn.execute(
            "SELECT count(*) FROM luoshi.returns WHERE unit = %s AND period = '2026Q2'", [UNITS[0]]
        ).fetchone()
    assert versions == (2,)
    capsys.readouterr()
    assert luoshi(office, "board", "--period", "2026Q2") == 0
    assert "已从服务器收到 1 份报送" in capsys.readouterr().out
    with Workspace(office) as ws:  # every version is kept; the latest is in force
        versions_here = return_service.history(ws, unit=UNITS[0], period=Q2)
    assert len(versions_here) == 2 and versions_here[1].replaced_by == versions_here[0].return_id
    assert luoshi(office, "office", "units") == 0
    listed = capsys.readouterr().out
    assert all(u in listed for u in UNITS) and "报送 2 次" in listed
    assert luoshi(rounds[0].unit, "sent") == 0
    assert capsys.readouterr().out.count("联网报送") == 2


def test_a_published_revision_reaches_the_unit_as_a_revision_to_review(
    tmp_path: Path, office_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [r] = make_round(tmp_path, office_dsn)
    sample = locations.sample_plan_path().read_text(encoding="utf-8")
    revised = tmp_path / "修订稿.txt"
    revised.write_text(
        sample.replace("清理规范招商引资违规政策", "全面清理规范招商引资违规政策"), encoding="utf-8"
    )
    assert luoshi(r.office, "import", str(revised), "--yes") == 0
    assert luoshi(r.office, "office", "publish", "--plan", "1") == 0
    capsys.readouterr()
    assert luoshi(r.unit, "pull") == 3
    said = capsys.readouterr().out
    assert "修订：新增 0 项，修改 1 项，删除 0 项" in said
    assert luoshi(r.unit, "pull", "--yes") == 0 and "第 2 版" in capsys.readouterr().out
