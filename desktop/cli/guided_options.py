"""--columns and --numbering, shared by `luoshi import` and `luoshi parse`.

They read a file the parser could not: the columns of its table named, or the numbering that starts a
measure chosen.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.domain.models import Plan
from desktop.services import guided


def add_guided_options(parser: argparse.ArgumentParser) -> None:
    """Add --columns and --numbering to a command."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--columns",
        metavar="角色=列号,…",
        help="按列读取表格，列号从 1 数起，如 任务=2,牵头单位=3,责任单位=4,完成时限=5；"
        f"角色可用：{'、'.join(guided.ROLE_NAMES)}",
    )
    group.add_argument(
        "--numbering",
        choices=guided.NUMBERING_NAMES,
        help="指定每项措施开头的编号方式",
    )


def guided_plan(args: argparse.Namespace, path: Path) -> Plan | None:
    """Return the plan read the way the options say, or None when neither was given."""
    if args.columns:
        return guided.plan_with_column_spec(guided.material(path), args.columns)
    if args.numbering:
        return guided.plan_with_numbering(guided.material(path), args.numbering)
    return None
