"""The program closes cleanly every time: ≥ 30 runs of the real window through long flows, exit code 0.

PySide6 6.12.0 returned `True` from every `Signal.emit()` without its reference: after a long session
Python freed `True` at exit ("Fatal Python error: bool_dealloc"). pyproject.toml keeps that release out;
`test_emit_keeps_the_reference_counts` catches a release with the same fault at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from desktop.cli import main as cli_main
from tests.conftest import ROOT, SAMPLE

RUNS = 30


class _Emitter(QObject):
    said = Signal(str)
    done = Signal(object, str, bool)


def test_emit_keeps_the_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    got: list[object] = []
    emitter.said.connect(got.append)
    emitter.done.connect(lambda *args: got.append(args))
    before = [sys.getrefcount(x) for x in (True, False, None)]
    for _ in range(200):
        emitter.said.emit("已保存")
        emitter.done.emit(None, "", False)
    got.clear()
    after = [sys.getrefcount(x) for x in (True, False, None)]
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]


@pytest.mark.slow
def test_the_window_exits_cleanly_after_long_flows(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    for n in range(5):  # five databases with the sample and 本单位 set, each opened six times: long use
        db = str(tmp_path / f"luoshi{n}.db")
        assert cli_main(["--db", db, "import", str(SAMPLE)]) == 0
        assert (
            cli_main(
                ["--db", db, "profile", "set", "--unit", "自治区发展改革委", "--category", "行业主管部门"]
            )
            == 0
        )
    codes = []
    for run in range(RUNS):
        out = tmp_path / f"run{run}"
        out.mkdir()
        db = tmp_path / f"luoshi{run % 5}.db"
        done = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", "tests.ui.exit_run", str(db), str(run), str(out)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        codes.append(done.returncode)
        assert done.returncode == 0, f"run {run}: exit {done.returncode}\n{done.stderr[-3000:]}"
        crash_log = db.parent / "logs" / "crash-native.log"
        assert not crash_log.exists() or not crash_log.read_text(encoding="utf-8").strip()
    assert codes == [0] * RUNS
