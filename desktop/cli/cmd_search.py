"""`luoshi search WORD…`: measures whose text or notes hold every word."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, with_workspace
from desktop.cli.render import measure_line
from desktop.services import measures as measure_service
from desktop.services import search as search_service
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("search", help="在措施原文和进展中搜索")
    p.add_argument("text", nargs="+")
    p.set_defaults(func=with_workspace(run))


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """Search."""
    hits = search_service.search(ws, " ".join(args.text))
    views = [v for v in measure_service.list_measures(ws) if v.stored.measure_id in hits]
    if not views:
        say(TEXT["no_hits"])
    for view in views:
        say(measure_line(view.stored.measure))
    return 0
