"""Updated task lists: compare a new version of a plan with the stored one, let the clerk review, apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.domain.models import Measure, Plan
from desktop.domain.revision import Review, Stored, compare, correct
from desktop.services.plans import file_hash, parse_file
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from desktop.storage.errors import translated


@dataclass(frozen=True)
class Prepared:
    """A parsed file and, when it revises a stored plan, the comparison waiting for the clerk."""

    path: Path
    plan: Plan
    source_hash: str
    source_format: str
    plan_id: int | None  # the stored plan it revises; None: a plan not seen before
    stored: tuple[Stored, ...]
    review: Review | None  # None for a new plan or a file imported before
    seen_before: bool

    @property
    def needs_review(self) -> bool:
        """Return True when applying would change the stored measures."""
        return self.review is not None and not self.review.is_identity

    def corrected(self, new_index: int, measure_id: int | None) -> Prepared:
        """Return a copy with one match corrected by the clerk."""
        assert self.review is not None
        review = correct(self.review, self.stored, self.plan.measures, new_index, measure_id)
        return replace(self, review=review)


def stored_measures(ws: Workspace, plan_id: int, version_id: int | None = None) -> tuple[Stored, ...]:
    """Return a plan's measures (its current version, or the version given) as the comparison needs them."""
    with translated(str(ws.path)):
        rows = plan_store.version_measures(ws.db, plan_id=plan_id, version_id=version_id)
    return tuple(Stored(r.measure_id, r.uid, r.measure) for r in rows)


def prepare(ws: Workspace, *, path: Path, should_stop: Callable[[], bool] | None = None) -> Prepared:
    """Parse a plan file and compare it with the stored plan it revises, without writing anything."""
    from desktop.importers.detect import sniff

    plan = parse_file(path=path)
    source_hash = file_hash(path)
    with translated(str(ws.path)):
        seen = plan_store.find_version_by_hash(ws.db, source_hash)
        plan_id = plan_store.find_plan(ws.db, plan)
    base = Prepared(path, plan, source_hash, sniff(path).value, plan_id, (), None, seen is not None)
    if plan_id is None or seen is not None:
        return base
    from desktop.services.similarity import similar  # rapidfuzz loads when a revision is compared

    stored = stored_measures(ws, plan_id)
    review = compare(stored, plan.measures, similar=similar)
    return replace(base, stored=stored, review=review)


def apply(
    ws: Workspace, prepared: Prepared, *, should_stop: Callable[[], bool] | None = None
) -> plan_store.SavedVersion:
    """Store the file as a new version in one transaction.

    Matched measures keep their ids, and so their notes; added ones are created; removed ones are
    archived, never deleted.
    """
    from desktop.services.backups import make_backup

    if ws.db.execute("SELECT 1 FROM plans LIMIT 1").fetchone() is not None:
        make_backup(ws, "revision" if prepared.review is not None else "import")
    review = prepared.review
    ids: list[int | None] | None = None
    archive: tuple[int, ...] = ()
    if review is not None:
        ids = [None] * len(prepared.plan.measures)
        for match in review.matches:
            ids[match.new_index] = match.measure_id
        archive = review.removed
    with translated(str(ws.path)):
        return plan_store.save_plan(
            ws.db,
            prepared.plan,
            source_name=prepared.path.name,
            source_hash=prepared.source_hash,
            source_format=prepared.source_format,
            should_stop=should_stop,
            plan_id=prepared.plan_id if review is not None else None,
            ids=ids,
            archive=archive,
        )


def diff_files(old: Path, new: Path) -> tuple[Plan, Plan, Review]:
    """Compare two plan files without any database (`luoshi plan diff`)."""
    from desktop.services.similarity import similar

    before, after = parse_file(path=old), parse_file(path=new)
    stored = [Stored(i, m.uid, m) for i, m in enumerate(before.measures, start=1)]
    return before, after, compare(stored, after.measures, similar=similar)


def versions(ws: Workspace, plan_id: int) -> list[dict[str, object]]:
    """Return a plan's versions, oldest first; every one stays viewable."""
    with translated(str(ws.path)):
        return plan_store.list_versions(ws.db, plan_id=plan_id)


def version_measures(ws: Workspace, plan_id: int, version_id: int) -> list[Measure]:
    """Return the measures of one version of a plan, as it was."""
    return [s.measure for s in stored_measures(ws, plan_id, version_id)]
