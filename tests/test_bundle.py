"""Smoke test of the PyInstaller bundle (`make bundle`, then `make test-bundle`); skipped when none is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT

EXE = ROOT / "dist" / "luoshi" / ("luoshi.exe" if sys.platform == "win32" else "luoshi")
pytestmark = pytest.mark.skipif(not EXE.exists(), reason="no bundle built: run `make bundle` first")


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_bundle_opens_the_sample_and_writes_a_report_and_a_ledger(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LUOSHI_EXIT_AFTER_PAINT": "loaded"}
    db = str(tmp_path / "luoshi.db")
    window = _run("--db", db, env=env, cwd=tmp_path)
    assert window.returncode == 0 and "painted" in window.stdout, window.stderr
    listed = _run("cli", "--db", db, "measures", env=env, cwd=tmp_path)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 34  # the bundled sample plan
    for args in (
        ("profile", "set", "--unit", "自治区发展改革委"),
        ("note", "set", "--measure", "2", "--period", "2026Q1", "--progress", "已召开推进会。"),
        ("export", "report", "--period", "2026Q1", "--out", str(tmp_path / "报告.docx")),
        ("export", "ledger", "--period", "2026Q1", "--out", str(tmp_path / "台账.xlsx")),
    ):
        done = _run("cli", "--db", db, *args, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "报告.docx")).paragraphs)
    assert "已召开推进会。" in text
    assert openpyxl.load_workbook(tmp_path / "台账.xlsx").sheetnames[0] == "工作台账"
    check = _run("cli", "check", str(tmp_path / "报告.docx"), env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stdout
