"""`--plan` and `--measure` name a plan and a measure without guessing (a wrong guess writes wrong data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import FIXTURES, SAMPLE

SECOND = FIXTURES / "plans" / "eerduosi_2025_yingshang.txt"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _measures(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> list[dict[str, object]]:
    code, out = _run(capsys, "--db", db, "measures", "--json", *extra)
    assert code == 0
    return list(json.loads(out))


@pytest.fixture
def distributed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    """A unit's database filled from the office's 任务清单: running numbers and plan labels disagree."""
    office, unit = str(tmp_path / "office.db"), str(tmp_path / "unit.db")
    tasklist = str(tmp_path / "清单.xlsx")
    assert _run(capsys, "--db", office, "import", str(SAMPLE))[0] == 0
    code, _ = _run(
        capsys, "--db", office, "export", "tasklist", "--unit", "自治区发展改革委", "--out", tasklist
    )
    assert code == 0
    assert _run(capsys, "--db", unit, "import", tasklist)[0] == 0
    return unit


def test_distributed_list_numbers_differ_from_labels(
    capsys: pytest.CaptureFixture[str], distributed: str
) -> None:
    pairs = [(m["seq"], m["label"]) for m in _measures(capsys, distributed)]
    # the case the walk found: seq 9 carries label 13, seq 13 carries label 25, and label 3 does not exist
    assert (9, "13") in pairs and (13, "25") in pairs and not any(label == "3" for _, label in pairs)


def _progress_by_label(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, str]:
    found = {}
    for m in _measures(capsys, db):
        code, out = _run(capsys, "--db", db, "note", "show", "--measure", f"#{m['seq']}", "--period", "2026Q1",
                         "--json")  # fmt: skip
        assert code == 0
        found[str(m["label"])] = json.loads(out)["progress"] if out.strip().startswith("{") else ""
    return {k: v for k, v in found.items() if v}


def test_measure_is_the_plans_own_label(capsys: pytest.CaptureFixture[str], distributed: str) -> None:
    db = distributed
    assert _run(capsys, "--db", db, "profile", "set", "--unit", "自治区发展改革委")[0] == 0
    code, out = _run(capsys, "--db", db, "note", "set", "--measure", "13", "--period", "2026Q1",
                     "--progress", "写给第13项")  # fmt: skip
    assert code == 0, out
    code, out = _run(capsys, "--db", db, "note", "set", "--measure", "#13", "--period", "2026Q1",
                     "--progress", "写给序号13")  # fmt: skip
    assert code == 0, out
    assert _progress_by_label(capsys, db) == {"13": "写给第13项", "25": "写给序号13"}


def test_unknown_label_writes_nothing(capsys: pytest.CaptureFixture[str], distributed: str) -> None:
    db = distributed
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "3", "--period", "2026Q1", "--progress", "x"
    )
    assert code == 2 and "找不到措施“3”" in out and "#序号" in out
    assert _progress_by_label(capsys, db) == {}


def test_label_two_measures_share_is_refused_with_candidates(
    capsys: pytest.CaptureFixture[str], distributed: str
) -> None:
    db = distributed
    assert (
        _run(capsys, "--db", db, "measure", "edit", "#3", "--label", "2")[0] == 0
    )  # now two measures read '2'
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "2", "--period", "2026Q1", "--progress", "x"
    )
    assert code == 2 and "不止一项" in out and "#1" in out and "#3" in out
    assert _progress_by_label(capsys, db) == {}


def test_two_plans_need_plan_and_take_id_or_doc_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "l.db")
    assert _run(capsys, "--db", db, "import", str(SAMPLE))[0] == 0
    assert _run(capsys, "--db", db, "import", str(SECOND))[0] == 0
    code, out = _run(capsys, "--db", db, "plans", "--json")
    plans = json.loads(out)
    assert code == 0 and len(plans) == 2
    first, second = plans
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026Q1", "--progress", "x"
    )
    assert code == 2 and "多个方案" in out and f"{first['id']}：《{first['title']}》" in out
    code, out = _run(capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026Q1", "--progress", "甲",
                     "--plan", str(first["id"]))  # fmt: skip
    assert code == 0, out
    number = str(second["doc_number"]).replace("〔", "[").replace("〕", "]")  # typed with square brackets
    code, out = _run(capsys, "--db", db, "note", "set", "--measure", "1(1)", "--period", "2026Q1", "--progress", "乙",
                     "--plan", number)  # fmt: skip
    assert code == 0, out
    code, out = _run(capsys, "--db", db, "note", "show", "--measure", "1（1）", "--period", "2026Q1", "--json",
                     "--plan", str(second["id"]))  # fmt: skip
    assert json.loads(out)["progress"] == "乙"
    code, out = _run(capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026Q1", "--progress", "x",
                     "--plan", "999")  # fmt: skip
    assert code == 2 and "找不到方案“999”" in out


def test_archived_plan_leaves_the_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    assert _run(capsys, "--db", db, "import", str(SAMPLE))[0] == 0
    assert _run(capsys, "--db", db, "import", str(SECOND))[0] == 0
    code, out = _run(capsys, "--db", db, "plans", "--archive", "1")
    assert code == 0 and "已归档" in out
    code, out = _run(capsys, "--db", db, "plans")
    assert "（已归档）" in out
    # one plan left in use: it is meant without --plan
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "1（1）", "--period", "2026Q1", "--progress", "x"
    )
    assert code == 0, out
    assert _run(capsys, "--db", db, "plans", "--restore", "1")[0] == 0
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "1（1）", "--period", "2026Q1", "--progress", "x"
    )
    assert code == 2
