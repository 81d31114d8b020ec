"""The coordinating office's commands over a real database: plan diff/versions, task lists, returns, board."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.reporting.ledger import FIRST_DATA_ROW, SHEET
from tests.province import UNITS, plan_text, province


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_plan_diff_names_the_planted_changes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    generated = province()
    (tmp_path / "v1.txt").write_text(plan_text(generated.old), encoding="utf-8")
    (tmp_path / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
    code, out, _ = _run(capsys, "plan", "diff", str(tmp_path / "v1.txt"), str(tmp_path / "v2.txt"), "--json")
    data = json.loads(out)
    assert code == 0
    assert len(data["added"]) == 5 and len(data["removed"]) == 3 and len(data["changed"]) == 16
    code, out, _ = _run(capsys, "plan", "diff", str(tmp_path / "v1.txt"), str(tmp_path / "v2.txt"))
    old_number = {m.key: n for n, m in enumerate(generated.old, start=1)}
    changed = generated.reworded | generated.units_changed
    moved = sum(
        1
        for n, m in enumerate(generated.new, start=1)
        if m.key in old_number and m.key not in changed and old_number[m.key] != n
    )
    assert out.splitlines()[0] == f"新增 5 项，修改 16 项，删除 3 项，仅序号调整 {moved} 项。"
    assert "[-" in out and "{+" in out  # reworded text marked


def test_versions_tasklist_returns_board_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    generated = province()
    db = str(tmp_path / "office.db")
    (tmp_path / "v1.txt").write_text(plan_text(generated.old), encoding="utf-8")
    (tmp_path / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
    assert _run(capsys, "--db", db, "import", str(tmp_path / "v1.txt"))[0] == 0
    code, out, _ = _run(capsys, "--db", db, "import", str(tmp_path / "v2.txt"))
    assert code == 0 and "第 2 版" in out
    code, out, _ = _run(capsys, "--db", db, "plan", "versions", "--show", "1")
    assert "第 1 版" in out and "（当前版本）" in out and out.count("\n    ") == 120

    unit = UNITS[0]
    tasklist = tmp_path / "清单.xlsx"
    code, out, _ = _run(capsys, "--db", db, "export", "tasklist", "--unit", unit, "--out", str(tasklist))
    assert code == 0 and tasklist.exists()
    unit_db = str(tmp_path / "unit.db")
    assert _run(capsys, "--db", unit_db, "import", str(tasklist))[0] == 0
    assert _run(capsys, "--db", unit_db, "profile", "set", "--unit", unit)[0] == 0
    code, out, _ = _run(capsys, "--db", unit_db, "measures", "--json")
    first = json.loads(out)[0]["seq"]
    note = ["note", "set", "--measure", str(first), "--period", "2026Q1", "--progress", "已召开推进会。"]
    assert _run(capsys, "--db", unit_db, *note)[0] == 0
    ledger = tmp_path / "回执.xlsx"
    assert (
        _run(capsys, "--db", unit_db, "export", "ledger", "--period", "2026Q1", "--out", str(ledger))[0] == 0
    )

    code, out, err = _run(capsys, "--db", db, "import-returns", str(ledger), "--period", "2026Q1")
    assert code == 0 and unit in out and not err
    code, out, err = _run(capsys, "--db", db, "import-returns", str(ledger), "--period", "2026Q1")
    assert code == 2 and "已报送过一次" in err
    code, out, err = _run(capsys, "--db", db, "import-returns", str(ledger), "--period", "2026Q2")
    assert code == 2 and "不一致" in err
    book = openpyxl.load_workbook(ledger)
    book[SHEET].cell(FIRST_DATA_ROW, 6).value = "改过的进展。"
    book.save(ledger)
    code, out, _ = _run(capsys, "--db", db, "import-returns", str(ledger), "--period", "2026Q1", "--replace")
    assert code == 0 and "替换" in out

    notice = tmp_path / "催报.txt"
    code, out, _ = _run(
        capsys, "--db", db, "board", "--period", "2026Q1", "--json", "--reminder", str(notice)
    )
    data = json.loads(out)
    assert data["reported"] == [unit] and len(data["missing"]) == 39
    assert notice.read_text(encoding="utf-8-sig").startswith("催报名单（2026年第一季度）")
    report = tmp_path / "汇总.docx"
    code, out, _ = _run(
        capsys, "--db", db, "export", "summary", "--period", "2026Q1", "--out", str(report),
        "--ledger-out", str(tmp_path / "汇总.xlsx"),
    )  # fmt: skip
    assert code == 0 and report.exists() and (tmp_path / "汇总.xlsx").exists()
    # the same options as `export report`: 版头 with its 发文字号 and 签发人, 主送, 署名, 抄送
    code, out, _ = _run(
        capsys, "--db", db, "export", "summary", "--period", "2026Q1", "--out", str(report), "--header", "--footer",
        "--number", "内发改报〔2026〕9号", "--signer", "李四", "--to", "自治区人民政府", "--organ", "自治区营商办",
        "--copy-to", "自治区督查室",
    )  # fmt: skip
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert code == 0, out
    for given in ("内发改报〔2026〕9号", "李四", "自治区人民政府：", "自治区营商办", "自治区督查室"):
        assert given in text, given
    code, out, err = _run(
        capsys, "--db", db, "export", "summary", "--period", "2026Q1", "--out", str(report), "--header"
    )
    assert code == 2 and "加版头需要发文字号" in out + err
    code, out, err = _run(capsys, "--db", db, "export", "summary", "--out", str(report))
    assert code == 2 and "报送周期" in err
