"""Read a plan file, and import it into the workspace as one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from desktop.storage.errors import translated


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one file did."""

    path: Path
    plan: Plan
    saved: plan_store.SavedVersion


def parse_file(*, path: Path) -> Plan:
    """Return the plan in `path` without touching any database."""
    from desktop.importers import read_plan  # the parsers load on first use, not at start-up

    return read_plan(path)


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise LuoshiError(
            ErrorCode.FILE_UNREADABLE, path=str(path), reason=exc.strerror or str(exc)
        ) from None
    return digest.hexdigest()


def import_file(ws: Workspace, *, path: Path, should_stop: Callable[[], bool] | None = None) -> ImportOutcome:
    """Parse `path` fully, then store it; a file that fails to parse leaves the database untouched.

    A new version of a stored plan is matched to it as the review would match it, and applied as is
    (the window shows the review first; this is the path of the command line and of first imports).
    `should_stop` is asked between steps; when it says stop, Cancelled is raised and nothing is kept.
    """
    from desktop.services import revisions

    prepared = revisions.prepare(ws, path=path)
    if should_stop is not None and should_stop():
        raise Cancelled
    if prepared.seen_before:
        with translated(str(ws.path)):
            saved = plan_store.find_version_by_hash(ws.db, prepared.source_hash)
        assert saved is not None
        return ImportOutcome(path, prepared.plan, saved)
    return ImportOutcome(path, prepared.plan, revisions.apply(ws, prepared, should_stop=should_stop))


def list_plans(ws: Workspace) -> list[dict[str, object]]:
    """Return the stored plans with their current version."""
    with translated(str(ws.path)):
        return plan_store.list_plans(ws.db)
