"""`luoshi import FILE… [--review] [--yes]`: store plan files.

--review lists doubts and stops (exit 3); a file that names no unit anywhere is not imported without
--yes (exit 4).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.guided_options import add_guided_options, guided_plan
from desktop.cli.messages import TEXT
from desktop.cli.output import complain, complain_error, page_progress, say, workspace
from desktop.domain.errors import LuoshiError
from desktop.domain.models import Measure
from desktop.domain.parsing.doubts import describe
from desktop.services import imports

EXIT_BAD_INPUT = 2
EXIT_DOUBTS = 3
EXIT_NOT_A_PLAN = 4  # a file whose numbered items name no unit at all; --yes imports it anyway


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("import", help="把方案文件导入数据库")
    p.add_argument("files", nargs="+")
    p.add_argument("--review", action="store_true", help="列出需要核对的措施；有疑点时不导入，退出码 3")
    p.add_argument("--yes", action="store_true", help="不询问，按解析结果直接导入")
    add_guided_options(p)
    p.set_defaults(func=run)


def doubt_lines(measures: list[Measure]) -> list[str]:
    """Return one line per doubt of each doubtful measure."""
    return [
        TEXT["doubt_line"].format(seq=m.seq, label=m.label, text=describe(d))
        for m in measures
        for d in m.doubts
    ]


def run(args: argparse.Namespace) -> int:
    """Import each file in turn; a bad file is reported and skipped, the others go on."""
    failed = doubtful = not_plans = 0
    with workspace(args) as ws:
        for name in args.files:
            try:
                prepared = imports.prepare(
                    ws,
                    path=Path(name),
                    progress=page_progress(Path(name).name),
                    plan=guided_plan(args, Path(name)),
                )
                if prepared.plan.names_no_unit and not prepared.seen_before and not args.yes:
                    complain(
                        TEXT["not_a_plan"].format(name=Path(name).name, count=len(prepared.plan.measures))
                    )
                    not_plans += 1
                    continue
                doubts = prepared.doubtful if not prepared.seen_before else []
                if doubts and (args.review or not args.yes):
                    say(TEXT["doubts_head"].format(name=Path(name).name, count=len(doubts)))
                    for line in doubt_lines(doubts):
                        say(line)
                if doubts and args.review and not args.yes:
                    doubtful += 1
                    say(TEXT["doubts_not_applied"])
                    continue
                outcome = imports.apply_prepared(ws, prepared)
            except LuoshiError as error:
                complain_error(error)
                failed += 1
                continue
            key = "imported" if outcome.saved.created else "unchanged"
            saved = outcome.saved
            say(
                TEXT[key].format(
                    title=outcome.plan.title, count=saved.measure_count, version=saved.version_no
                )
            )
    if failed:
        return EXIT_BAD_INPUT
    if not_plans:
        return EXIT_NOT_A_PLAN
    return EXIT_DOUBTS if doubtful else 0
