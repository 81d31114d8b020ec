"""The .deb (`make deb`, run by `make test-bundle`): installed with dpkg -i, started offscreen from the menu
entry's command, removed with dpkg -r; the clerk's data folder is the same before and after. Skipped when
no .deb is built or when not root (dpkg needs it; CI runs as root)."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_bundle import open_window_until_started, run_bundle

DEBS = sorted((ROOT / "dist").glob("luoshi_*.deb"))
pytestmark = [
    pytest.mark.slow,  # installs a package and starts it: `make test-bundle` runs it
    pytest.mark.skipif(not DEBS, reason="no .deb built: run `make deb` first"),
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="dpkg -i needs root"),
]
INSTALLED = Path("/opt/luoshi/luoshi")
ENTRY = Path("/usr/share/applications/luoshi.desktop")


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=600)


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_deb_installs_under_opt_starts_and_removes_leaving_the_clerk_s_data(tmp_path: Path) -> None:
    assert not INSTALLED.exists(), "luoshi is already installed on this machine: remove it first"
    home = tmp_path / "家"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    installed = _dpkg("-i", str(DEBS[-1]))
    assert installed.returncode == 0, installed.stderr
    try:
        entry = ENTRY.read_text(encoding="utf-8")
        assert "Name[zh_CN]=落实" in entry and "Categories=Office;" in entry
        assert f"Exec={INSTALLED}" in entry and "Icon=luoshi" in entry
        assert Path("/usr/share/icons/hicolor/256x256/apps/luoshi.png").is_file()
        exe = Path("/usr/bin/luoshi")  # on the PATH, a link to /opt/luoshi/luoshi
        assert exe.resolve() == INSTALLED
        unit = run_bundle(exe, "cli", "profile", "set", "--unit", "自治区发展改革委", env=env, cwd=tmp_path)
        assert unit.returncode == 0, unit.stderr
        data = home / ".local" / "share" / "Luoshi"
        assert (data / "luoshi.db").is_file()  # the clerk's data folder, found as the window would
        open_window_until_started(exe, str(data / "luoshi.db"), env=env, cwd=tmp_path)
        note = ("cli", "note", "set", "--measure", "2", "--period", "2026Q1", "--progress", "已召开推进会。")
        assert run_bundle(exe, *note, env=env, cwd=tmp_path).returncode == 0
        before = _digest(data)
    finally:
        removed = _dpkg("-r", "luoshi")
    assert removed.returncode == 0, removed.stderr
    assert not INSTALLED.exists() and not ENTRY.exists() and not Path("/usr/bin/luoshi").exists()
    assert _digest(data) == before and "luoshi.db" in before
