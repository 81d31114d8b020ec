"""Child process of the start-up tests: start the app its real way (bench/start_app.py) and watch it.

`python -m tests.ui.paint_probe modules [args]`: print, as JSON, the modules loaded at the window's first
paint, then quit. `python -m tests.ui.paint_probe started --db DB`: quit once the desk has painted and the
start has been logged (the day's backup runs then), the way a clerk would close the window.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from bench.start_app import run
from desktop.app import application


def _report_modules() -> None:
    loaded = sorted(m for m in sys.modules if m.startswith(("desktop.", "sqlite", "docx", "openpyxl")))
    sys.stdout.write(json.dumps({"modules": loaded}) + "\n")
    sys.stdout.flush()
    QApplication.quit()


def _quit_once_logged(log: Path) -> None:
    if log.exists() and "started on" in log.read_text(encoding="utf-8"):
        QApplication.quit()
    else:
        QTimer.singleShot(50, lambda: _quit_once_logged(log))


class _CancelDialogs(QObject):
    """Closes every dialog as it appears, as a clerk who presses 取消 (the first start's set-up)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            QTimer.singleShot(0, watched.reject)
        return False


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "modules":
        raise SystemExit(run("window", args, _report_modules))
    db = Path(args[args.index("--db") + 1])
    cancel = _CancelDialogs()
    application().installEventFilter(cancel)
    raise SystemExit(run("desk", args, lambda: _quit_once_logged(db.parent / "logs" / "luoshi.log")))
