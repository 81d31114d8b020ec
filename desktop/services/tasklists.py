"""Distributing: the task list (.xlsx) of a plan, for one unit or for all, with the measures' ids hidden."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import FIRST_DATA_ROW, FORMAT_VERSION, TASKLIST_FORMAT
from desktop.domain.reporting.report import chinese_number, clean, date_text
from desktop.domain.terms import Role
from desktop.domain.version import VERSION
from desktop.services import measures as measure_service
from desktop.services import plans as plan_service
from desktop.services.messages import text as words
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store


def export_tasklist(
    ws: Workspace,
    *,
    out: Path,
    today: date,
    plan_id: str | int | None = None,
    unit: str | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Write the task list of a plan (all measures, or the unit's) to `out`; return the number of measures."""
    from desktop.exporters.ledger_xlsx import TASKLIST, Line, Table, write_table  # openpyxl: loaded to write

    plan = plan_service.resolve_plan(ws, plan_id)
    pid = plan.id
    views = measure_service.list_measures(ws, unit=unit, categories=[] if unit else None)
    stored = [v.stored for v in views if v.stored.plan_id == pid]
    if not stored:
        raise LuoshiError(
            ErrorCode.NOTHING_TO_EXPORT, reason="unit_has_none" if unit else "plan_empty", unit=unit or ""
        )
    version = next(v for v in plan_store.list_versions(ws.db, plan_id=pid) if v.current)
    lines: list[Line] = []
    ids: list[tuple[int, int, str, str]] = []
    chapter = None
    chapters = 0
    for s in stored:
        m = s.measure
        if m.chapter != chapter:
            chapter, chapters = m.chapter, chapters + 1
            lines.append(
                Line((f"{chinese_number(chapters)}、{chapter or words('other_chapter')}",), heading=True)
            )
        leads = "、".join(u.name for u in m.units if u.role is Role.LEAD)
        supports = "、".join(u.name for u in m.units if u.role is Role.SUPPORT)
        ids.append((FIRST_DATA_ROW + len(lines), s.measure_id, s.uid, m.label))
        lines.append(Line((m.label, m.chapter, clean(m.text), leads, supports or "—", m.deadline or "")))
    title = words("tasklist_title", title=plan.title) + (words("tasklist_unit", unit=unit) if unit else "")
    number = f"（{plan.doc_number}）" if plan.doc_number else ""
    table = Table(
        layout=TASKLIST,
        title=title,
        subtitle=words(
            "tasklist_subtitle",
            title=plan.title,
            number=number,
            version=version.version_no,
            date=date_text(today),
        ),
        lines=lines,
        facts=[
            ("format", TASKLIST_FORMAT),
            ("format_version", FORMAT_VERSION),
            ("app_version", VERSION),
            ("plan_key", plan.key),
            ("title", plan.title),
            ("doc_number", plan.doc_number or ""),
            ("issued_on", plan.issued_on or ""),
            ("plan_version", version.version_no),
            ("unit", unit or ""),
            ("exported_on", date_text(today)),
        ],
        ids=ids,
        sheet_name=words("tasklist_sheet"),
    )
    write_table(table, out, should_stop=should_stop)
    return len(stored)
