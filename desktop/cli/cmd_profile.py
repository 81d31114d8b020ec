"""`luoshi profile set|show`: 本单位, its wildcard categories and the reporting rhythm."""

from __future__ import annotations

import argparse

from desktop.cli.messages import TEXT
from desktop.cli.output import say, workspace
from desktop.domain.desk.periods import RHYTHM_LABELS, Rhythm
from desktop.services import periods as period_service
from desktop.services import reports as report_service
from desktop.services import units as unit_service


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("profile", help="本单位设置")
    profile_sub = p.add_subparsers(dest="profile_command", required=True)
    s = profile_sub.add_parser("set")
    s.add_argument("--unit")
    s.add_argument("--category", action="append")
    s.add_argument("--rhythm", choices=[r.value for r in Rhythm], help="报送周期：month/quarter/half/year")
    s.add_argument("--due-days", type=int, help="每期结束后几日内报送")
    s.add_argument("--organ", help="报告的发文机关署名（默认：本单位名称）")
    s.add_argument("--signer", help="签发人（加版头时用）")
    s.add_argument("--to", dest="addressee", help="主送机关")
    s.add_argument("--printer", help="印发机关（加版记时用；默认：发文机关）")
    profile_sub.add_parser("show")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Set or show the clerk's unit, categories and rhythm."""
    with workspace(args) as ws:
        setting = args.profile_command == "set"
        if setting and (args.unit or args.category is not None):
            profile = unit_service.set_profile(ws, unit=args.unit, categories=args.category)
        else:
            profile = unit_service.get_profile(ws)
        if setting:
            report_service.set_signature(
                ws, organ=args.organ, signer=args.signer, addressee=args.addressee, printer=args.printer
            )
        signature = report_service.signature(ws)
        if args.profile_command == "set" and (args.rhythm or args.due_days is not None):
            rhythm = Rhythm(args.rhythm or period_service.get_schedule(ws).rhythm)
            period_service.set_schedule(ws, rhythm=rhythm, due_days=args.due_days)
        say(TEXT["rhythm_set"].format(rhythm=RHYTHM_LABELS[period_service.get_schedule(ws).rhythm]))
        if profile.unit is None:
            say(TEXT["profile_none"])
        else:
            categories = "、".join(profile.categories) or TEXT["none"]
            say(TEXT["profile"].format(unit=profile.unit, categories=categories))
        found = "、".join(unit_service.list_categories(ws)) or TEXT["none"]
    say(TEXT["categories"].format(categories=found))
    for key in report_service.SIGNATURE_FIELDS:
        say(TEXT[f"signature_{key}"].format(value=signature[key] or TEXT["not_set"]))
    return 0
