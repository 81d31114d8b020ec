"""Upward submissions: the GB/T 9704 progress report (.docx) and the 工作台账 (.xlsx) for a period."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from desktop.domain.desk.periods import Period
from desktop.domain.desk.worklist import Filter, WorkItem, confirmed_only
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import LedgerMeta, LedgerRow, ledger_meta, ledger_row
from desktop.domain.reporting.report import Report, ReportMeasure, ReportOptions, Unfilled, build_report
from desktop.domain.terms import Light, Scope, SentKind
from desktop.domain.version import VERSION
from desktop.exporters.words import words
from desktop.services import attachments as attachment_service
from desktop.services import plans as plan_service
from desktop.services import sent_log
from desktop.services import worklist as worklist_service
from desktop.services.notes import NoteKey, my_unit
from desktop.services.workspace import Workspace
from desktop.storage import settings

OPTIONS_KEY = "report.options"
SCOPES = (Scope.LEAD, Scope.MINE)
_REMEMBERED = (
    "addressee",
    "organ",
    "signer",
    "copy_to",
    "printer",
    "letterhead",
    "colophon",
    "sealed",
    "levels",
    "unfilled",
)


SIGNATURE_KEY = "report.signature"
SIGNATURE_FIELDS = (
    "organ",
    "signer",
    "addressee",
    "printer",
)  # set once per unit: 发文机关, 签发人, 主送, 印发机关


def signature(ws: Workspace) -> dict[str, str]:
    """Return the report settings the clerk set once for the unit (发文机关署名, 签发人, 主送机关, 印发机关)."""
    stored = settings.get(ws.db, SIGNATURE_KEY, {}) or {}
    return {k: str(stored.get(k, "")) for k in SIGNATURE_FIELDS}


def set_signature(ws: Workspace, **values: str | None) -> dict[str, str]:
    """Change some of the unit's report settings ('' clears one, None leaves it)."""
    current = signature(ws)
    current.update({k: v.strip() for k, v in values.items() if k in SIGNATURE_FIELDS and v is not None})
    settings.put(ws.db, SIGNATURE_KEY, current)
    return current


def options_from_settings(ws: Workspace, **given: object) -> ReportOptions:
    """Return report options made of the unit's settings and `given` (the command line), nothing else."""
    values: dict[str, object] = {k: v for k, v in signature(ws).items() if v}
    values.update({k: v for k, v in given.items() if v is not None})
    return replace(ReportOptions(), **values)  # type: ignore[arg-type]


def saved_options(ws: Workspace) -> ReportOptions:
    """Return what the window's report dialog starts with: the unit's settings, then what it used last time."""
    stored = settings.get(ws.db, OPTIONS_KEY, {}) or {}
    known = {k: v for k, v in stored.items() if k in _REMEMBERED}
    if "unfilled" in known:
        known["unfilled"] = (
            Unfilled(known["unfilled"]) if known["unfilled"] in set(Unfilled) else Unfilled.LIST
        )
    return replace(options_from_settings(ws), **known)


def remember_options(ws: Workspace, options: ReportOptions) -> None:
    """Keep the organ names and switches for the next report."""
    values = {k: v for k, v in asdict(options).items() if k in _REMEMBERED}
    settings.put(ws.db, OPTIONS_KEY, values)


def _items(
    ws: Workspace,
    period: Period,
    scope: Scope,
    today: date,
    include_unconfirmed: bool = False,
    plans: Collection[int] | None = None,
) -> list[WorkItem]:
    """Return the measures of the report, of `plans` (None: every plan in use).

    Unconfirmed category tasks stay out unless asked for.
    """
    if scope not in SCOPES and scope is not Scope.ALL:
        scope = Scope.MINE
    if not my_unit(ws):
        raise LuoshiError(ErrorCode.NOTHING_TO_EXPORT, reason="no_unit")
    chosen = frozenset(plans) if plans is not None else None
    items = worklist_service.apply_filter(
        ws, worklist_service.load_worklist(ws, period, today=today), Filter(scope=scope, plans=chosen)
    )
    if scope is not Scope.ALL and not include_unconfirmed:
        items = confirmed_only(items)
    if not items:
        raise LuoshiError(ErrorCode.NOTHING_TO_EXPORT, reason="scope_empty", scope=scope.value)
    return items


def _evidence(ws: Workspace, item: WorkItem, period: Period, unit: str) -> tuple[str, ...]:
    key = NoteKey(item.measure_id, period, unit)
    return tuple(row.name for row in attachment_service.list_attachments(ws, key))


def _plan_refs(ws: Workspace, items: list[WorkItem]) -> str:
    titles = dict.fromkeys(item.plan_title for item in items)
    numbers = {p.title: p.doc_number for p in plan_service.list_plans(ws)}
    return "、".join(plan_service.plan_label(t, numbers.get(t)) for t in titles)


def build(
    ws: Workspace,
    *,
    period: Period,
    scope: Scope,
    options: ReportOptions,
    today: date,
    include_unconfirmed: bool = False,
    plans: Collection[int] | None = None,
) -> Report:
    """Return the report's content, as the preview shows it and the .docx carries it."""
    return _report(ws, _items(ws, period, scope, today, include_unconfirmed, plans), period, options, today)


def _report(
    ws: Workspace, items: list[WorkItem], period: Period, options: ReportOptions, today: date
) -> Report:
    unit = my_unit(ws)  # read once, not per measure
    measures = [
        ReportMeasure(
            plan_title=item.plan_title,
            chapter=item.chapter,
            label=item.label,
            text=item.text,
            role=item.role,
            note=item.note,
            attachments=_evidence(ws, item, period, unit),
            short_title=item.short_title,
        )
        for item in items
    ]
    report = build_report(
        measures,
        period=period,
        options=options,
        organ=my_unit(ws),
        plan_refs=_plan_refs(ws, items),
        today=today,
    )
    if not any(section.entries for section in report.sections):  # a report of no task is not written
        raise LuoshiError(ErrorCode.NOTHING_TO_EXPORT, reason="all_unfilled")
    return report


def prepare_writing() -> None:
    """Load what writing a report needs and the window does not: python-docx and the title segmenter.

    About 0.15 s together (rjieba builds its dictionary on import). The window calls this off the UI
    thread when 生成报告 opens, so the report is written without that wait.
    """
    import desktop.exporters.report_docx  # python-docx: loaded to write  # noqa: F401

    words("关于报告")  # the segmenter's dictionary is built at its first title


def export_report(
    ws: Workspace,
    *,
    period: Period,
    scope: Scope,
    options: ReportOptions,
    out: Path,
    today: date,
    include_unconfirmed: bool = False,
    plans: Collection[int] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Report:
    """Write the report to `out` (whole or not at all) and remember the options."""
    from desktop.exporters.report_docx import write_report  # python-docx: loaded to write

    items = _items(ws, period, scope, today, include_unconfirmed, plans)
    report = _report(ws, items, period, options, today)
    write_report(report, out, should_stop=should_stop)
    remember_options(ws, replace(options, title="", dated=None))
    sent_log.record_file(
        ws,
        kind=SentKind.REPORT,
        path=out,
        period=period,
        measure_ids=[i.measure_id for i in items if i.note is not None and not i.note.empty],
        plan_ids=[i.plan_id for i in items],
        recipient=options.addressee,
    )
    return report


def ledger_rows(
    ws: Workspace,
    *,
    period: Period,
    scope: Scope,
    today: date,
    include_unconfirmed: bool = False,
    plans: Collection[int] | None = None,
) -> tuple[LedgerMeta, list[LedgerRow]]:
    """Return the ledger's identity and rows for the period."""
    items = _items(ws, period, scope, today, include_unconfirmed, plans)
    unit = my_unit(ws)  # read once, not per measure
    titles = list(dict.fromkeys(item.plan_title for item in items))
    rows = [
        ledger_row(
            measure_id=item.measure_id,
            uid=item.uid,
            label=item.label,
            text=item.text,
            leads=item.leads,
            supports=item.supports,
            deadline=item.deadline,
            note=item.note,
            overdue=Light.OVERDUE in item.lights,
            attachments=_evidence(ws, item, period, unit),
            leaders=item.leaders,
            short_title=item.short_title,
        )
        for item in items
    ]
    meta = ledger_meta(titles, unit=my_unit(ws), period=period, app_version=VERSION, today=today)
    return meta, rows


def export_ledger(
    ws: Workspace,
    *,
    period: Period,
    scope: Scope,
    out: Path,
    today: date,
    include_unconfirmed: bool = False,
    plans: Collection[int] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Write the ledger to `out` (whole or not at all); return the number of rows."""
    from desktop.exporters.ledger_xlsx import write_ledger  # openpyxl: loaded to write

    meta, rows = ledger_rows(
        ws, period=period, scope=scope, today=today, include_unconfirmed=include_unconfirmed, plans=plans
    )
    write_ledger(meta, rows, out, should_stop=should_stop)
    sent_log.record_file(
        ws,
        kind=SentKind.LEDGER,
        path=out,
        period=period,
        measure_ids=[r.measure_id for r in rows],
        plan_ids=plans if plans is not None else [],
        recipient=saved_options(ws).addressee,
    )
    return len(rows)
