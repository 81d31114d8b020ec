"""Plans, their versions, chapters and measures (stable ids across versions)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from desktop.domain.errors import Cancelled
from desktop.domain.ids import MeasureId, PlanId, VersionId
from desktop.domain.models import Deadline, Doubt, Measure, Plan, UnitRef
from desktop.domain.terms import Origin, Role
from desktop.storage import char_index
from desktop.storage import units as unit_store


@dataclass(frozen=True)
class SavedVersion:
    """What an import stored: the plan, its new version, or the version that already held the file."""

    plan_id: PlanId
    version_id: VersionId
    version_no: int
    created: bool  # False when the same file had been imported before
    measure_count: int


@dataclass(frozen=True)
class StoredMeasure:
    """A measure of a plan's current version, with its stable id."""

    measure_id: MeasureId
    uid: str
    plan_id: PlanId
    plan_title: str
    measure: Measure


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def plan_key(plan: Plan) -> str:
    """Return the key that identifies a plan across versions: its 发文字号, else its title."""
    return plan.doc_number or plan.title


def find_version_by_hash(db: sqlite_utils.Database, source_hash: str) -> SavedVersion | None:
    """Return the version imported from a file with this hash, if any."""
    row = db.execute(
        """SELECT v.plan_id, v.id, v.version_no,
                  (SELECT COUNT(*) FROM measure_revisions r WHERE r.version_id = v.id) AS measures
           FROM plan_versions v WHERE v.source_hash = ? ORDER BY v.id DESC LIMIT 1""",
        [source_hash],
    ).fetchone()
    if row is None:
        return None
    return SavedVersion(row["plan_id"], row["id"], row["version_no"], False, row["measures"])


def save_plan(
    db: sqlite_utils.Database,
    plan: Plan,
    *,
    source_name: str,
    source_hash: str,
    source_format: str,
    should_stop: Callable[[], bool] | None = None,
    plan_id: PlanId | None = None,
    ids: Sequence[int | None] | None = None,
    archive: Sequence[int] = (),
    provenance: Sequence[tuple[str | None, Origin]] | None = None,
) -> SavedVersion:
    """Store `plan` as a new version in one transaction; a file seen before changes nothing.

    A revision names the plan it revises (`plan_id`), the stored measure each new measure continues
    (`ids`, None for a new measure) and the stored measures it drops (`archive`: kept, marked archived).
    `provenance` gives, per measure, the parsed form and origin of a clerk's correction carried over.
    Without `ids` a measure keeps its id when its number and text are unchanged.
    When `should_stop` returns True the transaction is rolled back and Cancelled is raised.
    """
    existing = find_version_by_hash(db, source_hash)
    if existing is not None and plan_id is None:
        return existing
    with db.atomic():
        now = _now()
        key = plan_key(plan)
        row = (
            [plan_id]
            if plan_id is not None
            else db.execute("SELECT id FROM plans WHERE key = ?", [key]).fetchone()
        )
        if row:
            plan_id = PlanId(int(row[0]))
            db.execute(
                "UPDATE plans SET title = ?, doc_number = ?, issued_on = ? WHERE id = ?",
                [plan.title, plan.doc_number, plan.issued_on, plan_id],
            )
        else:
            cursor = db.execute(
                "INSERT INTO plans (key, title, doc_number, issued_on, created_at) VALUES (?, ?, ?, ?, ?)",
                [key, plan.title, plan.doc_number, plan.issued_on, now],
            )
            plan_id = PlanId(int(cursor.lastrowid or 0))
        previous = db.execute("SELECT current_version_id FROM plans WHERE id = ?", [plan_id]).fetchone()[0]
        version_no = (
            1
            + db.execute(
                "SELECT COALESCE(MAX(version_no), 0) FROM plan_versions WHERE plan_id = ?", [plan_id]
            ).fetchone()[0]
        )
        cursor = db.execute(
            """INSERT INTO plan_versions (plan_id, version_no, source_name, source_hash, source_format, imported_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [plan_id, version_no, source_name, source_hash, source_format, now],
        )
        version_id = VersionId(int(cursor.lastrowid or 0))
        for ord_, chapter in enumerate(plan.chapters, start=1):
            db.execute(
                "INSERT INTO chapters (version_id, ord, numeral, title) VALUES (?, ?, ?, ?)",
                [version_id, ord_, chapter.numeral, chapter.title],
            )
        reuse = _previous_ids(db, previous) if previous and ids is None else {}
        for index, measure in enumerate(plan.measures):
            if should_stop is not None and should_stop():
                raise Cancelled
            given = ids[index] if ids is not None else reuse.pop((measure.label, measure.text), None)
            measure_id = MeasureId(given) if given else _new_measure(db, plan_id, key, measure)
            parsed, origin = provenance[index] if provenance is not None else (None, Origin.FILE)
            insert_revision(db, version_id, measure_id, measure, parsed=parsed, origin=origin)
        if ids is not None:
            kept = [i for i in ids if i is not None]
            db.execute(
                f"UPDATE measures SET archived_at = NULL WHERE id IN ({','.join('?' * len(kept))})", kept
            )
            db.execute(
                f"UPDATE measures SET archived_at = ? WHERE id IN ({','.join('?' * len(archive))})",
                [now, *archive],
            )
        db.execute("UPDATE plans SET current_version_id = ? WHERE id = ?", [version_id, plan_id])
        for (measure_id,) in db.execute(
            "SELECT measure_id FROM measure_revisions WHERE version_id IN (?, ?)", [version_id, previous or 0]
        ).fetchall():
            char_index.reindex(db, measure_id)
    return SavedVersion(plan_id, version_id, version_no, True, len(plan.measures))


def _previous_ids(db: sqlite_utils.Database, version_id: VersionId) -> dict[tuple[str, str], int]:
    rows = db.execute(
        "SELECT label, text, measure_id FROM measure_revisions WHERE version_id = ?", [version_id]
    )
    return {(label, text): measure_id for label, text, measure_id in rows}


def measure_uid(key: str, measure: Measure) -> str:
    """Return the id a measure first gets: derived from its plan, number and text.

    Two offices importing the same plan file give its measures the same ids, so a return written in one
    is matched exactly in the other; a task list carries the ids it was written with.
    """
    return hashlib.sha256(f"{key}\n{measure.label}\n{measure.text}".encode()).hexdigest()[:24]


def _new_measure(db: sqlite_utils.Database, plan_id: PlanId, key: str, measure: Measure) -> MeasureId:
    for uid in (measure.uid, measure_uid(key, measure), uuid.uuid4().hex):
        if uid and db.execute("SELECT 1 FROM measures WHERE uid = ?", [uid]).fetchone() is None:
            break
    cursor = db.execute("INSERT INTO measures (uid, plan_id) VALUES (?, ?)", [uid, plan_id])
    return MeasureId(int(cursor.lastrowid or 0))


def deadline_columns(measure: Measure) -> tuple[str | None, str | None, int]:
    """Return the stored deadline columns of a measure: its text, the first due date, standing."""
    first = measure.deadlines[0] if measure.deadlines else None
    return measure.deadline, first.due if first else None, int(bool(first and first.standing))


def insert_revision(
    db: sqlite_utils.Database,
    version_id: VersionId,
    measure_id: MeasureId,
    measure: Measure,
    *,
    parsed: str | None = None,
    origin: Origin = Origin.FILE,
) -> None:
    """Store one measure of a version with its units (`parsed`: the parsed form a corrected one had)."""
    db.execute(
        """INSERT INTO measure_revisions (version_id, measure_id, seq, label, chapter, section, text,
                                          deadline, due_on, standing, clause, leaders, doubts, parsed, origin)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            version_id,
            measure_id,
            measure.seq,
            measure.label,
            measure.chapter,
            measure.section,
            measure.text,
            *deadline_columns(measure),
            measure.clause,
            json.dumps(list(measure.leaders), ensure_ascii=False),
            json.dumps([[d.code, d.detail] for d in measure.doubts], ensure_ascii=False),
            parsed,
            origin,
        ],
    )
    link_units(db, version_id, measure_id, measure.units)


def link_units(
    db: sqlite_utils.Database, version_id: VersionId, measure_id: MeasureId, units: Sequence[UnitRef]
) -> None:
    """Link a measure of a version to its units, in order."""
    for ord_, unit in enumerate(units):
        unit_id = unit_store.ensure(db, unit)
        db.execute(
            "INSERT OR IGNORE INTO measure_units (version_id, measure_id, unit_id, role, ord) VALUES (?, ?, ?, ?, ?)",
            [version_id, measure_id, unit_id, unit.role.value, ord_],
        )


def current_measures(db: sqlite_utils.Database, *, plan_id: PlanId | None = None) -> list[StoredMeasure]:
    """Return the measures of every plan's current version (or one plan's), in plan order."""
    return version_measures(db, plan_id=plan_id)


def current_measure(db: sqlite_utils.Database, measure_id: MeasureId) -> StoredMeasure | None:
    """Return one measure of its plan's current version (None when unknown or archived)."""
    found = version_measures(db, measure_id=measure_id)
    return found[0] if found else None


def version_measures(
    db: sqlite_utils.Database,
    *,
    plan_id: PlanId | None = None,
    version_id: VersionId | None = None,
    measure_id: MeasureId | None = None,
) -> list[StoredMeasure]:
    """Return the measures of one version, or of the current versions (of every plan, of one, or one measure)."""
    versions = (
        "(SELECT ?)" if version_id is not None else "(SELECT current_version_id FROM plans WHERE ? IS NULL)"
    )
    rows = db.execute(
        f"""SELECT m.id AS measure_id, m.uid, p.id AS plan_id, p.title, r.seq, r.label, r.chapter, r.section,
                  r.text, r.deadline, r.due_on, r.standing, r.clause, r.version_id, r.leaders, r.doubts
           FROM measure_revisions r
           JOIN plan_versions v ON v.id = r.version_id
           JOIN plans p ON p.id = v.plan_id
           JOIN measures m ON m.id = r.measure_id
           WHERE r.version_id IN {versions} AND (? IS NULL OR p.id = ?) AND (? IS NULL OR m.id = ?)
             AND (? IS NOT NULL OR m.archived_at IS NULL)
           ORDER BY p.id, r.seq""",
        [version_id, plan_id, plan_id, measure_id, measure_id, version_id],
    ).fetchall()
    links: dict[tuple[int, int], list[UnitRef]] = {}
    for version_id_, linked_id, name, wildcard, category, role in db.execute(
        f"""SELECT mu.version_id, mu.measure_id, u.name, u.wildcard, u.category, mu.role
           FROM measure_units mu JOIN units u ON u.id = mu.unit_id
           WHERE mu.version_id IN {versions} AND (? IS NULL OR mu.measure_id = ?)
           ORDER BY mu.version_id, mu.measure_id, mu.ord""",
        [version_id, measure_id, measure_id],
    ):
        links.setdefault((version_id_, linked_id), []).append(
            UnitRef(name, Role(role), bool(wildcard), category)
        )
    result = []
    for r in rows:
        deadline = r["deadline"]
        deadlines = (
            (Deadline(text=deadline, due=r["due_on"], standing=bool(r["standing"])),) if deadline else ()
        )
        measure = Measure(
            seq=r["seq"],
            label=r["label"],
            chapter=r["chapter"],
            section=r["section"],
            text=r["text"],
            deadlines=deadlines,
            clause=r["clause"],
            units=tuple(links.get((r["version_id"], r["measure_id"]), [])),
            leaders=tuple(json.loads(r["leaders"] or "[]")),
            doubts=tuple(Doubt(code, detail) for code, detail in json.loads(r["doubts"] or "[]")),
        )
        result.append(
            StoredMeasure(MeasureId(r["measure_id"]), r["uid"], PlanId(r["plan_id"]), r["title"], measure)
        )
    return result


@dataclass(frozen=True)
class PlanRow:
    """A stored plan with its current version."""

    id: PlanId
    key: str
    title: str
    doc_number: str | None
    issued_on: str | None
    version_no: int | None
    source_name: str | None
    measure_count: int
    archived: bool = False  # 归档: out of the chooser, still searchable and restorable


@dataclass(frozen=True)
class VersionRow:
    """One imported version of a plan."""

    id: VersionId
    version_no: int
    source_name: str
    imported_at: str
    measure_count: int
    current: bool


_PLAN_ROWS = """SELECT p.id, p.key, p.title, p.doc_number, p.issued_on, v.version_no, v.source_name,
                       (SELECT COUNT(*) FROM measure_revisions r WHERE r.version_id = p.current_version_id)
                           AS measures,
                       p.archived_at IS NOT NULL AS archived
                FROM plans p LEFT JOIN plan_versions v ON v.id = p.current_version_id"""


def _plan_row(r: sqlite3.Row) -> PlanRow:
    return PlanRow(
        PlanId(r["id"]),
        r["key"],
        r["title"],
        r["doc_number"],
        r["issued_on"],
        r["version_no"],
        r["source_name"],
        r["measures"],
        bool(r["archived"]),
    )


def list_plans(db: sqlite_utils.Database) -> list[PlanRow]:
    """Return every plan with its current version number and measure count."""
    return [_plan_row(r) for r in db.execute(_PLAN_ROWS + " ORDER BY p.id").fetchall()]


def set_archived(db: sqlite_utils.Database, plan_id: PlanId, archived: bool) -> bool:
    """Archive a plan (归档) or bring it back; return False when no such plan exists."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE plans SET archived_at = ? WHERE id = ?", [_now() if archived else None, plan_id]
        )
    return cursor.rowcount > 0


def get_plan(db: sqlite_utils.Database, plan_id: PlanId) -> PlanRow | None:
    """Return one stored plan, or None."""
    row = db.execute(_PLAN_ROWS + " WHERE p.id = ?", [plan_id]).fetchone()
    return _plan_row(row) if row else None


def has_plans(db: sqlite_utils.Database) -> bool:
    """Return True when any plan is stored."""
    return db.execute("SELECT 1 FROM plans LIMIT 1").fetchone() is not None


def first_issue_year(db: sqlite_utils.Database) -> int | None:
    """Return the earliest year a stored plan was issued in, or None."""
    row = db.execute(
        "SELECT MIN(CAST(substr(issued_on, 1, 4) AS INTEGER)) FROM plans WHERE issued_on IS NOT NULL"
    ).fetchone()
    return int(row[0]) if row and row[0] else None


def list_versions(db: sqlite_utils.Database, *, plan_id: PlanId) -> list[VersionRow]:
    """Return a plan's versions, oldest first, with their measure counts and which one is current."""
    rows = db.execute(
        """SELECT v.id, v.version_no, v.source_name, v.imported_at,
                  (SELECT COUNT(*) FROM measure_revisions r WHERE r.version_id = v.id) AS measures,
                  v.id = p.current_version_id AS current
           FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.plan_id = ? ORDER BY v.version_no""",
        [plan_id],
    ).fetchall()
    return [
        VersionRow(
            VersionId(r["id"]),
            r["version_no"],
            r["source_name"],
            r["imported_at"],
            r["measures"],
            bool(r["current"]),
        )
        for r in rows
    ]


def find_plan(db: sqlite_utils.Database, plan: Plan) -> PlanId | None:
    """Return the id of the stored plan a parsed plan is a version of: same key, else same title."""
    for sql, value in (
        ("SELECT id FROM plans WHERE key = ?", plan_key(plan)),
        ("SELECT id FROM plans WHERE title = ? ORDER BY id LIMIT 1", plan.title),
    ):
        row = db.execute(sql, [value]).fetchone()
        if row:
            return PlanId(int(row[0]))
    return None
