"""`luoshi import --review` and `luoshi measure …` over a real database file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import FIXTURES

DOUBTFUL = FIXTURES / "plans" / "county_2026_doubts.txt"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_parse_json_carries_doubts_and_leaders(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "parse", str(DOUBTFUL), "--json")
    assert code == 0
    measures = json.loads(out)["measures"]
    assert measures[1]["leaders"] == ["王建国"]
    assert [d["code"] for d in measures[2]["doubts"]] == ["odd_unit"]
    assert measures[2]["doubts"][0]["detail"] == "李明"
    assert measures[0]["doubts"] == []


def test_review_stops_on_doubts_yes_applies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    code, out = _run(capsys, "--db", db, "import", str(DOUBTFUL), "--review")
    assert code == 3 and "第 3 项（3）：“李明”不像单位名称" in out and "未导入" in out
    code, out = _run(capsys, "--db", db, "measures", "--json")
    assert json.loads(out) == []  # nothing stored
    code, out = _run(capsys, "--db", db, "import", str(DOUBTFUL), "--review", "--yes")
    assert code == 0 and "6 项措施" in out


def test_measure_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    assert _run(capsys, "--db", db, "import", str(DOUBTFUL), "--yes")[0] == 0
    code, out = _run(
        capsys,
        "--db",
        db,
        "measure",
        "edit",
        "3",
        "--units",
        "县住建局、县自然资源局",
        "--lead",
        "县自然资源局",
    )
    assert code == 0 and "责任单位" in out
    code, out = _run(capsys, "--db", db, "measures", "--json")
    third = json.loads(out)[2]
    assert [(u["name"], u["role"]) for u in third["units"]] == [
        ("县住建局", "support"),
        ("县自然资源局", "lead"),
    ]
    assert third["doubts"] == []
    code, out = _run(capsys, "--db", db, "measure", "history", "3", "--json")
    history = json.loads(out)
    assert history[0]["field"] == "units" and history[0]["old_value"][0][0] == "李明"
    code, out = _run(capsys, "--db", db, "measure", "split", "1", "--at", "200")
    assert code == 2 and "拆分位置" in out
    assert _run(capsys, "--db", db, "measure", "split", "1", "--at", "10")[0] == 0
    assert _run(capsys, "--db", db, "measure", "merge", "1")[0] == 0
    assert (
        _run(
            capsys,
            "--db",
            db,
            "measure",
            "add",
            "--after",
            "2",
            "--text",
            "新增任务。",
            "--units",
            "县文旅局",
        )[0]
        == 0
    )
    assert _run(capsys, "--db", db, "measure", "remove", "4")[0] == 0
    code, out = _run(capsys, "--db", db, "measures", "--json")
    texts = [m["text"] for m in json.loads(out)]
    assert texts[0].startswith("深化“高效办成一件事”改革") and texts[2] == "新增任务。"
    assert len(texts) == 6
    code, out = _run(capsys, "--db", db, "measure", "merge", f"#{len(texts)}")
    assert code == 2 and "最后一项" in out


def test_unconfirmed_claim_and_disclaim(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    sample = str(FIXTURES.parent.parent / "resources" / "samples" / "neimenggu_2026_yingshang_huanjing.txt")
    assert _run(capsys, "--db", db, "import", sample)[0] == 0
    code, out = _run(capsys, "--db", db, "measures", "--unconfirmed")
    assert code == 2 and "尚未设置本单位" in out
    _run(capsys, "--db", db, "profile", "set", "--unit", "自治区发展改革委", "--category", "行业主管部门")
    code, out = _run(capsys, "--db", db, "measures", "--unconfirmed", "--json")
    waiting = [m["seq"] for m in json.loads(out)]
    assert code == 0 and len(waiting) == 4
    code, out = _run(capsys, "--db", db, "measure", "claim", f"#{waiting[0]}")
    assert code == 0 and "属于本单位" in out
    code, out = _run(capsys, "--db", db, "measure", "disclaim", f"#{waiting[1]}")
    assert code == 0 and "不属于本单位" in out
    code, out = _run(capsys, "--db", db, "measures", "--unconfirmed", "--json")
    assert [m["seq"] for m in json.loads(out)] == waiting[2:]
    code, out = _run(capsys, "--db", db, "measure", "claim", "1")
    assert code != 0 and "无需确认" in out
    code, out = _run(capsys, "--db", db, "measures", "--unit", "自治区发展改革委")
    assert "已确认属于本单位" in out and "已确认不属于本单位" in out
