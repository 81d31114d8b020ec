"""The clerk's corrections of stored measures, made on the plan's current version and logged with old and new.

A measure keeps the form it was parsed in (`parsed`) from its first correction on, so that a revision of
the plan that leaves it as it was keeps the correction (desktop.services.imports). Notes stay attached
to their measure through every correction: a merge moves the second measure's notes to the first (both
texts kept, newest first), a split leaves them with the first part.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlite_utils

from desktop.domain.corrections import merged, split_at
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId, PlanId, VersionId
from desktop.domain.models import Deadline, Doubt, Measure, UnitRef
from desktop.domain.terms import EditKind, Origin, Role
from desktop.storage import char_index
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store


@dataclass(frozen=True)
class EditRecord:
    """One logged correction: what changed on a measure, from what to what, and when."""

    edit_id: int
    measure_id: MeasureId
    kind: EditKind
    field: str
    old_value: Any
    new_value: Any
    other_id: int | None
    edited_at: str


def measure_to_json(measure: Measure) -> dict[str, Any]:
    """Return a measure as plain JSON data (what the edit log and the parsed form keep)."""
    return {
        "label": measure.label,
        "chapter": measure.chapter,
        "section": measure.section,
        "text": measure.text,
        "units": [[u.name, u.role.value, u.wildcard, u.category] for u in measure.units],
        "deadlines": [[d.text, d.due, d.standing] for d in measure.deadlines],
        "clause": measure.clause,
        "leaders": list(measure.leaders),
    }


def measure_from_json(data: dict[str, Any], *, seq: int = 0) -> Measure:
    """Return the measure `measure_to_json` wrote."""
    return Measure(
        seq=seq,
        label=data["label"],
        chapter=data["chapter"],
        section=data["section"],
        text=data["text"],
        units=tuple(UnitRef(n, Role(r), bool(w), c) for n, r, w, c in data["units"]),
        deadlines=tuple(Deadline(t, d, bool(s)) for t, d, s in data["deadlines"]),
        clause=data["clause"],
        leaders=tuple(data["leaders"]),
    )


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class _CurrentMeasure:
    plan_id: PlanId
    version_id: VersionId
    seq: int
    measure: Measure


def _current(db: sqlite_utils.Database, measure_id: MeasureId) -> _CurrentMeasure:
    row = db.execute(
        """SELECT m.plan_id, p.current_version_id, r.seq FROM measures m
           JOIN plans p ON p.id = m.plan_id
           JOIN measure_revisions r ON r.version_id = p.current_version_id AND r.measure_id = m.id
           WHERE m.id = ? AND m.archived_at IS NULL""",
        [measure_id],
    ).fetchone()
    if row is None:
        raise LuoshiError(ErrorCode.MEASURE_UNKNOWN, value=str(measure_id))
    found = plan_store.current_measure(db, measure_id)
    assert found is not None  # the row above says it is current and not archived
    return _CurrentMeasure(row["plan_id"], row["current_version_id"], row["seq"], found.measure)


def _log(
    db: sqlite_utils.Database,
    current: _CurrentMeasure,
    measure_id: MeasureId,
    kind: EditKind,
    *,
    field: str = "",
    old: Any = None,
    new: Any = None,
    other_id: int | None = None,
) -> None:
    db.execute(
        """INSERT INTO measure_edits (plan_id, measure_id, version_id, kind, field, old_value, new_value,
                                      other_id, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            current.plan_id,
            measure_id,
            current.version_id,
            kind,
            field,
            None if old is None else json.dumps(old, ensure_ascii=False),
            None if new is None else json.dumps(new, ensure_ascii=False),
            other_id,
            _now(),
        ],
    )


def _keep_parsed(db: sqlite_utils.Database, current: _CurrentMeasure, measure_id: MeasureId) -> None:
    """Remember the form a measure was parsed in, before its first correction."""
    db.execute(
        """UPDATE measure_revisions SET parsed = ? WHERE version_id = ? AND measure_id = ?
           AND parsed IS NULL AND origin = ?""",
        [
            json.dumps(measure_to_json(current.measure), ensure_ascii=False),
            current.version_id,
            measure_id,
            Origin.FILE,
        ],
    )


def _rewrite(
    db: sqlite_utils.Database, current: _CurrentMeasure, measure_id: MeasureId, measure: Measure
) -> None:
    """Replace the stored fields and units of a measure in the current version."""
    db.execute(
        """UPDATE measure_revisions SET label = ?, text = ?, deadline = ?, due_on = ?, standing = ?,
           clause = ?, leaders = ?, doubts = '[]' WHERE version_id = ? AND measure_id = ?""",
        [
            measure.label,
            measure.text,
            *plan_store.deadline_columns(measure),
            measure.clause,
            json.dumps(list(measure.leaders), ensure_ascii=False),
            current.version_id,
            measure_id,
        ],
    )
    db.execute(
        "DELETE FROM measure_units WHERE version_id = ? AND measure_id = ?", [current.version_id, measure_id]
    )
    plan_store.link_units(db, current.version_id, measure_id, measure.units)
    char_index.reindex(db, measure_id)


_FIELDS = ("label", "text", "units", "deadlines")


def edit(db: sqlite_utils.Database, measure_id: MeasureId, new: Measure) -> list[str]:
    """Store `new` as the corrected form of a measure; log each field that changed; return those fields."""
    current = _current(db, measure_id)
    before, after = measure_to_json(current.measure), measure_to_json(new)
    changed = [f for f in _FIELDS if before[f] != after[f]]
    if not changed:
        return []
    with db.atomic():
        _keep_parsed(db, current, measure_id)
        for field in changed:
            _log(db, current, measure_id, EditKind.EDIT, field=field, old=before[field], new=after[field])
        _rewrite(db, current, measure_id, new)
    return changed


def _ordered_ids(db: sqlite_utils.Database, version_id: VersionId) -> list[MeasureId]:
    rows = db.execute(
        """SELECT r.measure_id FROM measure_revisions r JOIN measures m ON m.id = r.measure_id
           WHERE r.version_id = ? AND m.archived_at IS NULL ORDER BY r.seq""",
        [version_id],
    )
    return [MeasureId(int(r[0])) for r in rows]


def next_measure(db: sqlite_utils.Database, measure_id: MeasureId) -> MeasureId | None:
    """Return the measure after this one in its plan's current version, or None for the last."""
    current = _current(db, measure_id)
    ids = _ordered_ids(db, current.version_id)
    at = ids.index(MeasureId(measure_id))
    return ids[at + 1] if at + 1 < len(ids) else None


def merge_next(db: sqlite_utils.Database, measure_id: MeasureId) -> MeasureId:
    """Join a measure with the next one; the next is archived and its notes move here. Return its id."""
    other_id = next_measure(db, measure_id)
    if other_id is None:
        raise LuoshiError(ErrorCode.NO_NEXT_MEASURE, value=_current(db, measure_id).measure.label)
    current, other = _current(db, measure_id), _current(db, other_id)
    joined = merged(current.measure, other.measure)
    with db.atomic():
        _keep_parsed(db, current, measure_id)
        _keep_parsed(db, other, other_id)
        _log(
            db,
            current,
            measure_id,
            EditKind.MERGE,
            old=measure_to_json(current.measure),
            new=measure_to_json(joined),
            other_id=other_id,
        )
        _log(
            db, other, other_id, EditKind.MERGED_INTO, old=measure_to_json(other.measure), other_id=measure_id
        )
        _rewrite(db, current, measure_id, joined)
        db.execute("UPDATE measures SET archived_at = ? WHERE id = ?", [_now(), other_id])
        note_store.merge_into(db, source=other_id, target=measure_id, now=datetime.now().astimezone())
        _renumber(db, current.version_id)
    return other_id


def _renumber(db: sqlite_utils.Database, version_id: VersionId) -> None:
    for seq, measure_id in enumerate(_ordered_ids(db, version_id), start=1):
        db.execute(
            "UPDATE measure_revisions SET seq = ? WHERE version_id = ? AND measure_id = ?",
            [seq, version_id, measure_id],
        )


def _insert_after(
    db: sqlite_utils.Database, current: _CurrentMeasure, after_seq: int, measure: Measure
) -> MeasureId:
    """Store a clerk-made measure right after position `after_seq` of the current version."""
    db.execute(
        "UPDATE measure_revisions SET seq = seq + 1 WHERE version_id = ? AND seq > ?",
        [current.version_id, after_seq],
    )
    cursor = db.execute(
        "INSERT INTO measures (uid, plan_id) VALUES (?, ?)", [uuid.uuid4().hex[:24], current.plan_id]
    )
    new_id = MeasureId(int(cursor.lastrowid or 0))
    plan_store.insert_revision(
        db, current.version_id, new_id, replace(measure, seq=after_seq + 1, doubts=()), origin=Origin.CLERK
    )
    char_index.reindex(db, new_id)
    return new_id


def split(db: sqlite_utils.Database, measure_id: MeasureId, at: int) -> MeasureId:
    """Cut a measure's text at character `at`; the second part is a new measure after it. Return its id."""
    current = _current(db, measure_id)
    try:
        first, second = split_at(current.measure, at)
    except ValueError:
        raise LuoshiError(
            ErrorCode.BAD_SPLIT,
            value=str(at),
            name=current.measure.label,
            reason=str(len(current.measure.text) - 1),
        ) from None
    with db.atomic():
        _keep_parsed(db, current, measure_id)
        _rewrite(db, current, measure_id, first)
        new_id = _insert_after(db, current, current.seq, second)
        _log(
            db,
            current,
            measure_id,
            EditKind.SPLIT,
            old=measure_to_json(current.measure),
            new=measure_to_json(first),
            other_id=new_id,
        )
        _log(db, current, new_id, EditKind.SPLIT_FROM, new=measure_to_json(second), other_id=measure_id)
        _renumber(db, current.version_id)
    return new_id


def add(
    db: sqlite_utils.Database, *, after_id: MeasureId | None, plan_id: PlanId, measure: Measure
) -> MeasureId:
    """Add a measure the parser missed after `after_id` (None: first). Return its id."""
    row = db.execute("SELECT current_version_id FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None or row[0] is None:
        raise LuoshiError(ErrorCode.NO_PLAN)
    anchor = _current(db, after_id) if after_id is not None else None
    current = _CurrentMeasure(plan_id, VersionId(int(row[0])), anchor.seq if anchor else 0, measure)
    with db.atomic():
        new_id = _insert_after(db, current, current.seq, measure)
        _log(db, current, new_id, EditKind.ADD, new=measure_to_json(measure), other_id=after_id)
        _renumber(db, current.version_id)
    return new_id


def remove(db: sqlite_utils.Database, measure_id: MeasureId) -> None:
    """Archive a measure that is not one (never deleted: its notes stay with it)."""
    current = _current(db, measure_id)
    with db.atomic():
        _keep_parsed(db, current, measure_id)
        _log(db, current, measure_id, EditKind.REMOVE, old=measure_to_json(current.measure))
        db.execute("UPDATE measures SET archived_at = ? WHERE id = ?", [_now(), measure_id])
        _renumber(db, current.version_id)


def history(db: sqlite_utils.Database, measure_id: MeasureId) -> list[EditRecord]:
    """Return every logged correction of a measure, oldest first."""
    rows = db.execute(
        """SELECT id, measure_id, kind, field, old_value, new_value, other_id, edited_at
           FROM measure_edits WHERE measure_id = ? ORDER BY id""",
        [measure_id],
    ).fetchall()
    return [
        EditRecord(
            r["id"],
            r["measure_id"],
            r["kind"],
            r["field"],
            _load(r["old_value"]),
            _load(r["new_value"]),
            r["other_id"],
            r["edited_at"],
        )
        for r in rows
    ]


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


@dataclass(frozen=True)
class CorrectedMeasure:
    """A stored measure as the clerk left it, for carrying corrections into a revision of the plan."""

    measure_id: MeasureId
    uid: str
    seq: int
    measure: Measure
    parsed: Measure | None  # the form it was parsed in (None: made by the clerk)
    origin: Origin
    archived: bool


def corrections(db: sqlite_utils.Database, plan_id: PlanId) -> list[CorrectedMeasure]:
    """Return the measures of a plan's current version that the clerk corrected, made or removed."""
    rows = db.execute(
        """SELECT r.measure_id, m.uid, r.seq, r.parsed, r.origin, m.archived_at IS NOT NULL AS archived
           FROM measure_revisions r JOIN plans p ON p.current_version_id = r.version_id
           JOIN measures m ON m.id = r.measure_id
           WHERE p.id = ? AND (r.parsed IS NOT NULL OR r.origin != ?) ORDER BY r.seq""",
        [plan_id, Origin.FILE],
    ).fetchall()
    if not rows:
        return []
    version_id = db.execute("SELECT current_version_id FROM plans WHERE id = ?", [plan_id]).fetchone()[0]
    stored = {s.measure_id: s.measure for s in plan_store.version_measures(db, version_id=version_id)}
    return [
        CorrectedMeasure(
            r["measure_id"],
            r["uid"],
            r["seq"],
            stored[r["measure_id"]],
            measure_from_json(json.loads(r["parsed"])) if r["parsed"] else None,
            Origin(r["origin"]),
            bool(r["archived"]),
        )
        for r in rows
    ]


__all__ = [
    "CorrectedMeasure",
    "Doubt",
    "EditRecord",
    "add",
    "corrections",
    "edit",
    "history",
    "merge_next",
    "remove",
    "split",
]
