"""Child process of the SIGKILL test: open the window, type into a note, report, and wait to be killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop.app import acquire_lock, application
from desktop.services import units as unit_service
from desktop.ui.opening import open_workspace
from tests.ui.windows import desk_window


def main() -> None:
    db, text = Path(sys.argv[1]), sys.argv[2]
    app = application()
    lock = acquire_lock(db)
    assert lock is not None
    ws = open_workspace(db)
    if unit_service.get_profile(ws).unit is None:
        unit_service.set_profile(ws, unit="自治区发展改革委", categories=["行业主管部门"])
    frame, window = desk_window(ws)
    frame.show()

    def type_note() -> None:
        window.move_by(3)
        widget = window.detail.editor.texts["progress"]
        widget.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
        key = window.current_key()
        assert key is not None
        sys.stdout.write(f"TYPED {key.measure_id}\n")
        sys.stdout.flush()

    def type_one(count: list[int]) -> None:
        """Type one more character, as a clerk who never pauses (every 50 ms)."""
        if not count:
            window.move_by(3)
            window.detail.editor.texts["progress"].setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString(text[len(count) % len(text)])
        QApplication.sendEvent(window.detail.editor.texts["progress"], event)
        count.append(1)
        key = window.current_key()
        assert key is not None
        sys.stdout.write(f"TYPED {key.measure_id} {len(count)} {time.time():.3f}\n")
        sys.stdout.flush()

    if len(sys.argv) > 3 and sys.argv[3] == "continuous":
        typed: list[int] = []
        ticker = QTimer(interval=50)
        ticker.timeout.connect(lambda: type_one(typed))
        QTimer.singleShot(300, ticker.start)
    else:
        QTimer.singleShot(300, type_note)
    app.exec()


if __name__ == "__main__":
    main()
