"""Reports and ledgers from a real database: scope, unfilled measures, remembered options, evidence."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.report import Report, ReportOptions, Unfilled
from desktop.domain.terms import Claim, Scope, Status
from desktop.exporters.ledger_xlsx import COLUMNS, FIRST_DATA_ROW, META_SHEET, SHEET
from desktop.services import attachments as attachment_service
from desktop.services import claims as claim_service
from desktop.services import imports
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import reports as report_service
from desktop.services import units as unit_service
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from tests.helpers import id_rows

Q1 = parse_period("2026Q1")
TODAY = date(2026, 4, 3)


def _col(name: str) -> int:
    """The sheet column (from 1) of a ledger heading."""
    return COLUMNS.index(name) + 1


def _fill(ws: Workspace, tmp_path: Path) -> None:
    for ref, status in (("2", Status.IN_PROGRESS), ("4", Status.BEHIND)):
        key = note_service.key_for(ws, measure_service.find_measure(ws, ref).measure_id, Q1)
        note_service.save_note(
            ws,
            key,
            NoteFields(progress=f"措施{ref}的进展。", next_steps="继续推进。", status=status),
            source="test",
        )
    evidence = tmp_path / "调度会纪要.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    attachment_service.attach(
        ws, note_service.key_for(ws, measure_service.find_measure(ws, "2").measure_id, Q1), evidence
    )


def test_unconfirmed_category_tasks_stay_out_until_claimed(ws: Workspace, tmp_path: Path) -> None:
    """自治区发展改革委 is a 行业主管部门: four tasks reach it only by that category."""
    _fill(ws, tmp_path)
    count = lambda r: sum(len(s.entries) for s in r.sections)  # noqa: E731

    def build() -> Report:
        return report_service.build(ws, period=Q1, scope=Scope.MINE, options=ReportOptions(), today=TODAY)

    waiting = claim_service.category_tasks(ws, Q1, today=TODAY, unconfirmed_only=True)
    assert len(waiting) == 4 and count(build()) == 13
    claim_service.answer(ws, {waiting[0].measure_id: Claim.MINE, waiting[1].measure_id: Claim.NOT_MINE})
    assert count(build()) == 14  # the claimed one joins; the declined one stays out
    _, rows = report_service.ledger_rows(ws, period=Q1, scope=Scope.MINE, today=TODAY)
    assert len(rows) == 14
    assert len(claim_service.category_tasks(ws, Q1, today=TODAY, unconfirmed_only=True)) == 2
    claim_service.answer(ws, {waiting[0].measure_id: None})  # back to 待确认
    assert count(build()) == 13


def test_report_scope_and_unfilled(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws, tmp_path)
    mine = report_service.build(
        ws, period=Q1, scope=Scope.MINE, options=ReportOptions(), today=TODAY, include_unconfirmed=True
    )
    lead = report_service.build(ws, period=Q1, scope=Scope.LEAD, options=ReportOptions(), today=TODAY)
    count = lambda r: sum(len(s.entries) for s in r.sections)  # noqa: E731
    assert count(mine) == 17 and count(lead) == 9
    assert "我单位承担的17项任务中，牵头9项、配合8项" in mine.opening
    assert "推进中1项，滞后1项，未填报15项" in mine.opening and "（内政发〔2026〕4号）" in mine.opening
    omitted = report_service.build(
        ws, period=Q1, scope=Scope.MINE, options=ReportOptions(unfilled=Unfilled.OMIT), today=TODAY
    )
    assert count(omitted) == 2
    entry = omitted.sections[0].entries[0]
    assert entry.heading.startswith("2.") and entry.attachments == ("调度会纪要.pdf",)
    assert mine.title == "关于《内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案》落实情况的报告"
    assert mine.organ == "自治区发展改革委" and mine.dated == TODAY
    # a period with no note at all and unfilled tasks left out: no report of nothing
    q2 = parse_period("2026Q2")
    with pytest.raises(LuoshiError) as caught:
        report_service.build(
            ws, period=q2, scope=Scope.MINE, options=ReportOptions(unfilled=Unfilled.OMIT), today=TODAY
        )  # type: ignore[arg-type]
    assert "还没有填写任何进展" in error_text(caught.value)


def test_export_remembers_organ_names(ws: Workspace, tmp_path: Path) -> None:
    options = ReportOptions(
        addressee="自治区人民政府", signer="张三", doc_number="内发改报〔2026〕1号", letterhead=True
    )
    report_service.export_report(
        ws, period=Q1, scope=Scope.MINE, options=options, out=tmp_path / "r.docx", today=TODAY
    )
    saved = report_service.saved_options(ws)
    assert (saved.addressee, saved.signer, saved.letterhead) == ("自治区人民政府", "张三", True)
    assert saved.dated is None and saved.title == ""


def test_ledger_rows_carry_ids_and_evidence(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws, tmp_path)
    out = tmp_path / "台账.xlsx"
    written = report_service.export_ledger(
        ws, period=Q1, scope=Scope.MINE, out=out, today=TODAY, include_unconfirmed=True
    )
    assert written == 17
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    labels = [sheet.cell(FIRST_DATA_ROW + i, 1).value for i in range(17)]
    assert labels[:3] == ["2", "3", "4"]
    assert sheet.cell(FIRST_DATA_ROW, _col("备注")).value == "佐证材料：调度会纪要.pdf"
    assert sheet.cell(FIRST_DATA_ROW + 2, _col("完成状态")).value == "滞后"
    meta = book[META_SHEET]
    ids = [row[1] for row in id_rows(meta)]
    assert ids[0] == measure_service.find_measure(ws, "2").measure_id and len(ids) == 17


def test_nothing_to_export_without_a_unit(db_path: Path, sample_path: Path, tmp_path: Path) -> None:

    with Workspace(db_path) as bare:
        imports.import_file(bare, path=sample_path)
        with pytest.raises(LuoshiError) as caught:
            report_service.export_ledger(
                bare, period=Q1, scope=Scope.MINE, out=tmp_path / "x.xlsx", today=TODAY
            )
    assert caught.value.code is ErrorCode.NOTHING_TO_EXPORT
    assert not (tmp_path / "x.xlsx").exists()


def test_locked_target_leaves_database_and_file_alone(ws: Workspace, tmp_path: Path) -> None:
    _fill(ws, tmp_path)
    out = tmp_path / "报告.docx"
    out.write_bytes(b"previous")
    (tmp_path / "~$报告.docx").write_text("owner")
    ws.close()
    before = hashlib.sha256(ws.path.read_bytes()).hexdigest()
    with Workspace(ws.path) as again, pytest.raises(LuoshiError) as caught:
        report_service.export_report(
            again, period=Q1, scope=Scope.MINE, options=ReportOptions(signer="新"), out=out, today=TODAY
        )
    assert caught.value.code is ErrorCode.TARGET_LOCKED
    assert out.read_bytes() == b"previous"
    assert hashlib.sha256(ws.path.read_bytes()).hexdigest() == before  # options not remembered either


def test_leaders_named_by_the_plan_go_to_the_ledger_remark(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某县重点工作方案\n一、重点任务\n1.推进项目建设。\n责任领导：王五\n牵头单位：县发展改革局\n",
        encoding="utf-8",
    )
    with Workspace(tmp_path / "t.db") as ws:
        imports.import_file(ws, path=plan)
        unit_service.set_profile(ws, unit="县发展改革局")
        _, rows = report_service.ledger_rows(
            ws, period=parse_period("2026Q1"), scope=Scope.ALL, today=date(2026, 3, 1)
        )
    assert rows[0].leads == "县发展改革局" and "责任领导：王五" in rows[0].remark
