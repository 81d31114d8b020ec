"""`luoshi backup list|now|restore N`: the database's automatic and manual backups."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say
from desktop.services import backups
from desktop.services.locations import database_path
from desktop.services.workspace import Workspace

EXIT_SOME_FAILED = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("backup", help="备份：列出、立即备份、恢复")
    backup_sub = p.add_subparsers(dest="backup_command", required=True)
    backup_sub.add_parser("list", help="列出备份（最新的在前）")
    backup_sub.add_parser("now", help="立即备份")
    r = backup_sub.add_parser("restore", help="用备份恢复数据库（当前数据库先另存为备份）")
    r.add_argument("number", type=int, help="backup list 中的序号")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """List, make or restore backups (restore works on the closed database file)."""
    db_path = database_path(args.db)
    if args.backup_command == "now":
        with Workspace(db_path) as ws:
            made = backups.make_backup(ws, "manual")
        say(TEXT["backup_made"].format(path=made.path if made else ""))
        return 0
    found = backups.list_backups(db_path)
    if args.backup_command == "list":
        for number, b in enumerate(found, start=1):
            say(
                TEXT["backup_line"].format(
                    number=number, taken=f"{b.taken:%Y-%m-%d %H:%M:%S}", reason=b.reason, path=b.path
                )
            )
        if not found:
            say(TEXT["backup_empty"])
        return 0
    if not 1 <= args.number <= len(found):
        say(TEXT["backup_none"])
        return EXIT_SOME_FAILED
    kept = backups.restore(db_path, found[args.number - 1])
    say(
        TEXT["backup_restored"].format(
            taken=f"{found[args.number - 1].taken:%Y-%m-%d %H:%M:%S}", kept=kept or ""
        )
    )
    return 0
