"""Storage's unit directory and notes, directly on a real database file."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.desk.notes import NoteFields
from desktop.domain.models import UnitRef
from desktop.domain.terms import Role, Status
from desktop.importers import read_plan
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store
from desktop.storage import units as unit_store
from desktop.storage.connection import open_database


def test_units_resolve_merge_and_count(db_path: Path, sample_path: Path) -> None:
    db = open_database(db_path)
    plan_store.save_plan(
        db, read_plan(sample_path), source_name="a.txt", source_hash="h", source_format="text"
    )
    rows = {r.name: r for r in unit_store.list_units(db)}
    sifating = rows["自治区司法厅"]
    assert sifating.lead_count >= 1 and not sifating.wildcard
    assert "行业主管部门" in unit_store.categories(db)
    alias = unit_store.ensure(db, UnitRef("司法厅", Role.LEAD))
    assert unit_store.ensure(db, UnitRef("司法厅", Role.SUPPORT)) == alias  # known names are not added twice
    unit_store.merge(db, alias_id=alias, target_id=sifating.id)
    assert unit_store.resolve(db, "司法厅") == sifating.id
    merged = {r.name: r for r in unit_store.list_units(db)}["自治区司法厅"]
    assert merged.aliases == ("司法厅",) and merged.lead_count == sifating.lead_count


def test_notes_save_coalesce_and_keep_revisions(db_path: Path, sample_path: Path) -> None:
    db = open_database(db_path)
    plan_store.save_plan(
        db, read_plan(sample_path), source_name="a.txt", source_hash="h", source_format="text"
    )
    measure_id = plan_store.current_measures(db)[0].measure_id
    start = datetime(2026, 3, 1, 9, 0).astimezone()

    def save(text: str, at: datetime, session: str = "s1") -> note_store.StoredNote:
        return note_store.save_note(
            db, measure_id=measure_id, period="2026Q1", period_end="2026-03-31", unit="甲",
            fields=NoteFields(progress=text, status=Status.IN_PROGRESS), session=session, source="editor",
            now=at, coalesce_seconds=300,
        )  # fmt: skip

    first = save("草稿", start)
    save("草稿二", start + timedelta(seconds=30))  # same session, within 5 minutes: one revision
    save("定稿", start + timedelta(minutes=10))
    save("定稿", start + timedelta(minutes=11))  # unchanged: nothing written
    note = note_store.get_note(db, measure_id=measure_id, period="2026Q1", unit="甲")
    assert note is not None and note.note_id == first.note_id and note.fields.progress == "定稿"
    newest_first = [r.fields.progress for r in note_store.revisions(db, note_id=first.note_id)]
    assert newest_first == ["定稿", "草稿二"]
    assert note_store.notes_of_unit(db, period="2026Q1", unit="甲")[measure_id].progress == "定稿"
