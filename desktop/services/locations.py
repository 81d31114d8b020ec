"""Where things live: the database file, the data folder, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Luoshi"
DB_ENV = "LUOSHI_DB"


def data_dir() -> Path:
    """Return the user's data folder for Luoshi (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the database path: `explicit`, else $LUOSHI_DB, else luoshi.db in the data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return data_dir() / "luoshi.db"


def resource_path(*parts: str) -> Path:
    """Return a bundled resource, in a checkout or inside the PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root.joinpath("resources", *parts)


def sample_plan_path() -> Path:
    """Return the bundled sample plan (内政发〔2026〕4号)."""
    return resource_path("samples", "neimenggu_2026_yingshang_huanjing.txt")
