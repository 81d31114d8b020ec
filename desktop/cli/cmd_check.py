"""`luoshi check FILE [--json] [--no-render]`: GB/T 9704-2012 format check of any .docx (0 passes, 1 not)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json
from desktop.services import format_check

EXIT_FINDINGS = 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("check", help="按 GB/T 9704-2012 检查 Word 文件的格式")
    p.add_argument("file")
    p.add_argument("--no-render", action="store_true", help="不用 LibreOffice 测量排版结果")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `check FILE`: exit 0 when the file passes, 1 with findings, 2 when it cannot be read."""
    result = format_check.check_file(Path(args.file), render=not args.no_render)
    if args.json:
        data = {
            "file": str(result.path),
            "passed": result.passed,
            "rendered": result.rendered,
            "pages": result.pages,
            "findings": [
                {
                    "clause": f.clause,
                    "problem": f.problem,
                    "fix": f.fix,
                    "where": f.where,
                    "count": f.count,
                    "stand_in": f.stand_in,  # measured in a face standing in for a missing font
                }
                for f in result.findings
            ],
        }
        say_json(data)
    else:
        for finding in result.faults:
            say(finding.text())
        if result.font_dependent:
            say(TEXT["check_font_dependent"].format(count=len(result.font_dependent)))
            for finding in result.font_dependent:
                say(finding.text())
        say(TEXT["check_passed" if result.passed else "check_failed"].format(count=len(result.faults)))
        if not result.rendered:
            say(TEXT["check_render_skipped" if args.no_render else "check_not_rendered"])
    return 0 if result.passed else EXIT_FINDINGS
