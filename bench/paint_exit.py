"""Start the bare window or the app and end the process the moment it has painted, for counting instructions.

`python bench/paint_exit.py bare|app`: the quit each one does after its first paint becomes `os._exit`, so
what callgrind counts stops at the paint (the app's close would otherwise open the database to save the
clerk's place). The app is watched from outside, as in the wall-clock benchmark (bench/start_app.py).
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path


def _exit() -> None:
    sys.stdout.flush()
    os._exit(0)


def main(which: str) -> None:
    """Run `which` ("bare" or "app") until its first paint."""
    if which == "bare":
        from PySide6.QtWidgets import QApplication

        QApplication.quit = _exit  # type: ignore[method-assign,assignment]  # bare_window quits through it
        runpy.run_path(str(Path(__file__).with_name("bare_window.py")), run_name="__main__")
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from bench.start_app import run

        run("window", [], _exit)


if __name__ == "__main__":
    main(sys.argv[1])
