"""`luoshi plan diff OLD NEW` and `luoshi plan versions`: versions of a plan."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, workspace
from desktop.cli.plan_options import add_plan_option
from desktop.domain.models import Plan
from desktop.domain.revision import CHANGE_WORDS, Review, text_diff
from desktop.services import plans as plan_service
from desktop.services import reading, revisions
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("plan", help="方案版本：比较两个版本、查看历史版本")
    plan_sub = p.add_subparsers(dest="plan_command", required=True)
    d = plan_sub.add_parser("diff", help="比较方案的两个文件：新增、修改、删除的措施")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("--json", action="store_true")
    v = plan_sub.add_parser("versions", help="列出数据库中方案的各个版本")
    add_plan_option(v)
    v.add_argument("--show", type=int, metavar="N", help="列出第 N 版的全部措施")
    p.set_defaults(func=run)


def _marked(old: str, new: str) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[s.kind].format(s.text) for s in text_diff(old, new))


def _review_json(review: Review, before: Plan, after: Plan) -> dict[str, object]:
    old = dict(enumerate(before.measures, start=1))
    return {
        "added": [after.measures[i].label for i in review.added],
        "removed": [old[i].label for i in review.removed],
        "changed": [
            {
                "old": old[m.measure_id].label,
                "new": after.measures[m.new_index].label,
                "changes": [c.value for c in m.changes],
                "score": m.score,
            }
            for m in review.changed
        ],
        "renumbered": [
            {"old": old[m.measure_id].label, "new": after.measures[m.new_index].label}
            for m in review.matches
            if m.renumbered and not m.changes
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Compare two plan files (no database), or list the stored versions of a plan."""
    if args.plan_command == "diff":
        before, after, review = reading.diff_files(Path(args.old), Path(args.new))
        old = {i: m for i, m in enumerate(before.measures, start=1)}
        if args.json:
            say_json(_review_json(review, before, after))
            return 0
        say(TEXT["diff_summary"].format(
            added=len(review.added), changed=len(review.changed), removed=len(review.removed),
            renumbered=sum(1 for m in review.matches if m.renumbered and not m.changes),
        ))  # fmt: skip
        for i in review.added:
            say(TEXT["diff_added"].format(label=after.measures[i].label, text=after.measures[i].text))
        for m in review.changed:
            was, now = old[m.measure_id], after.measures[m.new_index]
            words = "、".join(CHANGE_WORDS[c] for c in m.changes)
            say(TEXT["diff_changed"].format(old=was.label, new=now.label, what=words))
            if was.text != now.text:
                say("    " + _marked(was.text, now.text))
        for measure_id in review.removed:
            say(TEXT["diff_removed"].format(label=old[measure_id].label, text=old[measure_id].text))
        return 0
    with workspace(args) as ws:
        return _versions(args, ws)


def _versions(args: argparse.Namespace, ws: Workspace) -> int:
    plan = plan_service.resolve_plan(ws, args.plan)
    for v in revisions.versions(ws, plan.id):
        mark = TEXT["current"] if v.current else ""
        say(TEXT["version_line"].format(**v.__dict__, mark=mark))
        if args.show == v.version_no:
            for measure in revisions.version_measures(ws, plan.id, v.id):
                say(f"    {measure.label}. {measure.text}")
    return 0
