"""`luoshi note set|show|attach`: the clerk's note on one measure for one period, from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.output import say, say_json, with_workspace
from desktop.cli.plan_options import add_plan_option
from desktop.domain.desk.notes import NoteFields
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import STATUS_WORDS, NoteSource, Status, status_from_word
from desktop.services import attachments as attachment_service
from desktop.services import measures as measure_service
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("note", help="填写或查看某项措施某一期的进展")
    note_sub = p.add_subparsers(dest="note_command", required=True)
    for name in ("set", "show", "attach"):
        q = note_sub.add_parser(name)
        q.add_argument(
            "--measure", required=True, help="方案中的编号（如 3、（一）、1（1））；#12 表示第 12 项（序号）"
        )
        add_plan_option(q)
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
    p.set_defaults(func=with_workspace(run))


def _key(ws: Workspace, args: argparse.Namespace) -> tuple[note_service.NoteKey, str]:
    stored = measure_service.find_measure(ws, args.measure, plan=args.plan)
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


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """Set, show or attach to a note."""
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
        note_service.save_note(ws, key, fields, source=NoteSource.CLI)
        say(TEXT["note_saved"].format(label=label, period=key.period.label))
        for name in note_service.copy_warnings(ws, key, fields):
            say(TEXT["copied"].format(field=TEXT[name]))
        return 0
    if args.note_command == "attach":
        for name in args.files:
            row = attachment_service.attach(ws, key, Path(name))
            say(TEXT["attached"].format(name=row.name, label=label, period=key.period.label))
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
        say_json(data)
        return 0
    say(f"{label}  {key.period.label}  {key.unit or TEXT['none']}")
    if existing is None:
        say(TEXT["no_note"])
    else:
        for line in _fields_text(old):
            say(line)
    previous = note_service.previous_note(ws, key)
    if previous is not None:
        say(TEXT["previous"].format(period=previous.period))
        for line in _fields_text(previous.fields):
            say("  " + line)
    for row in attachment_service.list_attachments(ws, key):
        say(f"{TEXT['attachment']}：{row.name}")
    if args.history:
        for revision in note_service.history(ws, key):
            say(f"[{revision.revision_id}] {revision.saved_at}  {revision.fields.progress[:40]}")
    return 0
