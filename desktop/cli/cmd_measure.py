"""`luoshi measure edit|merge|split|add|remove|history|claim|disclaim|short`: corrections and more.

Corrections to the parsed measures, answers for category tasks, and short titles (任务简称).
"""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, with_workspace
from desktop.cli.plan_options import add_plan_option, chosen_plan
from desktop.cli.render import measure_line
from desktop.domain.desk.headings import short_title
from desktop.domain.ids import MeasureId
from desktop.domain.terms import Claim
from desktop.services import claims as claim_service
from desktop.services import corrections as correction_service
from desktop.services import measures as measure_service
from desktop.services import short_titles as title_service
from desktop.services.workspace import Workspace


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [x.strip() for x in value.replace("，", ",").replace("、", ",").split(",") if x.strip()]


_MEASURE_HELP = "方案中的编号（如 3、（一）、1（1））；#12 表示第 12 项（序号）"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command and its subcommands."""
    p = sub.add_parser("measure", help="改正措施：编辑、合并、拆分、新增、删除，查看改动记录")
    measure_sub = p.add_subparsers(dest="measure_command", required=True)
    e = measure_sub.add_parser("edit", help="改正一项措施的内容、责任单位、完成时限或编号")
    e.add_argument("seq", help=_MEASURE_HELP)
    for q in (e, measure_sub.add_parser("add", help="新增解析时漏掉的措施")):
        q.add_argument("--text", help="措施内容")
        q.add_argument("--units", help='责任单位，按顺序用逗号或顿号分隔，如 "A,B"')
        q.add_argument("--lead", action="append", help="牵头单位（可重复；默认第一个单位牵头）")
        q.add_argument("--deadline", help="完成时限，如 2026年6月底前、持续推进")
        q.add_argument("--label", help="方案中的编号，如 （三）5")
    measure_sub.choices["add"].add_argument("--after", help="放在哪一项之后（编号或 #序号；不写则放在最前）")
    m = measure_sub.add_parser("merge", help="把一项措施与下一项合并（两项的进展都保留）")
    m.add_argument("seq", help=_MEASURE_HELP)
    s = measure_sub.add_parser("split", help="在第 N 个字处把一项措施拆成两项（进展留在第一项）")
    s.add_argument("seq", help=_MEASURE_HELP)
    s.add_argument("--at", type=int, required=True, help="拆分位置：从第几个字之后拆开")
    r = measure_sub.add_parser("remove", help="删除不是措施的一项（归档，不真正删除）")
    r.add_argument("seq", help=_MEASURE_HELP)
    h = measure_sub.add_parser("history", help="列出一项措施的改动记录")
    h.add_argument("seq", help=_MEASURE_HELP)
    h.add_argument("--json", action="store_true")
    c = measure_sub.add_parser("claim", help="确认一项按通配类别分配的任务属于本单位")
    c.add_argument("seq", help=_MEASURE_HELP)
    d = measure_sub.add_parser("disclaim", help="确认一项按通配类别分配的任务不属于本单位")
    d.add_argument("seq", help=_MEASURE_HELP)
    t = measure_sub.add_parser("short", help="设置任务简称（用于报告标题和台账；不写或写空则恢复默认）")
    t.add_argument("seq", help=_MEASURE_HELP)
    t.add_argument("title", nargs="?", default="")
    for q in measure_sub.choices.values():
        add_plan_option(q)
    p.set_defaults(func=with_workspace(run))


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """Run one `measure` subcommand on the database."""
    command = args.measure_command
    if command == "add":
        return _add(args, ws)
    stored = measure_service.find_measure(ws, args.seq, plan=args.plan)
    if command == "edit":
        new = correction_service.corrected_measure(
            ws,
            stored,
            text=args.text,
            label=args.label,
            units=_names(args.units),
            leads=args.lead,
            deadline=args.deadline,
        )
        changed = correction_service.edit_measure(ws, stored.measure_id, new)
        fields = "、".join(TEXT[f"field_{f}"] for f in changed) or TEXT["none"]
        say(TEXT["measure_edited"].format(label=new.label, fields=fields))
        say(measure_line(correction_service.stored_measure(ws, stored.measure_id).measure))
    elif command == "merge":
        correction_service.merge_with_next(ws, stored.measure_id)
        say(TEXT["measure_merged"].format(label=stored.measure.label))
    elif command == "split":
        new_id = correction_service.split_measure(ws, stored.measure_id, args.at)
        second = correction_service.stored_measure(ws, new_id).measure
        say(TEXT["measure_split"].format(label=stored.measure.label, new=second.label, seq=second.seq))
    elif command in ("claim", "disclaim"):
        claim = Claim.MINE if command == "claim" else Claim.NOT_MINE
        claim_service.answer(ws, {stored.measure_id: claim})
        say(TEXT[f"measure_{command}ed"].format(label=stored.measure.label or stored.measure.seq))
    elif command == "short":
        stored_title = title_service.set_short_title(ws, measure_id=stored.measure_id, title=args.title)
        shown = short_title(stored.measure.text, stored_title)
        key = "short_title_set" if stored_title else "short_title_default"
        say(TEXT[key].format(label=stored.measure.label or stored.measure.seq, title=shown))
    elif command == "remove":
        correction_service.remove_measure(ws, stored.measure_id)
        say(TEXT["measure_removed"].format(label=stored.measure.label))
    else:
        return _history(args, ws, stored.measure_id)
    return 0


def _add(args: argparse.Namespace, ws: Workspace) -> int:
    after = measure_service.find_measure(ws, args.after, plan=args.plan) if args.after else None
    plan_id = after.plan_id if after else chosen_plan(ws, args)
    measure = correction_service.new_measure(
        ws,
        plan_id=plan_id,
        after=after,
        text=args.text or "",
        label=args.label or "",
        units=_names(args.units),
        leads=args.lead,
        deadline=args.deadline or "",
    )
    new_id = correction_service.add_measure(
        ws, plan_id=plan_id, after_id=after.measure_id if after else None, measure=measure
    )
    added = correction_service.stored_measure(ws, new_id).measure
    say(TEXT["measure_added"].format(label=added.label, seq=added.seq))
    return 0


def _history(args: argparse.Namespace, ws: Workspace, measure_id: MeasureId) -> int:
    records = correction_service.history(ws, measure_id)
    if args.json:
        say_json([r.__dict__ for r in records])
        return 0
    if not records:
        say(TEXT["no_edits"])
    for r in records:
        what = TEXT.get(f"field_{r.field}", "") if r.field else ""
        say(TEXT["edit_line"].format(at=r.edited_at, kind=TEXT[f"edit_{r.kind}"], field=what))
        if r.kind == "edit":
            say(f"    {TEXT['old']}：{_shown(r.old_value)}")
            say(f"    {TEXT['new']}：{_shown(r.new_value)}")
    return 0


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "、".join(str(v[0]) if isinstance(v, list) else str(v) for v in value) or TEXT["none"]
    return str(value)
