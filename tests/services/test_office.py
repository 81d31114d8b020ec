"""The coordinating office end to end, on a generated province (tests/province.py): revise, distribute,
collect returns (ours, edited by hand, old-style, hostile, missing), the board and the merged submission."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period, parse_period
from desktop.domain.errors import ErrorCode
from desktop.domain.reporting.ledger import COLUMNS, FIRST_DATA_ROW, META_SHEET, SHEET
from desktop.domain.reporting.report import ReportOptions, date_text
from desktop.domain.reporting.returns import MAX_FIELD
from desktop.domain.terms import Status
from desktop.services import board as board_service
from desktop.services import imports, revisions, tasklists
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import returns as return_service
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from tests.province import (
    UNITS,
    Province,
    plan_text,
    progress_text,
    province,
    write_return,
)
from tests.province import (
    unit_measures as _unit_measures,
)

Q1, Q2 = parse_period("2026Q1"), parse_period("2026Q2")
TODAY = date(2026, 7, 6)
OFFICE = "自治区发展改革委"


def _col(name: str) -> int:
    """The sheet column (from 1) of a ledger heading."""
    return COLUMNS.index(name) + 1


def _period(p: Period | None) -> Period:
    assert p is not None
    return p


@pytest.fixture(scope="module")
def generated() -> Province:
    return province()


@pytest.fixture
def office(tmp_path: Path, generated: Province) -> Workspace:
    (tmp_path / "v1.txt").write_text(plan_text(generated.old), encoding="utf-8")
    ws = Workspace(tmp_path / "office.db")
    imports.import_file(ws, path=tmp_path / "v1.txt")
    unit_service.set_profile(ws, unit=OFFICE)
    yield ws
    ws.close()


def _keys(generated: Province) -> dict[str, int]:
    """Map each measure text of the first version to the generator's key."""
    return {m.text: m.key for m in generated.old}


def test_review_finds_exactly_the_planted_changes_and_keeps_every_note(
    office: Workspace, generated: Province, tmp_path: Path
) -> None:
    q1 = _period(Q1)
    folder = tmp_path / "q1"
    folder.mkdir()
    for unit in UNITS:
        write_return(office, unit, q1, folder / f"{unit}.xlsx")
    outcomes = return_service.import_returns(office, [folder], period=q1)
    assert all(o.ok for o in outcomes) and len(outcomes) == 40
    notes_before = office.db.execute("SELECT id, measure_id, progress FROM notes ORDER BY id").fetchall()

    (tmp_path / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
    prepared = imports.prepare(office, path=tmp_path / "v2.txt")
    review = prepared.review
    assert review is not None and prepared.needs_review
    keys = {s.measure_id: _keys(generated)[s.measure.text] for s in prepared.stored}
    assert {keys[i] for i in review.removed} == generated.removed
    assert {generated.new[i].key for i in review.added} == generated.added
    assert {keys[m.measure_id] for m in review.changed} == generated.reworded | generated.units_changed
    assert {keys[m.measure_id] for m in review.changed if "text" in m.changes} == generated.reworded
    assert {keys[m.measure_id] for m in review.changed if "units" in m.changes} == generated.units_changed
    assert all(generated.new[m.new_index].key == keys[m.measure_id] for m in review.matches)

    saved = imports.apply(office, prepared)
    assert saved.version_no == 2 and saved.measure_count == 122
    notes_after = office.db.execute("SELECT id, measure_id, progress FROM notes ORDER BY id").fetchall()
    assert notes_after == notes_before  # every note still on its measure
    archived = {r[0] for r in office.db.execute("SELECT id FROM measures WHERE archived_at IS NOT NULL")}
    assert archived == set(review.removed)
    # the previous version stays viewable, removed measures included
    versions = revisions.versions(office, saved.plan_id)
    assert [v.measure_count for v in versions] == [120, 122] and versions[1].current
    first = revisions.version_measures(office, saved.plan_id, versions[0].id)
    assert [m.text for m in first] == [m.text for m in generated.old]


def test_a_clerk_corrects_a_match_before_applying(
    office: Workspace, generated: Province, tmp_path: Path
) -> None:
    (tmp_path / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
    prepared = imports.prepare(office, path=tmp_path / "v2.txt")
    assert prepared.review is not None
    added = prepared.review.added[0]
    victim = prepared.review.removed[0]
    fixed = prepared.corrected(added, victim)  # "this new measure continues that removed one"
    assert fixed.review is not None
    assert added not in fixed.review.added and victim not in fixed.review.removed
    assert fixed.review.match_for(added) is not None
    imports.apply(office, fixed)
    row = office.db.execute("SELECT archived_at FROM measures WHERE id = ?", [victim]).fetchone()
    assert row[0] is None


def test_task_list_round_trip_keeps_ids(office: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "任务清单.xlsx"
    unit = UNITS[3]
    count = tasklists.export_tasklist(office, out=out, today=TODAY, unit=unit)
    assert count == len(_unit_measures(office, unit))
    book = openpyxl.load_workbook(out)
    assert book[META_SHEET].sheet_state == "hidden"
    with Workspace(tmp_path / "unit.db") as clerk:
        imports.import_file(clerk, path=out)
        from desktop.storage import plans as plan_store

        mine = {s.uid: s.measure.text for s in plan_store.current_measures(clerk.db)}
        theirs = {s.uid: s.measure.text for s in _unit_measures(office, unit)}
        assert mine == theirs
        # the clerk writes notes and sends the ledger up: the office matches it by id
        unit_service.set_profile(clerk, unit=unit)
        from desktop.domain.terms import Scope
        from desktop.services import reports as report_service

        q1 = _period(Q1)
        for s in plan_store.current_measures(clerk.db):
            note_service.save_note(
                clerk,
                note_service.key_for(clerk, s.measure_id, q1),
                NoteFields(progress=f"进展{s.measure.label}"),
            )
        ledger = tmp_path / "回执.xlsx"
        report_service.export_ledger(clerk, period=q1, scope=Scope.MINE, out=ledger, today=TODAY)
    outcome = return_service.import_return(office, ledger, period=q1)
    assert outcome.ok and outcome.unit == unit and outcome.rows == count and not outcome.warnings


def test_hand_edited_old_style_hostile_and_missing_returns(office: Workspace, tmp_path: Path) -> None:
    q2 = _period(Q2)
    folder = tmp_path / "q2"
    folder.mkdir()
    missing = UNITS[17]
    for unit in UNITS:
        if unit != missing:
            write_return(office, unit, q2, folder / f"{unit}.xlsx")
    # edited in Excel/WPS by a person: a cell rewritten, a synonym status, two rows swapped
    edited = folder / f"{UNITS[0]}.xlsx"
    book = openpyxl.load_workbook(edited)
    sheet = book[SHEET]
    sheet.cell(FIRST_DATA_ROW, _col("进展情况")).value = "人工修改后的进展。"
    sheet.cell(FIRST_DATA_ROW, _col("完成状态")).value = "正在推进"
    a, b = FIRST_DATA_ROW + 1, FIRST_DATA_ROW + 2
    for col in range(1, len(COLUMNS) + 1):
        sheet.cell(a, col).value, sheet.cell(b, col).value = (
            sheet.cell(b, col).value,
            sheet.cell(a, col).value,
        )
    book.save(edited)
    # old style: no hidden sheet, matched by 序号 and text
    old_style = folder / f"{UNITS[1]}.xlsx"
    book = openpyxl.load_workbook(old_style)
    del book[META_SHEET]
    book.save(old_style)
    # hostile but from a real unit: formula text and a 1 MB cell
    write_return(office, UNITS[2], q2, folder / f"{UNITS[2]}.xlsx", hostile='=HYPERLINK("http://x","点我")')
    book = openpyxl.load_workbook(folder / f"{UNITS[2]}.xlsx")
    book[SHEET].cell(FIRST_DATA_ROW, _col("存在问题")).value = "很长" * 500_000
    book.save(folder / f"{UNITS[2]}.xlsx")
    # hostile and from a unit the plan does not name: refused
    write_return(office, UNITS[5], q2, folder / "冒名.xlsx")
    book = openpyxl.load_workbook(folder / "冒名.xlsx")
    book[META_SHEET]["B5"] = "自治区不存在厅"
    book.save(folder / "冒名.xlsx")
    before = office.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]

    outcomes = {o.path.name: o for o in return_service.import_returns(office, [folder], period=q2)}
    refused = outcomes.pop("冒名.xlsx")
    assert not refused.ok and refused.error is not None and refused.error.code is ErrorCode.WRONG_UNIT
    assert all(o.ok for o in outcomes.values()), [o.error for o in outcomes.values() if not o.ok]
    assert len(office.db.execute("SELECT * FROM returns WHERE period = '2026Q2'").fetchall()) == 39
    assert office.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] > before

    def note(unit: str, label: str) -> NoteFields:
        measure = measure_service.find_measure(office, label)
        found = note_service.get_note(office, note_service.NoteKey(measure.measure_id, q2, unit))
        assert found is not None
        return found.fields

    first = _unit_measures(office, UNITS[0])
    assert note(UNITS[0], first[0].measure.label).progress == "人工修改后的进展。"
    assert note(UNITS[0], first[0].measure.label).status is Status.IN_PROGRESS
    for s in first[1:3]:  # swapped rows still land on their own measures
        assert note(UNITS[0], s.measure.label).progress == progress_text(UNITS[0], q2, s.measure.label)
    for s in _unit_measures(office, UNITS[1]):
        assert note(UNITS[1], s.measure.label).progress == progress_text(UNITS[1], q2, s.measure.label)
    third = _unit_measures(office, UNITS[2])[0].measure.label
    assert note(UNITS[2], third).progress.startswith("=HYPERLINK")
    assert len(note(UNITS[2], third).problems) == MAX_FIELD
    assert outcomes[f"{UNITS[2]}.xlsx"].warnings

    board = board_service.load_board(office, q2)
    assert board.missing == [missing]
    assert len(board.units) == 40
    text = board_service.reminder(office, board, today=TODAY)
    assert missing in text and q2.label in text and date_text(TODAY) in text

    # the merged report and ledger carry every unit's text (the formula as text, never a formula)
    report, ledger = tmp_path / "汇总.docx", tmp_path / "汇总.xlsx"
    steps: list[tuple[int, str]] = []
    board_service.export_summary(
        office,
        period=q2,
        report_out=report,
        ledger_out=ledger,
        options=ReportOptions(),
        today=TODAY,
        progress=lambda step, what: steps.append((step, what)),
    )
    assert steps == [(0, "reading"), (1, "report"), (2, "ledger")]  # the window's bar moves with them
    body = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    cells = [
        str(c.value)
        for row in openpyxl.load_workbook(ledger)[SHEET].iter_rows(min_row=FIRST_DATA_ROW)
        for c in row
        if c.value
    ]
    merged = "\n".join(cells)
    for unit in UNITS:
        if unit in (missing, UNITS[0], UNITS[2]):
            continue
        s = _unit_measures(office, unit)[-1]
        assert progress_text(unit, q2, s.measure.label) in body
        assert progress_text(unit, q2, s.measure.label) in merged
    assert f"{missing}（" in body and "未报送" in body
    sheet = openpyxl.load_workbook(ledger)[SHEET]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_second_return_replaces_after_confirmation_and_both_stay(office: Workspace, tmp_path: Path) -> None:
    q1 = _period(Q1)
    unit = UNITS[4]
    write_return(office, unit, q1, tmp_path / "a.xlsx")
    assert return_service.import_return(office, tmp_path / "a.xlsx", period=q1).ok
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    book[SHEET].cell(FIRST_DATA_ROW, _col("进展情况")).value = "第二次报送的进展。"
    book.save(tmp_path / "b.xlsx")
    state = office.db.execute("SELECT * FROM notes ORDER BY id").fetchall()
    with pytest.raises(Exception) as declined:
        return_service.import_return(office, tmp_path / "b.xlsx", period=q1, confirm=lambda u, r: False)
    assert getattr(declined.value, "code", None) is ErrorCode.RETURN_DECLINED
    assert office.db.execute("SELECT * FROM notes ORDER BY id").fetchall() == state
    asked = []
    outcome = return_service.import_return(
        office, tmp_path / "b.xlsx", period=q1, confirm=lambda u, r: asked.append((u, r.source_name)) or True
    )
    assert outcome.ok and outcome.replaced and asked == [(unit, "a.xlsx")]
    history = return_service.history(office, unit=unit, period=q1)
    assert [h.source_name for h in history] == ["b.xlsx", "a.xlsx"] and history[1].replaced_by == history[
        0
    ].return_id
    label = _unit_measures(office, unit)[0].measure.label
    key = note_service.NoteKey(measure_service.find_measure(office, label).measure_id, q1, unit)
    assert note_service.get_note(office, key).fields.progress == "第二次报送的进展。"  # type: ignore[union-attr]
    assert len(note_service.history(office, key)) == 2  # the first return's text is in the history


@pytest.mark.parametrize(
    ("change", "code"),
    [("period", ErrorCode.PERIOD_MISMATCH), ("plans", ErrorCode.PLAN_MISMATCH)],
)
def test_mismatched_returns_are_refused_and_change_nothing(
    office: Workspace, tmp_path: Path, change: str, code: ErrorCode
) -> None:
    path = tmp_path / "r.xlsx"
    write_return(office, UNITS[6], _period(Q1), path)
    book = openpyxl.load_workbook(path)
    facts = {row[0].value: row[1] for row in book[META_SHEET].iter_rows(max_row=12) if row[0].value}
    facts[change].value = "2026Q2" if change == "period" else "另一个方案"
    book.save(path)
    state = office.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
    outcome = return_service.import_returns(office, [path], period=_period(Q1))[0]
    assert not outcome.ok and outcome.error is not None and outcome.error.code is code
    assert office.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == state
    assert office.db.execute("SELECT COUNT(*) FROM returns").fetchone()[0] == 0


@pytest.mark.slow
@pytest.mark.parametrize("sealed", [True, False])
def test_the_summary_with_every_option_passes_the_check_as_rendered(
    office: Workspace, tmp_path: Path, sealed: bool
) -> None:
    from desktop.services.format_check import check_file, office_available

    q1 = _period(Q1)
    for unit in UNITS[:6]:
        write_return(office, unit, q1, tmp_path / f"{unit}.xlsx")
        assert return_service.import_return(office, tmp_path / f"{unit}.xlsx", period=q1).ok
    options = ReportOptions(
        addressee="自治区人民政府",
        letterhead=True,
        colophon=True,
        doc_number="内营商办〔2026〕7号",
        signer="李四",
        organ="内蒙古自治区优化营商环境工作领导小组办公室",
        copy_to="自治区人民政府办公厅，自治区党委办公厅，自治区人大常委会办公厅，自治区政协办公厅",
        printer="内蒙古自治区优化营商环境工作领导小组办公室秘书处",
        sealed=sealed,
    )
    report = tmp_path / "汇总.docx"
    board_service.export_summary(
        office, period=q1, report_out=report, ledger_out=None, options=options, today=TODAY
    )
    body = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "内营商办〔2026〕7号" in body and "李四" in body and "抄送：自治区人民政府办公厅" in body
    result = check_file(report)
    assert office_available() and result.rendered
    assert [f.text() for f in result.findings] == []
