"""`luoshi parse FILE [--json]`: read a plan file and print its measures, without any database."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.guided_options import add_guided_options, guided_plan
from desktop.cli.messages import TEXT
from desktop.cli.output import complain, page_progress, say, say_json
from desktop.cli.render import measure_line, plan_json
from desktop.domain.parsing.doubts import describe
from desktop.services import reading


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("parse", help="解析方案文件并输出措施（不写数据库）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_guided_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the plan's measures, their leaders and doubts."""
    path = Path(args.file)
    plan = guided_plan(args, path) or reading.parse_file(path=path, progress=page_progress(path.name))
    if plan.names_no_unit:
        complain(TEXT["not_a_plan_parse"].format(count=len(plan.measures)))
    if args.json:
        say_json(plan_json(plan))
        return 0
    say(
        TEXT["parsed"].format(
            title=plan.title,
            doc_number=plan.doc_number or "",
            count=len(plan.measures),
            chapters=len(plan.chapters),
        )
    )
    for measure in plan.measures:
        say(measure_line(measure))
        if measure.leaders:
            say("    " + TEXT["leaders"].format(names="、".join(measure.leaders)))
        if measure.doubts:
            say("    " + TEXT["doubts"].format(text="；".join(describe(d) for d in measure.doubts)))
    return 0
