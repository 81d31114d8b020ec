"""`luoshi periods [--json]`: the offered reporting periods, due dates and how many notes are filled."""

from __future__ import annotations

import argparse
from datetime import date

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, with_workspace
from desktop.domain.desk.worklist import Filter, summarize
from desktop.services import periods as period_service
from desktop.services import worklist as worklist_service
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("periods", help="列出报送周期及截止日期")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_workspace(run))


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """List the periods."""
    today = date.today()
    periods, chosen = period_service.offered_periods(ws, today=today)
    schedule = period_service.get_schedule(ws)
    rows = []
    for period in periods:
        items = worklist_service.load_worklist(ws, period, today=today)
        mine = worklist_service.apply_filter(ws, items, Filter())
        summary = summarize(mine)
        rows.append(
            {
                "code": period.code,
                "label": period.label,
                "due": schedule.due(period).isoformat(),
                "current": period == chosen,
                "measures": summary.total,
                "filled": summary.total - summary.unfilled,
            }
        )
    if args.json:
        say_json(rows)
        return 0
    for row in rows:
        mark = "＊" if row["current"] else "  "
        say(
            f"{mark}{row['code']:<8} {row['label']:<12} {TEXT['due']}：{row['due']}  "
            + TEXT["filled"].format(filled=row["filled"], total=row["measures"])
        )
    return 0
