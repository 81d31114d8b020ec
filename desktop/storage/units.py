"""The unit directory: names, wildcards with categories, and aliases a clerk merges."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from desktop.domain.ids import UnitId
from desktop.domain.models import UnitRef


@dataclass(frozen=True)
class UnitRow:
    """A unit as stored, with how many current measures name it."""

    id: int
    name: str
    wildcard: bool
    category: str | None
    aliases: tuple[str, ...]
    lead_count: int
    support_count: int


def resolve(db: sqlite_utils.Database, name: str) -> UnitId | None:
    """Return the id of the unit called `name` or aliased as `name`."""
    row = db.execute(
        "SELECT id FROM units WHERE name = ? UNION ALL SELECT unit_id FROM unit_aliases WHERE alias = ?",
        [name, name],
    ).fetchone()
    return UnitId(int(row[0])) if row else None


def ensure(db: sqlite_utils.Database, unit: UnitRef) -> int:
    """Return the id for `unit`, adding it to the directory when it is new."""
    found = resolve(db, unit.name)
    if found is not None:
        return found
    cursor = db.execute(
        "INSERT INTO units (name, wildcard, category) VALUES (?, ?, ?)",
        [unit.name, int(unit.wildcard), unit.category],
    )
    return int(cursor.lastrowid or 0)


def list_units(db: sqlite_utils.Database) -> list[UnitRow]:
    """Return every unit with its aliases and counts over current plan versions."""
    aliases: dict[int, list[str]] = {}
    for alias, unit_id in db.execute("SELECT alias, unit_id FROM unit_aliases ORDER BY alias"):
        aliases.setdefault(unit_id, []).append(alias)
    rows = db.execute(
        """
        SELECT u.id, u.name, u.wildcard, u.category,
               SUM(CASE WHEN mu.role = 'lead' THEN 1 ELSE 0 END) AS leads,
               SUM(CASE WHEN mu.role = 'support' THEN 1 ELSE 0 END) AS supports
        FROM units u
        LEFT JOIN measure_units mu ON mu.unit_id = u.id
             AND mu.version_id IN (SELECT current_version_id FROM plans)
        GROUP BY u.id ORDER BY u.wildcard, u.name
        """
    ).fetchall()
    return [
        UnitRow(
            r["id"],
            r["name"],
            bool(r["wildcard"]),
            r["category"],
            tuple(aliases.get(r["id"], [])),
            r["leads"] or 0,
            r["supports"] or 0,
        )
        for r in rows
    ]


def merge(db: sqlite_utils.Database, *, alias_id: UnitId, target_id: UnitId) -> None:
    """Make unit `alias_id` another name of `target_id`: links move, the name becomes an alias."""
    with db.atomic():
        name = db.execute("SELECT name FROM units WHERE id = ?", [alias_id]).fetchone()[0]
        db.execute(
            """
            UPDATE OR IGNORE measure_units SET unit_id = ?
            WHERE unit_id = ?
            """,
            [target_id, alias_id],
        )
        db.execute("DELETE FROM measure_units WHERE unit_id = ?", [alias_id])
        db.execute("UPDATE unit_aliases SET unit_id = ? WHERE unit_id = ?", [target_id, alias_id])
        db.execute("DELETE FROM units WHERE id = ?", [alias_id])
        db.execute("INSERT OR REPLACE INTO unit_aliases (alias, unit_id) VALUES (?, ?)", [name, target_id])


def add_alias(db: sqlite_utils.Database, *, alias: str, unit_id: UnitId) -> None:
    """Record `alias` as another name of unit `unit_id`."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO unit_aliases (alias, unit_id) VALUES (?, ?)", [alias, unit_id])


def names_of(db: sqlite_utils.Database, unit_id: UnitId) -> list[str]:
    """Return a unit's name first, then its aliases."""
    row = db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()
    aliases = [
        r[0] for r in db.execute("SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias", [unit_id])
    ]
    return ([row[0]] if row else []) + aliases


def responsible_names(db: sqlite_utils.Database) -> dict[str, str]:
    """Return every named (not wildcard) unit of the current measures, by each name it is known by."""
    names: dict[str, str] = {}
    rows = db.execute(
        """SELECT DISTINCT u.id, u.name FROM measure_units mu JOIN units u ON u.id = mu.unit_id
           WHERE u.wildcard = 0 AND mu.version_id IN (SELECT current_version_id FROM plans)"""
    ).fetchall()
    for unit_id, name in rows:
        for known in names_of(db, unit_id):
            names[known] = name
    return names


def categories(db: sqlite_utils.Database) -> list[str]:
    """Return the wildcard categories found in the stored plans."""
    return [
        r[0] for r in db.execute("SELECT DISTINCT category FROM units WHERE wildcard = 1 ORDER BY category")
    ]
