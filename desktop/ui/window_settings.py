"""The window's own settings (geometry, splitters, text size, folders), kept beside the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def ui_settings(db_path: Path) -> QSettings:
    """Return the settings file of the window that opens `db_path` (luoshi-ui.ini in the same folder)."""
    return QSettings(str(db_path.parent / "luoshi-ui.ini"), QSettings.Format.IniFormat)
