"""The floor for the start-up benchmark: a bare PySide6 main window that quits after its first paint."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            sys.stdout.write(f"painted {time.time():.6f}\n")
            sys.stdout.flush()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("落实"))
    window.resize(1280, 700)
    watcher = _FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
