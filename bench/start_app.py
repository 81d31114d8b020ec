"""Start the app its real way and quit once it has painted: the bench's (and the start-up test's) entry.

`python bench/start_app.py window|desk [app arguments]` prints `painted <wall clock>` at the first paint of
the main window ("window": the frame, before the database opens) or at its first paint with the desk
inside ("desk": the filled worklist), then quits. It watches from outside: an event filter on the
application, installed before `desktop.app.main` runs; the app itself has no benchmark hook.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop import app as luoshi


def painted_quit() -> None:
    """Print when the window painted and quit the event loop."""
    sys.stdout.write(f"painted {time.time():.6f}\n")
    sys.stdout.flush()
    QApplication.quit()


class FirstPaint(QObject):
    """Calls `then` once, at the first paint of a main window (with the desk inside when `desk`)."""

    def __init__(self, then: Callable[[], object], *, desk: bool) -> None:
        super().__init__()
        self._then: Callable[[], object] | None = then
        self._desk = desk

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow) and self._then is not None:
            central = watched.centralWidget()
            if not self._desk or (central is not None and central.objectName() == "desk"):
                then, self._then = self._then, None
                QTimer.singleShot(0, then)
        return False


def run(which: str, args: list[str], then: Callable[[], object] = painted_quit) -> int:
    """Run the app with `args`, calling `then` at the paint `which` names."""
    app = luoshi.application()  # main() reuses it, so the filter sees its first event
    watcher = FirstPaint(then, desk=which == "desk")
    app.installEventFilter(watcher)
    return luoshi.main(args)


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1], sys.argv[2:]))
