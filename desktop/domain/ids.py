"""Typed ids of stored things, so a plan's id is never passed where a measure's is meant."""

from __future__ import annotations

from typing import NewType

PlanId = NewType("PlanId", int)
VersionId = NewType("VersionId", int)
MeasureId = NewType("MeasureId", int)
UnitId = NewType("UnitId", int)
