"""报送: a return sent to the office server (through the outbox, exactly once) and the record of all sent.

A send is written here first, in one transaction with its 报送记录 entry, then delivered; offline it waits
in the outbox and goes with the next send or check. The server's receipt (id, server time, content hash)
is kept beside it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.desk.periods import Period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId, PlanId
from desktop.domain.reporting.returns import content_hash, return_content
from desktop.domain.terms import Scope, SentKind
from desktop.network import unit as server
from desktop.services import network, sent_log
from desktop.services import plans as plan_service
from desktop.services.messages import error_text
from desktop.services.notes import my_unit
from desktop.services.reports import ledger_rows
from desktop.services.workspace import Workspace
from desktop.storage import sending as store
from desktop.storage.sending import Outgoing


@dataclass(frozen=True)
class SendOutcome:
    """A send: its entry in the outbox, and whether the server already holds it."""

    outgoing: Outgoing
    delivered: bool
    error: str = ""


def send(
    ws: Workspace,
    *,
    plan: str | int | None,
    period: Period,
    today: date,
    now: datetime | None = None,
    before_commit: Callable[[], None] | None = None,
) -> SendOutcome:
    """Write the unit's return for a plan and period to the outbox and 报送记录, then try to deliver it."""
    connection = network.require_unit_connection(ws)
    plan_row = plan_service.resolve_plan(ws, plan)
    unit = my_unit(ws) or connection.unit
    meta, rows = ledger_rows(ws, period=period, scope=Scope.MINE, today=today, plans=[plan_row.id])
    content = return_content(meta, rows)
    stamp = now or datetime.now().astimezone()
    item = Outgoing(
        return_id=str(uuid.uuid4()),  # made here: a retry of the same send is the same return
        plan_id=PlanId(plan_row.id),
        period=period.code,
        unit=connection.unit,
        content=content,
        content_hash=content_hash(content),
        row_count=len(rows),
        created_at=stamp.isoformat(timespec="seconds"),
        receipt_time=None,
        last_error="",
    )
    with ws.db.atomic():
        store.queue(ws.db, item)
        store.record(
            ws.db,
            kind=SentKind.NETWORK,
            plan_ids=[plan_row.id],
            period=period.code,
            unit=unit,
            recipient=connection.endpoint.label,
            file_name=plan_row.title,
            file_hash=item.content_hash,
            now=stamp,
            notes=sent_log.sent_notes(ws, period, unit, [MeasureId(r.measure_id) for r in rows]),
            return_id=item.return_id,
        )
    return _deliver(ws, connection, item, before_commit=before_commit)


def _deliver(
    ws: Workspace,
    connection: network.Connection,
    item: Outgoing,
    *,
    before_commit: Callable[[], None] | None = None,
) -> SendOutcome:
    plan = plan_service.resolve_plan(ws, item.plan_id)
    try:
        receipt = server.send(
            connection.endpoint,
            return_id=item.return_id,
            unit=item.unit,
            plan_key=plan.key,
            plan_title=plan.title,
            period=item.period,
            content=item.content,
            content_hash=item.content_hash,
            row_count=item.row_count,
            before_commit=before_commit,
        )
    except LuoshiError as error:
        message = error_text(error)
        store.note_failure(ws.db, item.return_id, message)
        return SendOutcome(item, False, message)
    if receipt.content_hash != item.content_hash:  # the id was taken by other content: never expected
        raise LuoshiError(ErrorCode.NETWORK, kind="receipt_mismatch", value=item.return_id)
    store.confirm(ws.db, item.return_id, server_time=receipt.server_time.isoformat(timespec="seconds"))
    found = store.outgoing(ws.db, item.return_id)
    assert found is not None
    return SendOutcome(found, True)


def deliver_waiting(ws: Workspace) -> list[SendOutcome]:
    """Try every return still in the outbox, oldest first; stop at the first that cannot go."""
    connection = network.unit_connection(ws)
    if connection is None:
        return []
    outcomes = []
    for item in store.waiting(ws.db):
        outcome = _deliver(ws, connection, item)
        outcomes.append(outcome)
        if not outcome.delivered:
            break  # the server does not answer: the rest would fail alike
    return outcomes


def waiting(ws: Workspace) -> list[Outgoing]:
    """Return the returns waiting in the outbox."""
    return store.waiting(ws.db)
