"""List the stored plans (reading a plan file: services.reading; importing it: services.imports)."""

from __future__ import annotations

from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store


def list_plans(ws: Workspace) -> list[plan_store.PlanRow]:
    """Return the stored plans with their current version."""
    return plan_store.list_plans(ws.db)
