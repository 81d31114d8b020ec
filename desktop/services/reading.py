"""Read plan files without any database: parse, hash, compare two (storing one: services.imports)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.models import Plan
from desktop.domain.revision import Review, Stored, compare
from desktop.importers import Progress, read_plan
from desktop.services.similarity import similar


def parse_file(
    *, path: Path, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
) -> Plan:
    """Return the plan in `path` without touching any database.

    A scan is recognised page by page: `progress(done, pages)` before each, `should_stop` asked too.
    """
    return read_plan(path, progress=progress, should_stop=should_stop)


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


def diff_files(old: Path, new: Path) -> tuple[Plan, Plan, Review]:
    """Compare two plan files without any database (`luoshi plan diff`)."""
    before, after = parse_file(path=old), parse_file(path=new)
    stored = [Stored(MeasureId(i), m.uid, m) for i, m in enumerate(before.measures, start=1)]
    return before, after, compare(stored, after.measures, similar=similar)
