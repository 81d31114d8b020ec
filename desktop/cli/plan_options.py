"""`--plan` on every command that names a measure or reports on a plan: which plan, never guessed."""

from __future__ import annotations

import argparse

from desktop.domain.ids import PlanId
from desktop.services import plans as plan_service
from desktop.services.workspace import Workspace

EVERY_PLAN = ("all", "全部")


def add_plan_option(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    """Add `--plan` (repeatable with `many`; 'all' names every plan in use) to `parser`."""
    if many:
        parser.add_argument(
            "--plan",
            action="append",
            metavar="PLAN",
            help="方案编号或发文字号（luoshi plans 可列出）；可写多次合并为一份，写 all 表示全部在用方案；"
            "只有一个在用方案时可省略",
        )
    else:
        parser.add_argument(
            "--plan",
            metavar="PLAN",
            help="方案编号或发文字号（luoshi plans 可列出）；只有一个在用方案时可省略",
        )


def chosen_plan(ws: Workspace, args: argparse.Namespace) -> PlanId:
    """Return the id of the plan `--plan` names (the only one in use when absent)."""
    return plan_service.resolve_plan(ws, getattr(args, "plan", None)).id


def chosen_plans(ws: Workspace, args: argparse.Namespace) -> list[int]:
    """Return the ids of the plans a repeatable `--plan` names; 'all' for every plan in use."""
    values: list[str] = getattr(args, "plan", None) or []
    if any(v.strip().lower() in EVERY_PLAN for v in values):
        return [p.id for p in plan_service.list_plans(ws, archived=False)]
    if not values:
        return [plan_service.resolve_plan(ws, None).id]
    return list(dict.fromkeys(plan_service.resolve_plan(ws, v).id for v in values))
