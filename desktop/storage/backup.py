"""Copies of the database file made with SQLite's online backup, and the quick integrity check."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


def copy_database(source: sqlite3.Connection | Path, target: Path) -> None:
    """Write a consistent copy of a database (open connection or closed file) to `target`.

    The copy is written beside the target and renamed into place, so a half-written backup never
    carries a backup's name.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    opened = sqlite3.connect(str(source)) if isinstance(source, Path) else None
    try:
        dest = sqlite3.connect(str(partial))
        try:
            (opened or source).backup(dest)  # type: ignore[union-attr]
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        if opened is not None:
            opened.close()
    partial.replace(target)


def is_healthy(path: Path) -> bool:
    """Return True when the file is an SQLite database that passes `PRAGMA quick_check`."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return False
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


FOLDER = "backups"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9_]+)\.db$")


@dataclass(frozen=True)
class BackupFile:
    """A backup in the folder beside the database: when it was taken and why."""

    path: Path
    taken: datetime
    reason: str


def folder_for(db_path: Path) -> Path:
    """Return the backup folder of a database (beside it)."""
    return db_path.parent / FOLDER


def path_for(db_path: Path, taken: datetime, reason: str) -> Path:
    """Return the file name a backup taken now for `reason` gets."""
    return folder_for(db_path) / f"{db_path.stem}-{taken:%Y%m%d-%H%M%S}-{reason}.db"


def list_files(db_path: Path) -> list[BackupFile]:
    """Return the database's backups, newest first."""
    found = []
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match.group("stem") == db_path.stem:
            taken = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, match.group("reason")))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)
