"""`luoshi import-returns PATH… --period P [--replace]`: the units' returns into the office's database."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.messages import TEXT, error_text
from desktop.cli.output import complain, say, workspace
from desktop.services import periods as period_service
from desktop.services import returns as return_service

EXIT_SOME_FAILED = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("import-returns", help="导入各单位报送的台账（文件或文件夹，可多个）")
    p.add_argument("paths", nargs="+")
    p.add_argument("--period", required=True, help="正在汇总的报送周期：2026-03、2026Q1 …")
    p.add_argument(
        "--replace", action="store_true", help="同一单位本期再次报送时替换原回执（原回执留在历史中）"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the returns: exit 0 when every file was imported, 2 when any was refused."""
    period = period_service.require_period(args.period)
    with workspace(args) as ws:
        outcomes = return_service.import_returns(
            ws, [Path(p) for p in args.paths], period=period, confirm=lambda unit, before: bool(args.replace)
        )
    for o in outcomes:
        if o.ok:
            key = "return_replaced" if o.replaced else "return_imported"
            say(TEXT[key].format(name=o.path.name, unit=o.unit, count=o.rows))
            for warning in o.warnings:
                say("    " + warning)
        else:
            assert o.error is not None
            complain(error_text(o.error))
    ok = sum(1 for o in outcomes if o.ok)
    say(TEXT["returns_done"].format(ok=ok, failed=len(outcomes) - ok))
    return 0 if ok == len(outcomes) else EXIT_SOME_FAILED
