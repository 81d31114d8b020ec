"""Smoke test of the PyInstaller bundle (`make bundle`, then `make test-bundle`); skipped when none is built."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from tests.conftest import ROOT
from tests.helpers import convert, sample_paragraphs, scan_pdf, write_gongwen_docx

EXE = ROOT / "dist" / "luoshi" / ("luoshi.exe" if sys.platform == "win32" else "luoshi")
pytestmark = [
    pytest.mark.slow,  # starts the bundled program: `make test-bundle` runs it
    pytest.mark.skipif(not EXE.exists(), reason="no bundle built: run `make bundle` first"),
]


def run_bundle(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the bundled program `exe` with `args` and wait for it."""
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_bundle(EXE, *args, env=env, cwd=cwd)


def open_window_until_started(exe: Path, db: str, *, env: dict[str, str], cwd: Path) -> None:
    """Start the bundled window and wait for its log line: written once the filled desk has painted."""
    log = Path(db).parent / "logs" / "luoshi.log"
    window = subprocess.Popen([str(exe), "--db", db], env=env, cwd=cwd)
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
    open_window_until_started(EXE, db, env=env, cwd=tmp_path)
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


def _bundle_needs() -> Any:
    spec = importlib.util.spec_from_file_location("bundle_needs", ROOT / "build" / "bundle_needs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform != "linux", reason="glibc and ELF are Linux's")
def test_no_file_of_the_bundle_needs_a_newer_glibc_than_the_readme_states() -> None:
    """The floor is LUOSHI_GLIBC_TARGET (2.28 for the 信创 build) or else this build machine's glibc, and
    it must be a floor the README's table of supported systems names."""
    needs = _bundle_needs()
    rows = needs.report(needs.scan(EXE.parent))
    highest, path = rows[0]
    shown = ".".join(map(str, highest))
    print(f"\nGLIBC report: {len(rows)} ELF files in dist/luoshi need at most GLIBC_{shown}")
    for version, needy in rows[:5]:
        print(f"  GLIBC_{'.'.join(map(str, version))}  {needy.relative_to(EXE.parent)}")
    floor = os.environ.get("LUOSHI_GLIBC_TARGET") or os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # type: ignore[union-attr]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = set(re.findall(r"\|\s*glibc\s*(2\.\d+)\s*\|", readme))
    assert floor in stated, f"the README's table names no build for glibc {floor} (it names {sorted(stated)})"
    assert highest <= needs.parse(floor), f"{path} needs GLIBC_{shown}, above the stated {floor}"


@pytest.mark.skipif(sys.platform != "linux", reason="ELF is Linux's")
def test_every_library_the_bundle_loads_is_in_it_or_on_the_system() -> None:
    """Nothing build/luoshi.spec dropped from Qt is still needed, and the OCR add-on's libraries are whole."""
    needs = _bundle_needs()
    assert needs.unmet(EXE.parent, needs.scan(EXE.parent)) == {}


def test_the_bundle_reads_a_scan_with_its_ocr_add_on_and_says_so_without_it(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE

    fonts = ROOT / "resources" / "fonts" / "fonts.conf"
    os.environ["FONTCONFIG_FILE"] = str(fonts)  # the 公文 fonts mapped to free faces for LibreOffice
    try:
        pdf = convert(write_gongwen_docx(sample_paragraphs(SAMPLE), tmp_path / "原件.docx"), tmp_path, "pdf")
    finally:
        del os.environ["FONTCONFIG_FILE"]
    scan = scan_pdf(pdf, tmp_path / "扫描件.pdf", pages=2)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    parsed = _run("cli", "parse", str(scan), env=env, cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr
    assert "自治区商务厅" in parsed.stdout and "第 2 页，共 2 页" in parsed.stdout + parsed.stderr
    addon, aside = EXE.parent / "ocr", EXE.parent / "ocr-aside"
    addon.rename(aside)
    try:
        refused = _run("cli", "parse", str(scan), env=env, cwd=tmp_path)
    finally:
        aside.rename(addon)
    assert refused.returncode != 0 and "文字识别（OCR）组件" in refused.stdout + refused.stderr
