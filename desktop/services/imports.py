"""Importing a plan file: prepare (parse once, hash once, compare, no writes), then apply in one transaction.

The window (核对方案 and 比对方案新版本), the command line and the coordinating office's revision flow all
go through here. `apply` stores the file as a version and replays the clerk's corrections on it; a later
revision that leaves a corrected measure as it was parsed keeps the correction (`_carry_corrections`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.domain.corrections import Correction
from desktop.domain.errors import Cancelled
from desktop.domain.ids import MeasureId, PlanId
from desktop.domain.models import Measure, Plan
from desktop.domain.revision import Review, Stored, compare, correct
from desktop.domain.terms import Origin
from desktop.importers import Progress
from desktop.importers.detect import sniff
from desktop.services import corrections as correction_service
from desktop.services.backups import make_backup
from desktop.services.reading import file_hash, parse_file
from desktop.services.revisions import stored_measures
from desktop.services.similarity import similar
from desktop.services.workspace import Workspace
from desktop.storage import measure_edits
from desktop.storage import plans as plan_store
from desktop.storage.plans import SavedVersion as SavedVersion


@dataclass(frozen=True)
class ImportReview:
    """A parsed file and, when it revises a stored plan, the comparison waiting for the clerk."""

    path: Path
    plan: Plan
    source_hash: str
    source_format: str
    plan_id: PlanId | None  # the stored plan it revises; None: a plan not seen before
    stored: tuple[Stored, ...]
    review: Review | None  # None for a new plan or a file imported before
    seen_before: bool
    provenance: tuple[tuple[str | None, Origin], ...] = ()  # per measure: a carried correction's parsed form

    @property
    def needs_review(self) -> bool:
        """Return True when applying would change the stored measures."""
        return self.review is not None and not self.review.is_identity

    @property
    def doubtful(self) -> list[Measure]:
        """Return the parsed measures that carry doubts."""
        return [m for m in self.plan.measures if m.doubts]

    def corrected(self, new_index: int, measure_id: MeasureId | None) -> ImportReview:
        """Return a copy with one match corrected by the clerk."""
        assert self.review is not None
        review = correct(self.review, self.stored, self.plan.measures, new_index, measure_id)
        return replace(self, review=review)


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one file did."""

    path: Path
    plan: Plan
    saved: plan_store.SavedVersion


def prepare(
    ws: Workspace,
    *,
    path: Path,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    plan: Plan | None = None,
) -> ImportReview:
    """Parse a plan file and compare it with the stored plan it revises, without writing anything.

    `progress` and `should_stop` reach the OCR of a scan, page by page. `plan` is the file already read
    another way (the guided path: the clerk's column roles or numbering).
    """
    plan = plan or parse_file(path=path, progress=progress, should_stop=should_stop)
    source_hash = file_hash(path)
    seen = plan_store.find_version_by_hash(ws.db, source_hash)
    plan_id = plan_store.find_plan(ws.db, plan)
    base = ImportReview(path, plan, source_hash, sniff(path).value, plan_id, (), None, seen is not None)
    if plan_id is None or seen is not None:
        return base
    kept = measure_edits.corrections(ws.db, plan_id)
    stored = stored_measures(ws, plan_id)
    measures, provenance = _carry_corrections(list(plan.measures), kept, stored)
    plan = replace(plan, measures=tuple(replace(m, seq=i) for i, m in enumerate(measures, start=1)))
    review = compare(stored, plan.measures, similar=similar)
    return replace(base, plan=plan, stored=stored, review=review, provenance=tuple(provenance))


def _fingerprint(measure: Measure) -> tuple[object, ...]:
    return (
        "".join(measure.text.split()),
        tuple((u.name, u.role.value) for u in measure.units),
        measure.deadline,
    )


def _carry_corrections(
    measures: list[Measure], kept: list[measure_edits.CorrectedMeasure], stored: tuple[Stored, ...]
) -> tuple[list[Measure], list[tuple[str | None, Origin]]]:
    """Keep the clerk's corrections where the new version left a measure as it was first parsed.

    A measure parsed as before is replaced by its corrected form; one the clerk removed or merged away
    stays out; measures the clerk made follow the measure they followed.
    """
    corrected = {_fingerprint(c.parsed): c for c in kept if c.parsed is not None and not c.archived}
    dropped = {_fingerprint(c.parsed) for c in kept if c.parsed is not None and c.archived}
    made = [c for c in kept if c.origin is Origin.CLERK and not c.archived]
    out: list[Measure] = []
    provenance: list[tuple[str | None, Origin]] = []
    unchanged = {_fingerprint(s.measure): s.measure.seq for s in stored}  # measures the clerk left alone
    placed: dict[int, int] = {}  # stored seq -> index in `out`
    for measure in measures:
        key = _fingerprint(measure)
        if key in dropped:
            continue
        if key in unchanged:
            placed.setdefault(unchanged[key], len(out))
        found = corrected.get(key)
        if found is not None and found.parsed is not None:
            placed[found.seq] = len(out)
            out.append(replace(found.measure, uid=found.uid))
            provenance.append(
                (json.dumps(measure_edits.measure_to_json(found.parsed), ensure_ascii=False), Origin.FILE)
            )
        else:
            out.append(measure)
            provenance.append((None, Origin.FILE))
    for c in made:
        before = [seq for seq in placed if seq < c.seq]
        at = placed[max(before)] + 1 if before else len(out)
        out.insert(at, replace(c.measure, uid=c.uid))
        provenance.insert(at, (None, Origin.CLERK))
        placed = {seq: (i + 1 if i >= at else i) for seq, i in placed.items()}
        placed[c.seq] = at
    return out, provenance


def apply(
    ws: Workspace,
    prepared: ImportReview,
    corrections: Sequence[Correction] = (),
    *,
    should_stop: Callable[[], bool] | None = None,
) -> plan_store.SavedVersion:
    """Store the file as a new version and the clerk's corrections on it, in one transaction.

    Matched measures keep their ids, and so their notes; added ones are created; removed ones are
    archived, never deleted.
    """
    if plan_store.has_plans(ws.db):
        make_backup(ws, "revision" if prepared.review is not None else "import")
    review = prepared.review
    ids: list[int | None] | None = None
    archive: tuple[int, ...] = ()
    if review is not None:
        ids = [None] * len(prepared.plan.measures)
        for match in review.matches:
            ids[match.new_index] = match.measure_id
        archive = review.removed
    with ws.db.atomic():
        saved = plan_store.save_plan(
            ws.db,
            prepared.plan,
            source_name=prepared.path.name,
            source_hash=prepared.source_hash,
            source_format=prepared.source_format,
            should_stop=should_stop,
            plan_id=prepared.plan_id if review is not None else None,
            ids=ids,
            archive=archive,
            provenance=prepared.provenance or None,
        )
        if corrections:  # made on the parsed plan: the same indices on the version just stored
            stored = [r.measure_id for r in plan_store.version_measures(ws.db, version_id=saved.version_id)]
            correction_service.replay(ws, stored, plan_id=saved.plan_id, corrections=corrections)
        if should_stop is not None and should_stop():
            raise Cancelled
    return saved


def import_file(
    ws: Workspace,
    *,
    path: Path,
    corrections: Sequence[Correction] = (),
    should_stop: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Parse `path` fully, then store it; a file that fails to parse leaves the database untouched.

    A new version of a stored plan is matched to it as the review would match it, and applied as is
    (the window shows the review first; this is the path of the command line and of first imports).
    `should_stop` is asked between steps; when it says stop, Cancelled is raised and nothing is kept.
    """
    prepared = prepare(ws, path=path, should_stop=should_stop)
    if should_stop is not None and should_stop():
        raise Cancelled
    return apply_prepared(ws, prepared, corrections, should_stop=should_stop)


def apply_prepared(
    ws: Workspace,
    prepared: ImportReview,
    corrections: Sequence[Correction] = (),
    *,
    should_stop: Callable[[], bool] | None = None,
) -> ImportOutcome:
    """Apply a prepared import, or return the stored version when the same file was imported before."""
    if prepared.seen_before:
        saved = plan_store.find_version_by_hash(ws.db, prepared.source_hash)
        assert saved is not None
        return ImportOutcome(prepared.path, prepared.plan, saved)
    return ImportOutcome(
        prepared.path, prepared.plan, apply(ws, prepared, corrections, should_stop=should_stop)
    )
