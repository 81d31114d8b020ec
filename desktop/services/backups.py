"""Backups: taken on start (once a day), before every import, revision and merge of returns; thinned; restorable.

A damaged database is never silently replaced: it is set aside under a new name, and the newest backup
that passes the integrity check is offered.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.backups import to_keep
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.services.workspace import Workspace
from desktop.storage import backup as store
from desktop.storage.backup import BackupFile as BackupFile

SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True)
class Health:
    """What the start-up check found: the file is fine, or it was set aside and a backup can be offered."""

    ok: bool
    set_aside: Path | None = None
    offer: BackupFile | None = None


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def make_backup(ws: Workspace, reason: str, *, now: datetime | None = None) -> BackupFile | None:
    """Copy the open database into the backup folder and thin the folder; None when there is no file yet."""
    if not ws.path.exists():
        return None
    taken = now or _now()
    target = store.path_for(ws.path, taken, reason)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        store.copy_database(ws.db.conn, target)
    except OSError as exc:
        raise LuoshiError(ErrorCode.EXPORT_FAILED, path=str(target), reason=_reason(exc)) from None
    thin(ws.path, now=taken)
    return BackupFile(target, taken, reason)


def _reason(exc: OSError) -> str:
    return "full" if exc.errno == 28 else "denied" if exc.errno in (1, 13, 30) else "io"


def daily_backup(ws: Workspace, *, now: datetime | None = None) -> BackupFile | None:
    """Take the start-up backup unless one was already taken today."""
    taken = now or _now()
    if any(b.reason == "start" and b.taken.date() == taken.date() for b in store.list_files(ws.path)):
        return None
    return make_backup(ws, "start", now=taken)


def list_backups(db_path: Path) -> list[BackupFile]:
    """Return the database's backups, newest first."""
    return store.list_files(db_path)


def thin(db_path: Path, *, now: datetime) -> list[Path]:
    """Delete the backups the keeping rule no longer needs; return them."""
    files = store.list_files(db_path)
    keep = to_keep([b.taken for b in files], now)
    dropped = []
    for b in files:
        if b.taken not in keep:
            b.path.unlink(missing_ok=True)
            dropped.append(b.path)
    return dropped


def _set_aside(db_path: Path, label: str, now: datetime) -> Path:
    """Move the database file (and its WAL files) out of the way under a dated name; return the new name."""
    aside = db_path.with_name(f"{db_path.name}.{label}-{now:%Y%m%d-%H%M%S}")
    os.replace(db_path, aside)
    for suffix in SIDECARS:
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    return aside


def check_on_start(db_path: Path, *, now: datetime | None = None) -> Health:
    """Check the database before opening it; a damaged file is set aside and the newest good backup offered."""
    if not db_path.exists() or store.is_healthy(db_path):
        return Health(ok=True)
    taken = now or _now()
    aside = _set_aside(db_path, "damaged", taken)
    offer = next((b for b in store.list_files(db_path) if store.is_healthy(b.path)), None)
    return Health(ok=False, set_aside=aside, offer=offer)


def restore(db_path: Path, chosen: BackupFile, *, now: datetime | None = None) -> Path | None:
    """Put a backup in place of the (closed) database; the file it replaces is kept as a backup first.

    Returns where the replaced file went (None when there was none).
    """
    if not store.is_healthy(chosen.path):
        raise LuoshiError(ErrorCode.DB_ERROR, path=str(chosen.path), kind="corrupt")
    taken = now or _now()
    kept = None
    partial = db_path.with_name(db_path.name + ".restoring")
    try:
        shutil.copyfile(chosen.path, partial)  # first: a full disk fails here, with the database untouched
        if db_path.exists():
            if store.is_healthy(db_path):
                kept = store.path_for(db_path, taken, "before_restore")
                kept.parent.mkdir(parents=True, exist_ok=True)
                store.copy_database(db_path, kept)
            else:
                kept = _set_aside(db_path, "damaged", taken)
        for suffix in SIDECARS:
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(partial, db_path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise LuoshiError(ErrorCode.EXPORT_FAILED, path=str(db_path), reason=_reason(exc)) from None
    return kept
