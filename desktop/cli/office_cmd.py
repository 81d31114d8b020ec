"""The coordinating office's commands: plan diff/versions, task lists, returns, the board, the summary."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.cli.messages import TEXT, error_text
from desktop.domain.models import Plan
from desktop.domain.revision import CHANGE_WORDS, Review, text_diff
from desktop.services import board as board_service
from desktop.services import periods as period_service
from desktop.services import reports as report_service
from desktop.services import returns as return_service
from desktop.services import revisions, tasklists
from desktop.services.workspace import Workspace

EXIT_SOME_FAILED = 2


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `plan`, `import-returns`, `board` and the `tasklist`/`summary` exports."""
    p = sub.add_parser("plan", help="方案版本：比较两个版本、查看历史版本")
    plan_sub = p.add_subparsers(dest="plan_command", required=True)
    d = plan_sub.add_parser("diff", help="比较方案的两个文件：新增、修改、删除的措施")
    d.add_argument("old")
    d.add_argument("new")
    d.add_argument("--json", action="store_true")
    v = plan_sub.add_parser("versions", help="列出数据库中方案的各个版本")
    v.add_argument("--plan", type=int, help="方案编号（只有一个方案时可省略）")
    v.add_argument("--show", type=int, metavar="N", help="列出第 N 版的全部措施")
    p = sub.add_parser("import-returns", help="导入各单位报送的台账（文件或文件夹，可多个）")
    p.add_argument("paths", nargs="+")
    p.add_argument("--period", required=True, help="正在汇总的报送周期：2026-03、2026Q1 …")
    p.add_argument(
        "--replace", action="store_true", help="同一单位本期再次报送时替换原回执（原回执留在历史中）"
    )
    p = sub.add_parser("board", help="报送情况：各任务各单位的状态、未报送单位")
    p.add_argument("--period", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--reminder", metavar="FILE", help="把催报名单和催报通知写入文本文件")
    p.add_argument("--date", help="今天的日期（默认：今天）")


def add_backup_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `backup list|now|restore`."""
    p = sub.add_parser("backup", help="备份：列出、立即备份、恢复")
    backup_sub = p.add_subparsers(dest="backup_command", required=True)
    backup_sub.add_parser("list", help="列出备份（最新的在前）")
    backup_sub.add_parser("now", help="立即备份")
    r = backup_sub.add_parser("restore", help="用备份恢复数据库（当前数据库先另存为备份）")
    r.add_argument("number", type=int, help="backup list 中的序号")


def run_backup(args: argparse.Namespace, db_path: Path) -> int:
    """Run `backup list|now|restore N` (restore works on the closed database file)."""
    from desktop.services import backups

    if args.backup_command == "now":
        with Workspace(db_path) as ws:
            made = backups.make_backup(ws, "manual")
        _print(TEXT["backup_made"].format(path=made.path if made else ""))
        return 0
    found = backups.list_backups(db_path)
    if args.backup_command == "list":
        for number, b in enumerate(found, start=1):
            _print(
                TEXT["backup_line"].format(
                    number=number, taken=f"{b.taken:%Y-%m-%d %H:%M:%S}", reason=b.reason, path=b.path
                )
            )
        if not found:
            _print(TEXT["backup_empty"])
        return 0
    if not 1 <= args.number <= len(found):
        _print(TEXT["backup_none"])
        return EXIT_SOME_FAILED
    kept = backups.restore(db_path, found[args.number - 1])
    _print(
        TEXT["backup_restored"].format(
            taken=f"{found[args.number - 1].taken:%Y-%m-%d %H:%M:%S}", kept=kept or ""
        )
    )
    return 0


def add_export_kinds(parser: argparse.ArgumentParser) -> None:
    """Add the options of `export tasklist` and `export summary` to the export command."""
    parser.add_argument("--unit", help="tasklist：只导出该单位的任务（默认：全部）")
    parser.add_argument("--plan", type=int, help="tasklist：方案编号（只有一个方案时可省略）")
    parser.add_argument("--ledger-out", help="summary：同时导出汇总台账（.xlsx）到此路径")


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _day(text: str | None) -> date:
    return date.fromisoformat(text) if text else date.today()


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


def run_plan(args: argparse.Namespace, ws: Workspace | None) -> int:
    """Run `plan diff OLD NEW` (no database) or `plan versions`."""
    if args.plan_command == "diff":
        before, after, review = revisions.diff_files(Path(args.old), Path(args.new))
        old = {i: m for i, m in enumerate(before.measures, start=1)}
        if args.json:
            _print(json.dumps(_review_json(review, before, after), ensure_ascii=False, indent=1))
            return 0
        _print(TEXT["diff_summary"].format(
            added=len(review.added), changed=len(review.changed), removed=len(review.removed),
            renumbered=sum(1 for m in review.matches if m.renumbered and not m.changes),
        ))  # fmt: skip
        for i in review.added:
            _print(TEXT["diff_added"].format(label=after.measures[i].label, text=after.measures[i].text))
        for m in review.changed:
            was, now = old[m.measure_id], after.measures[m.new_index]
            words = "、".join(CHANGE_WORDS[c] for c in m.changes)
            _print(TEXT["diff_changed"].format(old=was.label, new=now.label, what=words))
            if was.text != now.text:
                _print("    " + _marked(was.text, now.text))
        for measure_id in review.removed:
            _print(TEXT["diff_removed"].format(label=old[measure_id].label, text=old[measure_id].text))
        return 0
    assert ws is not None
    plan = tasklists.choose_plan(ws, args.plan)
    plan_id = int(str(plan["id"]))
    for v in revisions.versions(ws, plan_id):
        mark = TEXT["current"] if v["current"] else ""
        _print(TEXT["version_line"].format(**v, mark=mark))
        if args.show == v["version_no"]:
            for measure in revisions.version_measures(ws, plan_id, int(str(v["id"]))):
                _print(f"    {measure.label}. {measure.text}")
    return 0


def run_import_returns(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `import-returns PATH…`: exit 0 when every file was imported, 2 when any was refused."""
    period = period_service.require_period(args.period)
    outcomes = return_service.import_returns(
        ws, [Path(p) for p in args.paths], period=period, confirm=lambda unit, before: bool(args.replace)
    )
    for o in outcomes:
        if o.ok:
            key = "return_replaced" if o.replaced else "return_imported"
            _print(TEXT[key].format(name=o.path.name, unit=o.unit, count=o.rows))
            for warning in o.warnings:
                _print("    " + warning)
        else:
            assert o.error is not None
            sys.stderr.write(error_text(o.error) + "\n")
    ok = sum(1 for o in outcomes if o.ok)
    _print(TEXT["returns_done"].format(ok=ok, failed=len(outcomes) - ok))
    return 0 if ok == len(outcomes) else EXIT_SOME_FAILED


def run_board(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `board --period P`: the missing units, the tallies by chapter and unit, optionally the notice."""
    period = period_service.require_period(args.period)
    board = board_service.load_board(ws, period)
    if args.reminder:
        board_service.export_reminder(ws, board, out=Path(args.reminder), today=_day(args.date))
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
        _print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    _print(TEXT["board_head"].format(
        period=period.label, units=len(board.units), reported=len(board.units) - len(board.missing),
    ))  # fmt: skip
    _print(TEXT["board_missing"].format(units="、".join(board.missing) or TEXT["none"]))
    for name, counts in board.chapters:
        _print(f"  {name}：" + "，".join(f"{k}{v}" for k, v in counts.items()))
    return 0


def run_export_office(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `export tasklist` or `export summary`."""
    out = Path(args.out)
    today = _day(args.date)
    if args.kind == "tasklist":
        count = tasklists.export_tasklist(ws, out=out, today=today, plan_id=args.plan, unit=args.unit)
        _print(TEXT["tasklist_written"].format(path=out, count=count))
        return 0
    period = period_service.require_period(args.period)
    options = replace(
        report_service.saved_options(ws), letterhead=args.header, colophon=args.footer, dated=today
    )
    if args.title:
        options = replace(options, title=args.title)
    ledger = Path(args.ledger_out) if args.ledger_out else None
    board = board_service.export_summary(
        ws, period=period, report_out=out, ledger_out=ledger, options=options, today=today
    )
    _print(TEXT["summary_written"].format(
        path=out, period=period.label, units=len(board.units) - len(board.missing), missing=len(board.missing),
    ))  # fmt: skip
    if ledger is not None:
        _print(TEXT["ledger_written"].format(path=ledger, count=sum(len(m.notes) for m in board.measures),
                                             period=period.label))  # fmt: skip
    return 0
