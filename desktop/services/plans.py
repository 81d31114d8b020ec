"""Read a plan file without any database, and list the stored plans (importing: services.imports)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers import read_plan
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store


def parse_file(*, path: Path) -> Plan:
    """Return the plan in `path` without touching any database."""
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


def list_plans(ws: Workspace) -> list[plan_store.PlanRow]:
    """Return the stored plans with their current version."""
    return plan_store.list_plans(ws.db)
