"""The `luoshi` command line over a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import plans
from desktop.services.fonts import missing_fonts
from desktop.services.workspace import Workspace


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_parse_json_shape(sample_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = _run(capsys, "--db", str(tmp_path / "never.db"), "parse", str(sample_path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案"
    assert data["doc_number"] == "内政发〔2026〕4号" and data["issued_on"] == "2026-02-04"
    assert len(data["measures"]) == 34
    first = data["measures"][0]
    assert {"seq", "label", "chapter", "text", "units", "deadline"} <= first.keys()
    assert first["units"] == [{"name": "自治区商务厅", "role": "lead", "wildcard": False, "category": None}]
    assert first["chapter"] == "市场化营商环境建设" and first["deadline"] is None
    assert not (tmp_path / "never.db").exists()  # parse never touches a database


def test_parse_json_is_utf8_in_a_subprocess(sample_path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli.run", "parse", str(sample_path), "--json"],
        capture_output=True,
        check=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"},
    )
    assert json.loads(result.stdout.decode("utf-8"))["measures"][12]["text"].count("纠纷化解") == 1


def test_import_measures_units_profile(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "l.db")
    code, out = _run(capsys, "--db", db, "import", str(sample_path))
    assert code == 0 and "34 项措施" in out
    code, out = _run(capsys, "--db", db, "import", str(sample_path))
    assert code == 0 and "此前已导入" in out

    code, out = _run(capsys, "--db", db, "measures", "--unit", "自治区司法厅", "--json")
    mine = json.loads(out)
    assert [m["seq"] for m in mine] == [13, 15, 16, 18, 19]
    assert [m["assignment"]["role"] for m in mine] == ["support", "lead", "lead", "support", "support"]

    # 本单位 with the wildcard categories it belongs to: wildcard measures are included, marked to confirm.
    code, out = _run(
        capsys, "--db", db, "profile", "set", "--unit", "自治区司法厅", "--category", "行政执法部门"
    )
    assert code == 0 and "自治区司法厅" in out and "行政执法部门" in out
    code, out = _run(capsys, "--db", db, "measures", "--unit", "自治区司法厅", "--json")
    mine = json.loads(out)
    assert [m["seq"] for m in mine] == [13, 14, 15, 16, 18, 19]
    assert mine[1]["assignment"] == {
        "role": "lead",
        "via_wildcard": True,
        "unit": "自治区各行政执法部门",
        "claim": None,
    }

    code, out = _run(capsys, "--db", db, "units", "--json")
    units = {u["name"]: u for u in json.loads(out)}
    assert units["自治区发展改革委"]["lead_count"] == 9
    assert units["自治区发展改革委"]["support_count"] == 4
    assert units["各行业主管部门"]["wildcard"] and units["各行业主管部门"]["category"] == "行业主管部门"


def test_alias_merge(sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "l.db")
    main(["--db", db, "import", str(sample_path)])
    code, out = _run(capsys, "--db", db, "units", "merge", "发展改革委", "--into", "自治区发展改革委")
    assert code == 0 and "别名" in out
    code, out = _run(capsys, "--db", db, "measures", "--unit", "发展改革委", "--json")
    assert len(json.loads(out)) == 13
    assert main(["--db", db, "units", "merge", "甲", "--into", "不存在的单位"]) == 2
    assert "单位目录中没有" in capsys.readouterr().err


def test_env_database(
    sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUOSHI_DB", str(tmp_path / "env.db"))
    assert main(["import", str(sample_path)]) == 0
    assert (tmp_path / "env.db").exists()


def test_same_file_twice_leaves_database_bytes_unchanged(sample_path: Path, tmp_path: Path) -> None:
    import hashlib

    db = tmp_path / "l.db"
    assert main(["--db", str(db), "import", str(sample_path)]) == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["--db", str(db), "import", str(sample_path)]) == 0
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_note_set_show_periods_search(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_path: Path
) -> None:
    db = str(tmp_path / "n.db")
    assert _run(capsys, "--db", db, "import", str(sample_path))[0] == 0
    code, out = _run(capsys, "--db", db, "profile", "set", "--unit", "自治区商务厅", "--rhythm", "month")
    assert code == 0 and "月报" in out
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026-03",
        "--progress", "清理文件12件", "--next", "开展回头看", "--status", "推进中", "--percent", "40",
    )  # fmt: skip
    assert code == 0 and "2026年3月" in out
    code, out = _run(
        capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026-04", "--progress", "开展回头看"
    )
    assert "照抄上期" in out
    code, out = _run(capsys, "--db", db, "note", "show", "--measure", "1", "--period", "2026-03", "--json")
    data = json.loads(out)
    assert data["progress"] == "清理文件12件" and data["status"] == "in_progress" and data["percent"] == 40
    assert data["unit"] == "自治区商务厅" and data["revisions"] == 1
    # a partial set keeps the other fields
    _run(capsys, "--db", db, "note", "set", "--measure", "1", "--period", "2026-03", "--problems", "经费不足")
    data = json.loads(
        _run(capsys, "--db", db, "note", "show", "--measure", "1", "--period", "2026-03", "--json")[1]
    )
    assert data["progress"] == "清理文件12件" and data["problems"] == "经费不足"
    code, out = _run(capsys, "--db", db, "periods", "--json")
    rows = json.loads(out)
    march = next(r for r in rows if r["code"] == "2026-03")
    assert march["filled"] == 1 and march["due"] == "2026-04-05" and sum(r["current"] for r in rows) == 1
    code, out = _run(capsys, "--db", db, "search", "回头看")
    assert code == 0 and out.startswith("1. ")
    code, out = _run(capsys, "--db", db, "search", "没有这个")
    assert "没有找到" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "99", "--period", "2026Q1"], "找不到措施"),
        (["--measure", "1", "--period", "2026Q5"], "不是报送周期"),
        (["--measure", "1", "--period", "2026Q1", "--status", "很好"], "不是完成状态"),
    ],
)
def test_note_set_refuses_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sample_path: Path, args: list[str], message: str
) -> None:
    db = str(tmp_path / "n.db")
    _run(capsys, "--db", db, "import", str(sample_path))
    assert main(["--db", db, "note", "set", *args]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_export_and_check(sample_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    assert _run(capsys, "--db", db, "import", str(sample_path))[0] == 0
    assert _run(capsys, "--db", db, "profile", "set", "--unit", "自治区发展改革委")[0] == 0
    _run(
        capsys,
        "--db",
        db,
        "note",
        "set",
        "--measure",
        "2",
        "--period",
        "2026Q1",
        "--progress",
        "=1+1 推介项目56个",
    )
    report, ledger = tmp_path / "报告.docx", tmp_path / "台账.xlsx"
    code, out = _run(
        capsys, "--db", db, "export", "report", "--period", "2026Q1", "--out", str(report), "--scope", "lead",
        "--header", "--footer", "--to", "自治区人民政府", "--signer", "张三", "--number", "内发改报〔2026〕3号",
        "--date", "2026-04-03",
    )  # fmt: skip
    assert code == 0 and "已生成报告" in out and report.exists()
    assert all(gap.text() in out for gap in missing_fonts())  # each font this PC lacks, and what shows
    code, out = _run(
        capsys, "--db", db, "export", "ledger", "--period", "2026Q1", "--out", str(ledger), "--pdf"
    )
    assert code == 0 and "13 行" in out  # no category given: wildcard measures are not counted
    assert "已生成 PDF 副本" in out and ledger.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    code, out = _run(capsys, "check", str(report), "--no-render")
    assert code == 0 and "格式检查通过" in out
    code, out = _run(capsys, "check", str(report), "--json", "--no-render")
    assert json.loads(out)["passed"] is True and json.loads(out)["findings"] == []


def test_check_names_clauses_and_fixes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import docx

    typed = docx.Document()  # what a clerk gets from Word's blank template
    typed.add_paragraph("关于某事的报告")
    typed.add_paragraph("一、总体情况")
    typed.add_paragraph("二〇二六年三月五日")
    path = tmp_path / "手工.docx"
    typed.save(str(path))
    code, out = _run(capsys, "check", str(path), "--json", "--no-render")
    findings = json.loads(out)["findings"]
    assert code == 1
    clauses = {f["clause"] for f in findings}
    assert {"5.1", "5.2.1", "5.2.3", "5.2.2", "7.3.1", "7.3.3", "7.3.5.4", "7.5"} <= clauses
    assert all(f["fix"] for f in findings)
    not_docx = tmp_path / "台账.xlsx"
    not_docx.write_bytes(b"PK")
    code = main(["check", str(not_docx)])
    assert code == 2 and "不是 Word（.docx）文件" in capsys.readouterr().err


def test_a_non_plan_is_not_imported_without_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    poems = Path(__file__).parents[1] / "fixtures" / "nonplans" / "poems.txt"
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "import", str(sample_path_of()), "--yes"]) == 0
    code = main(["--db", str(db), "import", str(poems)])
    err = capsys.readouterr().err
    assert code == 4 and "不像实施方案" in err and "没有一项写明责任单位" in err
    with Workspace(db) as ws:
        assert [p.title for p in plans.list_plans(ws)] == [
            "内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案"
        ]
    assert main(["--db", str(db), "import", str(poems), "--yes"]) == 0
    assert "唐诗选读" in capsys.readouterr().out


def test_parse_warns_on_a_non_plan_and_still_prints(capsys: pytest.CaptureFixture[str]) -> None:
    poems = Path(__file__).parents[1] / "fixtures" / "nonplans" / "poems.txt"
    assert main(["parse", str(poems), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["names_no_unit"] is True
    assert "不像实施方案" in captured.err


def sample_path_of() -> Path:
    from tests.conftest import SAMPLE

    return SAMPLE


def test_columns_and_numbering_read_what_the_parser_could_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plans_dir = Path(__file__).parents[1] / "fixtures" / "plans"
    table, text = plans_dir / "unknown_headers.txt", plans_dir / "yishi_style.txt"
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "import", str(table)]) == 2
    assert "--columns" in capsys.readouterr().err  # the refusal says how to go on
    columns = "序号=1,任务=2,牵头单位=3,配合单位=4,完成时限=5"
    assert main(["parse", str(table), "--columns", columns, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["label"] for m in data["measures"]] == ["1", "2", "3", "4"]
    assert data["measures"][3]["units"][0]["name"] == "县民政局"
    assert main(["--db", db, "import", str(table), "--columns", columns, "--yes"]) == 0
    assert "4 项措施" in capsys.readouterr().out
    assert main(["--db", db, "import", str(text), "--numbering", "一是", "--yes"]) == 0
    assert "3 项措施" in capsys.readouterr().out
    assert main(["parse", str(table), "--columns", "任务=9"]) == 2
    assert "列号从 1 数到 5" in capsys.readouterr().err
