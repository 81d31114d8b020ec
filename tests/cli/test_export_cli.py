"""`luoshi export` says what it does: options from the command line and the unit's settings only."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.cli import main
from tests.conftest import SAMPLE


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "l.db")
    assert _run(capsys, "--db", path, "import", str(SAMPLE))[0] == 0
    assert _run(capsys, "--db", path, "profile", "set", "--unit", "自治区发展改革委")[0] == 0
    return path


def test_an_earlier_export_leaves_no_options_behind(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "一.docx", tmp_path / "二.docx"
    base = ["--db", db, "export", "report", "--period", "2026Q1"]
    assert _run(capsys, *base, "--out", str(first), "--to", "自治区人民政府办公厅")[0] == 0
    assert "自治区人民政府办公厅：" in _text(first)
    assert _run(capsys, *base, "--out", str(second))[0] == 0
    assert "自治区人民政府办公厅" not in _text(second)


def test_the_units_report_settings_are_set_once_and_shown(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(
        capsys,
        "--db",
        db,
        "profile",
        "set",
        "--organ",
        "内蒙古自治区发展和改革委员会",
        "--to",
        "自治区人民政府",
    )
    assert (
        code == 0 and "报告发文机关署名：内蒙古自治区发展和改革委员会" in out and "签发人：（未设置）" in out
    )
    report = tmp_path / "报告.docx"
    assert _run(capsys, "--db", db, "export", "report", "--period", "2026Q1", "--out", str(report))[0] == 0
    text = _text(report)
    assert "自治区人民政府：" in text and "内蒙古自治区发展和改革委员会" in text
    code, out = _run(capsys, "--db", db, "profile", "show")
    assert "主送机关：自治区人民政府" in out


@pytest.mark.parametrize(
    ("kind", "name", "wanted"), [("report", "x.xlsx", ".docx"), ("ledger", "x.docx", ".xlsx")]
)
def test_a_wrong_extension_is_refused_in_chinese(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, name: str, wanted: str
) -> None:
    out = tmp_path / name
    code, said = _run(capsys, "--db", db, "export", kind, "--period", "2026Q1", "--out", str(out))
    assert code == 2 and f"扩展名应为 {wanted}" in said and not out.exists()


def test_categories_can_be_set_alone(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, "--db", db, "profile", "set", "--category", "行业主管部门")
    assert code == 0 and "本单位：自治区发展改革委；所属类别：行业主管部门" in out
    bare = str(tmp_path / "bare.db")
    assert _run(capsys, "--db", bare, "import", str(SAMPLE))[0] == 0
    code, out = _run(capsys, "--db", bare, "profile", "set", "--category", "行业主管部门")
    assert code == 2 and "尚未设置本单位" in out
