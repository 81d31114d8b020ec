"""Child process of the start-up test: start the app its real way and report what had loaded at first paint."""

from __future__ import annotations

import json
import sys

import PySide6.QtCore as QtCore
import PySide6.QtWidgets as QtWidgets

from desktop import app as app_module

_quit = app_module._painted_quit


def _report() -> None:
    loaded = {
        "qt_namespace": "Qt" in vars(QtCore),
        "dialog_types": sorted(
            n for n in ("QMessageBox", "QFileDialog", "QInputDialog") if n in vars(QtWidgets)
        ),
        "modules": sorted(m for m in sys.modules if m.startswith(("desktop.", "sqlite"))),
    }
    sys.stdout.write(json.dumps(loaded) + "\n")
    _quit()


if __name__ == "__main__":
    app_module._painted_quit = _report  # main() looks the name up when the window is built
    raise SystemExit(app_module.main(sys.argv[1:]))
