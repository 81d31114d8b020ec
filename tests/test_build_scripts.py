"""`make run`, `make bundle` and `make test` stop early, saying what to do, on a python3 older than 3.11 and
on Linux ARM64 below glibc 2.31 (build/check-python.sh, build/check-platform.sh)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import ROOT

# A stand-in interpreter that answers as the Python 3.8 of UOS 20 / Kylin V10 does to the script's probes.
OLD_PYTHON = """#!/bin/sh
case "$2" in
  *sys.exit*) exit 1 ;;
  *print*) echo 3.8 ;;
esac
"""


def _interpreter(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return path


def _check_python(python: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", str(ROOT / "build" / "check-python.sh"), python],
        capture_output=True,
        text=True,
        env={"PATH": str(path)},
        check=False,
    )


def test_an_old_python3_stops_with_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _interpreter(bin_dir, "python3", OLD_PYTHON)
    done = _check_python("python3", bin_dir)
    assert done.returncode == 1
    assert "Python 3.8" in done.stderr and "Python 3.11" in done.stderr and "python3.11-venv" in done.stderr


def test_an_old_python3_beside_a_new_one_names_the_new_one(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _interpreter(bin_dir, "python3", OLD_PYTHON)
    _interpreter(bin_dir, "python3.11", "#!/bin/sh\nexit 0\n")
    done = _check_python("python3", bin_dir)
    assert done.returncode == 1 and "PYTHON=python3.11" in done.stderr


def test_a_new_enough_python_passes(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _interpreter(bin_dir, "python3", "#!/bin/sh\nexit 0\n")
    done = _check_python("python3", bin_dir)
    assert (done.returncode, done.stderr) == (0, "")


def _check_platform(machine: str, glibc: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LUOSHI_MACHINE": machine, "LUOSHI_GLIBC": glibc}
    script = str(ROOT / "build" / "check-platform.sh")
    return subprocess.run(["/bin/sh", script], capture_output=True, text=True, env=env, check=False)


def test_arm64_below_glibc_2_31_stops_saying_why() -> None:
    refused = _check_platform("aarch64", "2.28")
    assert refused.returncode == 1 and "2.31" in refused.stderr and "PySide6" in refused.stderr
    assert _check_platform("aarch64", "2.31").returncode == 0
    assert _check_platform("x86_64", "2.28").returncode == 0
    assert _check_platform("aarch64", "2.36").returncode == 0
