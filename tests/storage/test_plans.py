"""Storing plans: one transaction, idempotent by file hash, stable measure ids across versions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.domain.models import Plan
from desktop.importers import read_plan
from desktop.storage import plans as store
from desktop.storage.connection import open_database


@pytest.fixture
def plan(sample_path: Path) -> Plan:
    return read_plan(sample_path)


def _counts(db: object) -> dict[str, int]:
    tables = ("plans", "plan_versions", "chapters", "measures", "measure_revisions", "units", "measure_units")
    return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}  # type: ignore[attr-defined]


def test_save_and_read_back(db_path: Path, plan: Plan) -> None:
    db = open_database(db_path)
    saved = store.save_plan(db, plan, source_name="a.txt", source_hash="h1", source_format="text")
    assert saved.created and saved.version_no == 1 and saved.measure_count == 34
    stored = store.current_measures(db)
    assert [s.measure for s in stored] == [replace(m, deadlines=()) for m in plan.measures]
    assert len({s.uid for s in stored}) == 34


def test_same_file_twice_changes_nothing(db_path: Path, plan: Plan) -> None:
    db = open_database(db_path)
    store.save_plan(db, plan, source_name="a.txt", source_hash="h1", source_format="text")
    before = _counts(db)
    again = store.save_plan(db, plan, source_name="a.txt", source_hash="h1", source_format="text")
    assert not again.created
    assert _counts(db) == before


def test_new_version_keeps_measure_ids(db_path: Path, plan: Plan) -> None:
    db = open_database(db_path)
    store.save_plan(db, plan, source_name="a.txt", source_hash="h1", source_format="text")
    first = {s.measure.label: s.uid for s in store.current_measures(db)}
    saved = store.save_plan(db, plan, source_name="a.docx", source_hash="h2", source_format="docx")
    assert saved.version_no == 2
    assert {s.measure.label: s.uid for s in store.current_measures(db)} == first
    assert _counts(db)["plan_versions"] == 2


def test_failure_inside_import_rolls_back(db_path: Path, plan: Plan) -> None:
    db = open_database(db_path)
    broken = replace(plan, measures=(*plan.measures, replace(plan.measures[0], text=None)))  # type: ignore[arg-type]
    with pytest.raises(Exception, match="NOT NULL"):
        store.save_plan(db, broken, source_name="b.txt", source_hash="h3", source_format="text")
    assert all(v == 0 for v in _counts(db).values())
