"""`luoshi measures [--unit U] [--category C] [--unconfirmed] [--json]`: the stored measures, all or a unit's."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, workspace
from desktop.cli.render import measure_json, measure_line
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.services import measures as measure_service
from desktop.services.notes import my_unit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("measures", help="列出措施")
    p.add_argument("--unit", help="只列出分配给该单位的措施")
    p.add_argument("--category", action="append", help="该单位所属的通配类别（可重复）")
    p.add_argument(
        "--unconfirmed", action="store_true", help="只列出按通配类别分配、尚待确认的任务（默认本单位）"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """List the measures (with how each is assigned when a unit is given)."""
    with workspace(args) as ws:
        unit = args.unit
        if args.unconfirmed and unit is None:
            unit = my_unit(ws)
            if not unit:
                raise LuoshiError(ErrorCode.NO_UNIT)
        views = measure_service.list_measures(ws, unit=unit, categories=args.category)
    if args.unconfirmed:
        views = [v for v in views if v.unconfirmed]
    if args.json:
        say_json([measure_json(v.stored.measure, v.assignment, v.claim) for v in views])
    elif not views and args.unconfirmed:
        say(TEXT["no_unconfirmed"])
    elif not views and unit:
        say(TEXT["no_measures_for_unit"].format(unit=unit))
    else:
        for view in views:
            say(measure_line(view.stored.measure, view.assignment, view.claim))
    return 0
