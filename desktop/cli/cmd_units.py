"""`luoshi units [--json]` and `luoshi units merge ALIAS --into NAME`: the unit directory."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, workspace
from desktop.services import units as unit_service


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("units", help="单位目录")
    p.add_argument("--json", action="store_true")
    units_sub = p.add_subparsers(dest="units_command")
    m = units_sub.add_parser("merge", help="把一个名称合并为另一个单位的别名")
    m.add_argument("alias")
    m.add_argument("--into", required=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """List the units, or merge one name into another as its alias."""
    with workspace(args) as ws:
        if args.units_command == "merge":
            unit_service.merge_units(ws, alias=args.alias, into=args.into)
            say(TEXT["merged"].format(alias=args.alias, into=args.into))
            return 0
        rows = unit_service.list_units(ws)
    if args.json:
        say_json([r.__dict__ for r in rows])
        return 0
    for r in rows:
        kind = f"［{TEXT['wildcard']}：{r.category}］" if r.wildcard else ""
        alias = f"（又名：{'、'.join(r.aliases)}）" if r.aliases else ""
        say(f"{r.name}{alias}{kind}  {TEXT['lead']} {r.lead_count}  {TEXT['support']} {r.support_count}")
    return 0
