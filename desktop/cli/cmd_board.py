"""`luoshi board --period P [--json] [--reminder FILE]`: who has reported, task by task and unit by unit."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.messages import TEXT, error_text
from desktop.cli.output import complain, say, say_json, workspace
from desktop.cli.plan_options import add_plan_option, chosen_plans
from desktop.domain.errors import LuoshiError
from desktop.services import board as board_service
from desktop.services import network, office_server
from desktop.services import periods as period_service


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("board", help="报送情况：各任务各单位的状态、未报送单位")
    p.add_argument("--period", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--reminder", metavar="FILE", help="把催报名单和催报通知写入文本文件")
    p.add_argument("--date", help="今天的日期（默认：今天）")
    add_plan_option(p, many=True)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the missing units and the tallies by chapter; optionally write the 催报 notice."""
    period = period_service.require_period(args.period)
    with workspace(args) as ws:
        if network.has_office(ws):  # the office's server returns join the files imported here
            try:
                received, refused = office_server.receive(ws, period)
                if received and not args.json:
                    say(TEXT["board_received"].format(count=len(received)))
                for problem in refused:
                    complain(error_text(problem))
            except LuoshiError as error:
                complain(TEXT["board_offline"].format(reason=error_text(error)))
        board = board_service.load_board(ws, period, plans=chosen_plans(ws, args))
        if args.reminder:
            today = date.fromisoformat(args.date) if args.date else date.today()
            board_service.export_reminder(ws, board, out=Path(args.reminder), today=today)
    if args.json:
        data = {
            "period": period.code,
            "units": board.units,
            "reported": sorted(board.reported),
            "missing": board.missing,
            "chapters": dict(board.chapters),
            "by_unit": dict(board.by_unit),
            "cells": {m.label: {n.unit: n.state for n in m.notes} for m in board.measures},
        }
        say_json(data)
        return 0
    say(TEXT["board_head"].format(
        period=period.label, units=len(board.units), reported=len(board.units) - len(board.missing),
    ))  # fmt: skip
    say(TEXT["board_missing"].format(units="、".join(board.missing) or TEXT["none"]))
    for name, counts in board.chapters:
        say(f"  {name}：" + "，".join(f"{k}{v}" for k, v in counts.items()))
    return 0
