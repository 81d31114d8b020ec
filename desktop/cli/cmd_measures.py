"""`luoshi measures [--unit U] [--category C] [--json]`: the stored measures, all or a unit's."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, workspace
from desktop.cli.render import measure_json, measure_line
from desktop.services import measures as measure_service


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("measures", help="列出措施")
    p.add_argument("--unit", help="只列出分配给该单位的措施")
    p.add_argument("--category", action="append", help="该单位所属的通配类别（可重复）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """List the measures (with how each is assigned when a unit is given)."""
    with workspace(args) as ws:
        views = measure_service.list_measures(ws, unit=args.unit, categories=args.category)
    if args.json:
        say_json([measure_json(v.stored.measure, v.assignment) for v in views])
    elif not views and args.unit:
        say(TEXT["no_measures_for_unit"].format(unit=args.unit))
    else:
        for view in views:
            say(measure_line(view.stored.measure, view.assignment))
    return 0
