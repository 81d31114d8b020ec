"""`luoshi plans [--archive PLAN | --restore PLAN] [--json]`: the stored plans, their ids and 文号."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, with_workspace
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("plans", help="列出数据库中的方案（编号、发文字号、措施数）；归档或恢复方案")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--archive", metavar="PLAN", help="归档一个已完成的方案（编号或发文字号）")
    action.add_argument("--restore", metavar="PLAN", help="恢复一个已归档的方案")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_workspace(run))


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """List the plans, or archive / restore one."""
    for value, archived, key in (
        (args.archive, True, "plan_archived"),
        (args.restore, False, "plan_restored"),
    ):
        if value is not None:
            plan = plan_service.resolve_plan(ws, value)
            plan_service.set_archived(ws, plan.id, archived)
            say(TEXT[key].format(plan=plan_service.describe(plan)))
            return 0
    plans = plan_service.list_plans(ws)
    if args.json:
        say_json([
            {"id": p.id, "title": p.title, "doc_number": p.doc_number, "issued_on": p.issued_on,
             "version": p.version_no, "measures": p.measure_count, "archived": p.archived}
            for p in plans
        ])  # fmt: skip
        return 0
    if not plans:
        say(TEXT["no_plans"])
    for p in plans:
        say(TEXT["plan_line"].format(
            id=p.id, title=p.title, number=p.doc_number or "—", count=p.measure_count,
            archived=TEXT["archived_mark"] if p.archived else "",
        ))  # fmt: skip
    return 0
