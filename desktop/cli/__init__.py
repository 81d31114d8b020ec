"""The `luoshi` command line over the same services as the window.

Each command is one module `cmd_<name>.py` with `register(sub)`, which adds its parser and sets
`func` to the function that runs it; the function opens the database itself when it needs one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop.cli import (
    cmd_backup,
    cmd_board,
    cmd_check,
    cmd_export,
    cmd_import,
    cmd_measure,
    cmd_measures,
    cmd_network,
    cmd_note,
    cmd_office,
    cmd_parse,
    cmd_periods,
    cmd_plan,
    cmd_plans,
    cmd_profile,
    cmd_returns,
    cmd_search,
    cmd_units,
)
from desktop.cli.output import complain_error
from desktop.domain.errors import LuoshiError

EXIT_BAD_INPUT = 2
COMMANDS = (
    cmd_parse,
    cmd_import,
    cmd_plans,
    cmd_measures,
    cmd_measure,
    cmd_units,
    cmd_profile,
    cmd_note,
    cmd_periods,
    cmd_search,
    cmd_export,
    cmd_check,
    cmd_plan,
    cmd_returns,
    cmd_board,
    cmd_backup,
    cmd_office,
    cmd_network,
)


def parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    top = argparse.ArgumentParser(prog="luoshi", description="落实：实施方案任务落实台账（离线）")
    top.add_argument("--db", help="数据库文件路径（默认：环境变量 LUOSHI_DB 或用户数据目录）")
    sub = top.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; known failures print a Chinese message and exit 2."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except LuoshiError as error:
        complain_error(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
