"""`luoshi office init|add-unit|remove-unit|publish|units`: the coordinating office's server."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.output import say, workspace
from desktop.services import office_server


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command and its subcommands."""
    p = sub.add_parser("office", help="协调单位的服务器：初始化、添加单位、发布方案、查看单位")
    steps = p.add_subparsers(dest="step", required=True)
    init = steps.add_parser("init", help="在服务器上创建或升级落实的数据库（以数据库所有者身份）")
    init.add_argument("--dsn", required=True, help="连接串，如 host=10.0.0.5 dbname=luoshi user=office")
    init.set_defaults(func=_init)
    add = steps.add_parser("add-unit", help="为一个单位创建接入账号并写出接入文件")
    add.add_argument("unit")
    add.add_argument("--out", required=True, help="接入文件（.json）")
    add.add_argument("--ca", help="服务器的 CA 证书文件（要求加密连接时）")
    add.set_defaults(func=_add_unit)
    remove = steps.add_parser("remove-unit", help="撤销一个单位的接入账号（已报送的内容保留）")
    remove.add_argument("unit")
    remove.set_defaults(func=_remove_unit)
    publish = steps.add_parser("publish", help="把方案（当前版本）和任务分工发布给各责任单位")
    publish.add_argument("--plan", required=True, help="方案编号或发文字号")
    publish.set_defaults(func=_publish)
    units = steps.add_parser("units", help="列出有接入账号的单位及其最近一次报送")
    units.set_defaults(func=_units)


def _init(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        before, after = office_server.init(ws, args.dsn)
    say(TEXT["office_ready"].format(before=before, after=after))
    return 0


def _add_unit(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        role = office_server.add_unit(
            ws, args.unit, Path(args.out), ca_file=Path(args.ca) if args.ca else None
        )
    say(TEXT["unit_added"].format(unit=args.unit, role=role, path=args.out))
    return 0


def _remove_unit(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        office_server.remove_unit(ws, args.unit)
    say(TEXT["unit_removed"].format(unit=args.unit))
    return 0


def _publish(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        done = office_server.publish(ws, args.plan, today=date.today())
    say(TEXT["published"].format(
        title=done.title, version=done.version_no, id=done.publication_id, count=len(done.units),
        units="、".join(done.units) or TEXT["none"],
    ))  # fmt: skip
    if done.without_login:
        say(TEXT["publish_missing"].format(units="、".join(done.without_login)))
    return 0


def _units(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        accounts = office_server.units(ws)
    if not accounts:
        say(TEXT["no_units"])
    for a in accounts:
        last = a.last_sent_at.astimezone().strftime("%Y-%m-%d %H:%M") if a.last_sent_at else TEXT["never"]
        say(TEXT["unit_line"].format(unit=a.unit, role=a.role, returns=a.returns, last=last))
    return 0
