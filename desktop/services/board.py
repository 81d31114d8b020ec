"""The 报送情况 board of a period, the 催报 list, and the merged submission (report and ledger)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from desktop.domain.desk.periods import Period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import LedgerMeta, LedgerRow, ledger_meta, ledger_row
from desktop.domain.reporting.report import Report, ReportOptions
from desktop.domain.reporting.summary import (
    NOT_REPORTED,
    SummaryMeasure,
    UnitNote,
    build_summary,
    by_chapter,
    by_unit,
    reminder_text,
)
from desktop.domain.terms import Role
from desktop.domain.version import VERSION
from desktop.exporters.atomic import write_atomically
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services.messages import text as words
from desktop.services.notes import my_unit
from desktop.services.workspace import Workspace
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store
from desktop.storage import returns as return_store
from desktop.storage import short_titles as title_store

SUMMARY_STEPS = 3  # reading the returns, writing the report, writing the ledger


@dataclass(frozen=True)
class Board:
    """Who reported what for a period: measures × responsible units, the missing units, the tallies."""

    period: Period
    measures: list[SummaryMeasure]
    units: list[str]  # every responsible unit, in the order the plan first names them
    reported: set[str]
    missing: list[str]
    chapters: list[tuple[str, dict[str, int]]]
    by_unit: list[tuple[str, dict[str, int]]]
    plan_refs: str


def _chosen(ws: Workspace, plans: Collection[int] | None) -> list[plan_store.PlanRow]:
    """Return the plans asked for, or every plan in use (not archived)."""
    stored = plan_store.list_plans(ws.db)
    return (
        [p for p in stored if p.id in plans] if plans is not None else [p for p in stored if not p.archived]
    )


def load_board(ws: Workspace, period: Period, *, plans: Collection[int] | None = None) -> Board:
    """Gather the period's returns for `plans` (None: every plan in use) into the board.

    One pass over the period's notes; the units expected are those the chosen plans name.
    """
    chosen = _chosen(ws, plans)
    wanted = {p.id for p in chosen}
    stored = [s for s in plan_store.current_measures(ws.db) if s.plan_id in wanted]
    returns = {r.unit for r in return_store.for_period(ws.db, period=period.code)}
    notes = note_store.notes_of_every_unit(ws.db, period=period.code)
    own = my_unit(ws)
    refs = "、".join(plan_service.plan_label(p.title, p.doc_number) for p in chosen)
    if own and any(unit == own and fields.filled for (_, unit), fields in notes.items()):
        returns.add(own)  # the office's own notes count as its return
    units: dict[str, None] = {}
    measures = []
    titles = title_store.short_titles(ws.db)
    for s in stored:
        named = [u for u in s.measure.units if not u.wildcard]
        named.sort(key=lambda u: u.role is not Role.LEAD)
        unit_notes = []
        for u in dict((u.name, u) for u in named).values():
            units.setdefault(u.name)
            unit_notes.append(UnitNote(u.name, u.role, notes.get((s.measure_id, u.name)), u.name in returns))
        measures.append(
            SummaryMeasure(
                measure_id=s.measure_id,
                uid=s.uid,
                plan_title=s.plan_title,
                chapter=s.measure.chapter,
                label=s.measure.label,
                text=s.measure.text,
                deadline=s.measure.deadline or "",
                notes=tuple(unit_notes),
                short_title=titles.get(s.measure_id, ""),
            )
        )
    expected = list(units)
    return Board(
        period=period,
        measures=measures,
        units=expected,
        reported=returns,
        missing=[u for u in expected if u not in returns],
        chapters=by_chapter(measures),
        by_unit=by_unit(measures),
        plan_refs=refs,
    )


def reminder(ws: Workspace, board: Board, *, today: date) -> str:
    """Return the 催报 notice for the board's missing units ('' when every unit reported)."""
    if not board.missing:
        return ""
    due = period_service.get_schedule(ws).due(board.period)
    organ = my_unit(ws) or words("office_unnamed")
    return reminder_text(
        board.missing, plan_refs=board.plan_refs, period=board.period, due=due, organ=organ, today=today
    )


def export_reminder(ws: Workspace, board: Board, *, out: Path, today: date) -> int:
    """Write the 催报名单 with its notice as a UTF-8 text file (Notepad and WPS open it as is)."""
    text = "\n".join(
        [
            words("reminder_title", period=board.period.label),
            *board.missing,
            "",
            reminder(ws, board, today=today),
        ]
    )
    write_atomically(out, lambda target: target.write_text(text, encoding="utf-8-sig"))
    return len(board.missing)


def summary_report(ws: Workspace, board: Board, *, options: ReportOptions, today: date) -> Report:
    """Return the merged report of the period: each measure with the lead unit first, then the others."""
    if not board.measures:
        raise LuoshiError(ErrorCode.NOTHING_TO_EXPORT, reason="no_plan")
    return build_summary(
        board.measures,
        period=board.period,
        options=options,
        organ=my_unit(ws) or words("office_unnamed"),
        plan_refs=board.plan_refs,
        expected=board.units,
        missing=board.missing,
        today=today,
    )


def summary_rows(ws: Workspace, board: Board, *, today: date) -> tuple[LedgerMeta, list[LedgerRow]]:
    """Return the merged ledger: one row per measure and responsible unit."""
    rows = []
    for m in board.measures:
        leads = tuple(n.unit for n in m.notes if n.role is Role.LEAD)
        supports = tuple(n.unit for n in m.notes if n.role is Role.SUPPORT)
        for n in m.notes or (UnitNote("", Role.LEAD, None, False),):
            row = ledger_row(
                measure_id=m.measure_id,
                uid=m.uid,
                label=m.label,
                text=m.text,
                leads=leads,
                supports=supports,
                deadline=m.deadline,
                note=n.note,
                overdue=False,
                attachments=(),
                short_title=m.short_title,
            )
            remark = NOT_REPORTED if not n.reported else row.remark
            rows.append(replace(row, reporter=n.unit, remark=remark))
    titles = list(dict.fromkeys(m.plan_title for m in board.measures))
    meta = ledger_meta(
        titles, unit=my_unit(ws), period=board.period, app_version=VERSION, today=today, merged=True
    )
    return meta, rows


def export_summary(
    ws: Workspace,
    *,
    period: Period,
    report_out: Path | None,
    ledger_out: Path | None,
    options: ReportOptions,
    today: date,
    plans: Collection[int] | None = None,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> Board:
    """Write the merged report and/or the merged ledger, with the same exporters as a unit's own.

    `progress(step, what)` is told of each of SUMMARY_STEPS steps as it starts.
    """
    say = progress or (lambda _step, _what: None)
    from desktop.exporters.ledger_xlsx import write_ledger  # openpyxl: loaded to write
    from desktop.exporters.report_docx import write_report  # python-docx: loaded to write

    say(0, "reading")
    board = load_board(ws, period, plans=plans)
    if report_out is not None:
        say(1, "report")
        write_report(
            summary_report(ws, board, options=options, today=today), report_out, should_stop=should_stop
        )
    if ledger_out is not None:
        say(2, "ledger")
        meta, rows = summary_rows(ws, board, today=today)
        write_ledger(meta, rows, ledger_out, merged=True, should_stop=should_stop)
    return board
