"""The note, periods and search commands: the clerk's desk from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.render import measure_line
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.notes import NoteFields
from desktop.domain.terms import STATUS_WORDS, Status, status_from_word
from desktop.domain.worklist import Filter, summarize
from desktop.services import attachments as attachment_service
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services import search as search_service
from desktop.services import worklist as worklist_service
from desktop.services.workspace import Workspace


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `note`, `periods` and `search`."""
    p = sub.add_parser("note", help="填写或查看某项措施某一期的进展")
    note_sub = p.add_subparsers(dest="note_command", required=True)
    for name in ("set", "show", "attach"):
        q = note_sub.add_parser(name)
        q.add_argument("--measure", required=True, help="措施序号（如 12）或方案中的编号")
        q.add_argument("--period", required=True, help="报送周期：2026-03、2026Q1、2026H1 或 2026")
        q.add_argument("--unit", help="填报单位（默认：本单位）")
        if name == "set":
            q.add_argument("--progress", help="进展情况")
            q.add_argument("--problems", help="存在问题")
            q.add_argument("--next", dest="next_steps", help="下步计划")
            q.add_argument("--status", help="完成状态：未启动、推进中、已完成、滞后、持续推进")
            q.add_argument("--percent", type=int, help="完成比例（0-100）")
        elif name == "show":
            q.add_argument("--history", action="store_true", help="列出每次保存的版本")
            q.add_argument("--json", action="store_true")
        else:
            q.add_argument("files", nargs="+")
    p = sub.add_parser("periods", help="列出报送周期及截止日期")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="在措施原文和进展中搜索")
    p.add_argument("text", nargs="+")


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _key(ws: Workspace, args: argparse.Namespace) -> tuple[note_service.NoteKey, str]:
    stored = note_service.find_measure(ws, args.measure)
    period = period_service.require_period(args.period)
    unit = args.unit if args.unit is not None else note_service.my_unit(ws)
    return note_service.NoteKey(stored.measure_id, period, unit), stored.measure.label


def _status(word: str | None, current: Status | None) -> Status | None:
    if word is None:
        return current
    status = status_from_word(word)
    if status is None:
        raise LuoshiError(ErrorCode.BAD_STATUS, value=word)
    return status


def _fields_text(fields: NoteFields) -> list[str]:
    status = STATUS_WORDS[fields.status] if fields.status else TEXT["none"]
    percent = f"{fields.percent}%" if fields.percent is not None else TEXT["none"]
    return [
        f"{TEXT['progress']}：{fields.progress or TEXT['none']}",
        f"{TEXT['problems']}：{fields.problems or TEXT['none']}",
        f"{TEXT['next_steps']}：{fields.next_steps or TEXT['none']}",
        f"{TEXT['status']}：{status}  {TEXT['percent']}：{percent}",
    ]


def run_note(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `note set|show|attach`."""
    key, label = _key(ws, args)
    existing = note_service.get_note(ws, key)
    old = existing.fields if existing else NoteFields()
    if args.note_command == "set":
        fields = NoteFields(
            progress=args.progress if args.progress is not None else old.progress,
            problems=args.problems if args.problems is not None else old.problems,
            next_steps=args.next_steps if args.next_steps is not None else old.next_steps,
            status=_status(args.status, old.status),
            percent=args.percent if args.percent is not None else old.percent,
        )
        note_service.save_note(ws, key, fields, source="cli")
        _print(TEXT["note_saved"].format(label=label, period=key.period.label))
        for name in note_service.copy_warnings(ws, key, fields):
            _print(TEXT["copied"].format(field=TEXT[name]))
        return 0
    if args.note_command == "attach":
        for name in args.files:
            row = attachment_service.attach(ws, key, Path(name))
            _print(TEXT["attached"].format(name=row.name, label=label, period=key.period.label))
        return 0
    if args.json:
        data = {
            "measure": label,
            "period": key.period.code,
            "unit": key.unit,
            "progress": old.progress,
            "problems": old.problems,
            "next_steps": old.next_steps,
            "status": old.status.value if old.status else None,
            "percent": old.percent,
            "attachments": [a.name for a in attachment_service.list_attachments(ws, key)],
            "revisions": len(note_service.history(ws, key)),
        }
        _print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    _print(f"{label}  {key.period.label}  {key.unit or TEXT['none']}")
    if existing is None:
        _print(TEXT["no_note"])
    else:
        for line in _fields_text(old):
            _print(line)
    previous = note_service.previous_note(ws, key)
    if previous is not None:
        _print(TEXT["previous"].format(period=previous.period))
        for line in _fields_text(previous.fields):
            _print("  " + line)
    for row in attachment_service.list_attachments(ws, key):
        _print(f"{TEXT['attachment']}：{row.name}")
    if args.history:
        for revision in note_service.history(ws, key):
            _print(f"[{revision.revision_id}] {revision.saved_at}  {revision.fields.progress[:40]}")
    return 0


def run_periods(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `periods`: the offered periods with due dates and how many notes are filled."""
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
        _print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        mark = "＊" if row["current"] else "  "
        _print(
            f"{mark}{row['code']:<8} {row['label']:<12} {TEXT['due']}：{row['due']}  "
            + TEXT["filled"].format(filled=row["filled"], total=row["measures"])
        )
    return 0


def run_search(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `search`: measures whose text or notes hold every word."""
    hits = search_service.search(ws, " ".join(args.text))
    views = [v for v in measure_service.list_measures(ws) if v.stored.measure_id in hits]
    if not views:
        _print(TEXT["no_hits"])
    for view in views:
        _print(measure_line(view.stored.measure))
    return 0
