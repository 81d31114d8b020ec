"""Versions of a plan: its stored measures as a comparison needs them, the history.

Importing (prepare, the clerk's review, apply) is desktop.services.imports; comparing two files,
desktop.services.reading.
"""

from __future__ import annotations

from desktop.domain.ids import PlanId, VersionId
from desktop.domain.models import Measure
from desktop.domain.revision import Stored
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from desktop.storage.plans import VersionRow

__all__ = ["VersionRow", "stored_measures", "version_measures", "versions"]


def stored_measures(
    ws: Workspace, plan_id: PlanId, version_id: VersionId | None = None
) -> tuple[Stored, ...]:
    """Return a plan's measures (its current version, or the version given) as the comparison needs them."""
    rows = plan_store.version_measures(ws.db, plan_id=plan_id, version_id=version_id)
    return tuple(Stored(r.measure_id, r.uid, r.measure) for r in rows)


def versions(ws: Workspace, plan_id: PlanId) -> list[VersionRow]:
    """Return a plan's versions, oldest first; every one stays viewable."""
    return plan_store.list_versions(ws.db, plan_id=plan_id)


def version_measures(ws: Workspace, plan_id: PlanId, version_id: VersionId) -> list[Measure]:
    """Return the measures of one version of a plan, as it was."""
    return [s.measure for s in stored_measures(ws, plan_id, version_id)]
