"""`luoshi connect FILE`, `pull [--yes]`, `send --plan P --period X`, `sent`: a unit and the office server."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.messages import SENT_KINDS, TEXT
from desktop.cli.output import complain, say, workspace
from desktop.services import imports, network, pulling, sending, sent_log
from desktop.services import periods as period_service
from desktop.services.imports import ImportReview

EXIT_NOT_APPLIED = 3  # plans arrived and wait for review (as `import --review`)
EXIT_QUEUED = 5  # the send waits in the outbox: the server did not answer


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands."""
    p = sub.add_parser("connect", help="导入协调单位发来的接入文件，联网报送")
    p.add_argument("file")
    p.set_defaults(func=_connect)
    p = sub.add_parser("pull", help="从服务器接收协调单位发布的方案和修订")
    p.add_argument("--yes", action="store_true", help="不询问，直接导入收到的方案（同 import --yes）")
    p.set_defaults(func=_pull)
    p = sub.add_parser("send", help="把本单位某方案某期的进展报送到服务器")
    p.add_argument("--plan", help="方案编号或发文字号（只有一个方案时可省略）")
    p.add_argument("--period", required=True)
    p.add_argument("--date", help="今天的日期（默认：今天）")
    p.set_defaults(func=_send)
    p = sub.add_parser("sent", help="报送记录：报告、台账、回执和联网报送")
    p.set_defaults(func=_sent)


def _connect(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        connection = network.connect_unit(ws, Path(args.file))
    store = TEXT["store_keyring"] if connection.password_store == "keyring" else TEXT["store_file"]
    say(TEXT["connected"].format(where=connection.endpoint.label, unit=connection.unit, store=store))
    return 0


def _describe(prepared: ImportReview) -> str:
    review = prepared.review
    if prepared.seen_before:
        kind = TEXT["pull_same"]
    elif review is None:
        kind = TEXT["pull_new"]
    else:
        kind = TEXT["pull_revision"].format(
            added=len(review.added), changed=len(review.changed), removed=len(review.removed)
        )
    return TEXT["pull_arrived"].format(
        title=prepared.plan.title, kind=kind, count=len(prepared.plan.measures)
    )


def _pull(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        arrived = pulling.pull(ws)
        if not arrived:
            say(TEXT["pull_none"])
            return 0
        for prepared in arrived:
            say(_describe(prepared))
            if args.yes:
                saved = imports.apply_prepared(ws, prepared).saved
                key = "imported" if saved.created else "unchanged"
                say(
                    TEXT[key].format(
                        title=prepared.plan.title, count=saved.measure_count, version=saved.version_no
                    )
                )
    if not args.yes:
        say(TEXT["pull_ask"])
        return EXIT_NOT_APPLIED
    return 0


def _send(args: argparse.Namespace) -> int:
    period = period_service.require_period(args.period)
    today = date.fromisoformat(args.date) if args.date else date.today()
    with workspace(args) as ws:
        for earlier in sending.deliver_waiting(ws):
            if earlier.delivered:
                say(
                    TEXT["outbox_sent"].format(
                        id=earlier.outgoing.return_id, time=earlier.outgoing.receipt_time
                    )
                )
        outcome = sending.send(ws, plan=args.plan, period=period, today=today)
        title = str(outcome.outgoing.content["meta"]["plans"])  # type: ignore[index]
    item = outcome.outgoing
    if not outcome.delivered:
        complain(TEXT["queued"].format(count=item.row_count, reason=outcome.error))
        return EXIT_QUEUED
    say(TEXT["sent"].format(
        title=title, period=period.label, count=item.row_count, id=item.return_id,
        time=item.receipt_time, hash=item.content_hash[:16],
    ))  # fmt: skip
    return 0


def _sent(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        records = sent_log.sent_records(ws)
        waiting = {w.return_id for w in sending.waiting(ws)}
    if not records:
        say(TEXT["sent_empty"])
    for r in records:
        say(TEXT["sent_line"].format(
            time=r.sent_at, kind=SENT_KINDS.get(r.kind, r.kind), period=r.period, name=r.file_name,
            to=r.recipient or "—", notes=r.notes,
            state=TEXT["sent_waiting"] if r.return_id in waiting else "",
        ))  # fmt: skip
    return 0
