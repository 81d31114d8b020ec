"""The `luoshi` command line over the same services as the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli import export_cmd, measure_cmd, office_cmd
from desktop.cli.messages import TEXT, error_text
from desktop.cli.notes_cmd import add_commands, run_note, run_periods, run_search
from desktop.cli.render import measure_json, measure_line, plan_json
from desktop.domain.doubts import describe
from desktop.domain.errors import LuoshiError
from desktop.domain.periods import RHYTHM_LABELS, Rhythm
from desktop.services import measures as measure_service
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services import units as unit_service
from desktop.services.locations import database_path
from desktop.services.workspace import Workspace

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="luoshi", description="落实：实施方案任务落实台账（离线）")
    parser.add_argument("--db", help="数据库文件路径（默认：环境变量 LUOSHI_DB 或用户数据目录）")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="解析方案文件并输出措施（不写数据库）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = sub.add_parser("import", help="把方案文件导入数据库")
    p.add_argument("files", nargs="+")
    p.add_argument("--review", action="store_true", help="列出需要核对的措施；有疑点时不导入，退出码 3")
    p.add_argument("--yes", action="store_true", help="不询问，按解析结果直接导入")
    p = sub.add_parser("measures", help="列出措施")
    p.add_argument("--unit", help="只列出分配给该单位的措施")
    p.add_argument("--category", action="append", help="该单位所属的通配类别（可重复）")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("units", help="单位目录")
    p.add_argument("--json", action="store_true")
    units_sub = p.add_subparsers(dest="units_command")
    m = units_sub.add_parser("merge", help="把一个名称合并为另一个单位的别名")
    m.add_argument("alias")
    m.add_argument("--into", required=True)
    p = sub.add_parser("profile", help="本单位设置")
    profile_sub = p.add_subparsers(dest="profile_command", required=True)
    s = profile_sub.add_parser("set")
    s.add_argument("--unit")
    s.add_argument("--category", action="append")
    s.add_argument("--rhythm", choices=[r.value for r in Rhythm], help="报送周期：month/quarter/half/year")
    s.add_argument("--due-days", type=int, help="每期结束后几日内报送")
    profile_sub.add_parser("show")
    add_commands(sub)
    measure_cmd.add_commands(sub)
    export_cmd.add_commands(sub)
    office_cmd.add_commands(sub)
    office_cmd.add_backup_command(sub)
    return parser


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        plan = plan_service.parse_file(path=Path(args.file))
        if args.json:
            _print(json.dumps(plan_json(plan), ensure_ascii=False, indent=1))
        else:
            _print(
                TEXT["parsed"].format(
                    title=plan.title,
                    doc_number=plan.doc_number or "",
                    count=len(plan.measures),
                    chapters=len(plan.chapters),
                )
            )
            for measure in plan.measures:
                _print(measure_line(measure))
                if measure.leaders:
                    _print("    " + TEXT["leaders"].format(names="、".join(measure.leaders)))
                if measure.doubts:
                    _print("    " + TEXT["doubts"].format(text="；".join(describe(d) for d in measure.doubts)))
        return 0
    if args.command == "check":
        return export_cmd.run_check(args)
    if args.command == "plan" and args.plan_command == "diff":
        return office_cmd.run_plan(args, None)
    if args.command == "backup":
        return office_cmd.run_backup(args, database_path(args.db))
    with Workspace(database_path(args.db)) as ws:
        return _run_with_db(args, ws)


def _run_with_db(args: argparse.Namespace, ws: Workspace) -> int:
    if args.command == "import":
        return measure_cmd.run_import(args, ws)
    if args.command == "measure":
        return measure_cmd.run_measure(args, ws)
    if args.command == "measures":
        views = measure_service.list_measures(ws, unit=args.unit, categories=args.category)
        if args.json:
            _print(
                json.dumps(
                    [measure_json(v.stored.measure, v.assignment) for v in views],
                    ensure_ascii=False,
                    indent=1,
                )
            )
        elif not views and args.unit:
            _print(TEXT["no_measures_for_unit"].format(unit=args.unit))
        else:
            for view in views:
                _print(measure_line(view.stored.measure, view.assignment))
        return 0
    if args.command == "units":
        if args.units_command == "merge":
            unit_service.merge_units(ws, alias=args.alias, into=args.into)
            _print(TEXT["merged"].format(alias=args.alias, into=args.into))
            return 0
        rows = unit_service.list_units(ws)
        if args.json:
            _print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1))
        else:
            for r in rows:
                kind = f"［{TEXT['wildcard']}：{r.category}］" if r.wildcard else ""
                alias = f"（又名：{'、'.join(r.aliases)}）" if r.aliases else ""
                _print(
                    f"{r.name}{alias}{kind}  {TEXT['lead']} {r.lead_count}  {TEXT['support']} {r.support_count}"
                )
        return 0
    if args.command == "note":
        return run_note(args, ws)
    if args.command == "periods":
        return run_periods(args, ws)
    if args.command == "search":
        return run_search(args, ws)
    if args.command == "export":
        return export_cmd.run_export(args, ws)
    if args.command == "plan":
        return office_cmd.run_plan(args, ws)
    if args.command == "import-returns":
        return office_cmd.run_import_returns(args, ws)
    if args.command == "board":
        return office_cmd.run_board(args, ws)
    return _run_profile(args, ws)


def _run_profile(args: argparse.Namespace, ws: Workspace) -> int:
    if args.profile_command == "set" and args.unit:
        profile = unit_service.set_profile(ws, unit=args.unit, categories=args.category)
    else:
        profile = unit_service.get_profile(ws)
    if args.profile_command == "set" and (args.rhythm or args.due_days is not None):
        period_service.set_schedule(
            ws, rhythm=Rhythm(args.rhythm or period_service.get_schedule(ws).rhythm), due_days=args.due_days
        )
    _print(TEXT["rhythm_set"].format(rhythm=RHYTHM_LABELS[period_service.get_schedule(ws).rhythm]))
    if profile.unit is None:
        _print(TEXT["profile_none"])
    else:
        _print(
            TEXT["profile"].format(
                unit=profile.unit, categories="、".join(profile.categories) or TEXT["none"]
            )
        )
    found = "、".join(unit_service.list_categories(ws)) or TEXT["none"]
    _print(TEXT["categories"].format(categories=found))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; known failures print a Chinese message and exit 2."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except LuoshiError as error:
        sys.stderr.write(error_text(error) + "\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
