"""The unit directory and the clerk's own unit (本单位) with the categories it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.parsing.units import normalize_unit_name
from desktop.services.workspace import Workspace
from desktop.storage import settings
from desktop.storage import units as unit_store
from desktop.storage.units import UnitRow

MY_UNIT = "profile.unit"
MY_CATEGORIES = "profile.categories"


@dataclass(frozen=True)
class Profile:
    """The clerk's unit and the wildcard categories it belongs to."""

    unit: str | None
    categories: tuple[str, ...]


def list_units(ws: Workspace) -> list[UnitRow]:
    """Return the unit directory with counts of measures led and supported."""
    return unit_store.list_units(ws.db)


def list_categories(ws: Workspace) -> list[str]:
    """Return the wildcard categories found in stored plans."""
    return unit_store.categories(ws.db)


def merge_units(ws: Workspace, *, alias: str, into: str) -> None:
    """Record `alias` as another name of `into` (发展改革委 = 自治区发展改革委)."""
    alias_name, target_name = normalize_unit_name(alias), normalize_unit_name(into)
    target = unit_store.resolve(ws.db, target_name)
    if target is None:
        raise LuoshiError(ErrorCode.UNIT_UNKNOWN, name=into)
    source = unit_store.resolve(ws.db, alias_name)
    if source is None:
        unit_store.add_alias(ws.db, alias=alias_name, unit_id=target)
    elif source != target:
        unit_store.merge(ws.db, alias_id=source, target_id=target)


def get_profile(ws: Workspace) -> Profile:
    """Return the clerk's saved unit and categories."""
    return Profile(settings.get(ws.db, MY_UNIT), tuple(settings.get(ws.db, MY_CATEGORIES, [])))


def set_profile(ws: Workspace, *, unit: str | None, categories: list[str] | None = None) -> Profile:
    """Save the clerk's unit and/or the wildcard categories it belongs to (each kept when not given).

    Categories without a unit belong to the unit already set; with none set that is refused.
    """
    if unit is not None:
        settings.put(ws.db, MY_UNIT, normalize_unit_name(unit))
    elif settings.get(ws.db, MY_UNIT) is None:
        raise LuoshiError(ErrorCode.NO_UNIT)
    if categories is not None:
        settings.put(ws.db, MY_CATEGORIES, sorted(set(categories)))
    return get_profile(ws)


def unit_identity(ws: Workspace, *, name: str) -> tuple[set[str], set[str]]:
    """Return every name the unit is known by and, when it is the clerk's unit, its categories."""
    wanted = normalize_unit_name(name)
    db = ws.db
    unit_id = unit_store.resolve(db, wanted)
    names = {wanted}
    if unit_id is not None:
        names.update(unit_store.names_of(db, unit_id))
    profile_unit = settings.get(db, MY_UNIT)
    categories: set[str] = set()
    if profile_unit and (profile_unit in names or unit_store.resolve(db, profile_unit) == unit_id):
        categories = set(settings.get(db, MY_CATEGORIES, []))
    return names, categories
