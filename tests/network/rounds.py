"""An office and its units set up through the command line on a real server, as clerks would."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.cli import main
from desktop.services import locations


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
