"""Smoke test of the PyInstaller bundle (`make bundle`, then `make test-bundle`); skipped when none is built."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.conftest import ROOT

EXE = ROOT / "dist" / "luoshi" / ("luoshi.exe" if sys.platform == "win32" else "luoshi")
pytestmark = pytest.mark.skipif(not EXE.exists(), reason="no bundle built: run `make bundle` first")


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def _open_window_until_started(db: str, *, env: dict[str, str], cwd: Path) -> None:
    """Start the bundled window and wait for its log line: written once the filled desk has painted."""
    log = Path(db).parent / "logs" / "luoshi.log"
    window = subprocess.Popen([str(EXE), "--db", db], env=env, cwd=cwd)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and window.poll() is None:
            if log.exists() and "started on" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert window.poll() is None, "the bundled window ended by itself"
        assert "started on" in log.read_text(encoding="utf-8")
    finally:
        window.terminate()
        window.wait(30)


def test_bundle_opens_the_sample_and_writes_a_report_and_a_ledger(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert list(EXE.parent.rglob("qtbase_zh_CN.qm")), "Qt's Chinese catalogue is bundled"
    db = str(tmp_path / "luoshi.db")
    unit = _run("cli", "--db", db, "profile", "set", "--unit", "自治区发展改革委", env=env, cwd=tmp_path)
    assert unit.returncode == 0, unit.stderr  # 本单位 known: the window opens without the set-up dialog
    _open_window_until_started(db, env=env, cwd=tmp_path)
    listed = _run("cli", "--db", db, "measures", env=env, cwd=tmp_path)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 34  # the bundled sample plan
    for args in (
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
