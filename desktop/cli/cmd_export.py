"""`luoshi export report|ledger|summary|tasklist`: the upward submission and the office's files."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop.cli.messages import TEXT
from desktop.cli.output import say, with_workspace
from desktop.cli.plan_options import add_plan_option, chosen_plans
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.report import Unfilled
from desktop.domain.terms import Scope
from desktop.services import board as board_service
from desktop.services import fonts as font_service
from desktop.services import pdf_copies, tasklists
from desktop.services import periods as period_service
from desktop.services import reports as report_service
from desktop.services.workspace import Workspace


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    p = sub.add_parser("export", help="生成报告（.docx）、导出台账或任务清单（.xlsx）")
    p.add_argument(
        "kind",
        choices=["report", "ledger", "summary", "tasklist"],
        help="report：公文格式报告；ledger：工作台账；summary：汇总报告（协调单位）；tasklist：任务清单",
    )
    p.add_argument("--period", help="报送周期：2026-03、2026Q1、2026H1 或 2026（tasklist 不需要）")
    p.add_argument("--out", required=True, help="输出文件路径")
    p.add_argument(
        "--scope", choices=["lead", "mine"], default="mine", help="lead：只含牵头任务；mine：全部本单位任务"
    )
    p.add_argument(
        "--header", action="store_true", help="加版头（发文机关标志、发文字号、签发人、红色分隔线）"
    )
    p.add_argument("--footer", action="store_true", help="加版记（抄送、印发机关和印发日期）")
    p.add_argument("--title", help="标题（默认：关于《方案》落实情况的报告）")
    p.add_argument("--to", dest="addressee", help="主送机关")
    p.add_argument("--organ", help="发文机关署名（默认：本单位）")
    p.add_argument("--signer", help="签发人")
    p.add_argument("--number", dest="doc_number", help="发文字号，如 内发改报〔2026〕12号")
    p.add_argument("--copy-to", help="抄送机关")
    p.add_argument(
        "--omit-unfilled", action="store_true", help="未填写进展的任务不列入报告（默认列为“暂无进展”）"
    )
    p.add_argument("--date", help="成文日期，如 2026-04-03（默认：今天）")
    p.add_argument(
        "--unsealed",
        action="store_true",
        help="不加盖印章：署名右空二字（默认加盖印章：成文日期右空四字，署名居中其上）",
    )
    p.add_argument(
        "--levels",
        action="store_true",
        help="措施标题按章分（一）（二）编号，括注方案原序号（默认：方案序号 1. 2.）",
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help="同时在同一文件夹生成 PDF 副本（需本机装有 WPS、Microsoft Office 或 LibreOffice）",
    )
    p.add_argument("--unit", help="tasklist：只导出该单位的任务（默认：全部）")
    add_plan_option(p, many=True)
    p.add_argument("--ledger-out", help="summary：同时导出汇总台账（.xlsx）到此路径")
    p.set_defaults(func=with_workspace(run))


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LuoshiError(ErrorCode.BAD_PERIOD, value=text) from None


def run(args: argparse.Namespace, ws: Workspace) -> int:
    """Write the file the command names."""
    if args.kind in ("tasklist", "summary"):
        return _export_office(args, ws)
    period = period_service.require_period(args.period)
    scope = Scope(args.scope)
    out = Path(args.out)
    today = _day(args.date)
    plans = chosen_plans(ws, args)
    if args.kind == "ledger":
        count = report_service.export_ledger(
            ws, period=period, scope=scope, out=out, today=today, plans=plans
        )
        say(TEXT["ledger_written"].format(path=out, count=count, period=period.label))
        _pdf_copies(args, [out])
        return 0
    # the command line and the unit's settings (luoshi profile show), never what an earlier export used
    options = report_service.options_from_settings(
        ws,
        **{k: getattr(args, k) for k in ("title", "addressee", "organ", "signer", "doc_number", "copy_to")},
        letterhead=args.header,
        colophon=args.footer,
        unfilled=Unfilled.OMIT if args.omit_unfilled else Unfilled.LIST,
        dated=today,
        sealed=not args.unsealed,
        levels=args.levels,
    )
    report = report_service.export_report(
        ws, period=period, scope=scope, options=options, out=out, today=today, plans=plans
    )
    entries = sum(len(s.entries) for s in report.sections)
    say(TEXT["report_written"].format(path=out, count=entries, period=period.label))
    _say_missing_fonts()
    _pdf_copies(args, [out])
    return 0


def _pdf_copies(args: argparse.Namespace, written: list[Path]) -> None:
    """With --pdf, put a PDF beside each file written (raises LuoshiError when none can be made)."""
    if args.pdf:
        for path in written:
            say(TEXT["pdf_written"].format(path=pdf_copies.make_pdf_copy(path)))


def _say_missing_fonts() -> None:
    gaps = font_service.missing_fonts()
    if gaps:
        say(TEXT["fonts_missing"])
        for gap in gaps:
            say("  " + gap.text())


def _export_office(args: argparse.Namespace, ws: Workspace) -> int:
    out = Path(args.out)
    today = _day(args.date)
    if args.kind == "tasklist":
        values = args.plan or []
        if len(values) > 1:  # a task list is one plan's
            raise LuoshiError(ErrorCode.NEEDS_PLAN, plans=values)
        count = tasklists.export_tasklist(
            ws, out=out, today=today, plan_id=values[0] if values else None, unit=args.unit
        )
        say(TEXT["tasklist_written"].format(path=out, count=count))
        _pdf_copies(args, [out])
        return 0
    period = period_service.require_period(args.period)
    options = report_service.options_from_settings(  # the same options as `export report`
        ws,
        **{k: getattr(args, k) for k in ("title", "addressee", "organ", "signer", "doc_number", "copy_to")},
        letterhead=args.header,
        colophon=args.footer,
        dated=today,
        sealed=not args.unsealed,
        levels=args.levels,
    )
    ledger = Path(args.ledger_out) if args.ledger_out else None
    board = board_service.export_summary(
        ws,
        period=period,
        report_out=out,
        ledger_out=ledger,
        options=options,
        today=today,
        plans=chosen_plans(ws, args),
    )
    say(TEXT["summary_written"].format(
        path=out, period=period.label, units=len(board.units) - len(board.missing), missing=len(board.missing),
    ))  # fmt: skip
    if ledger is not None:
        say(TEXT["ledger_written"].format(path=ledger, count=sum(len(m.notes) for m in board.measures),
                                             period=period.label))  # fmt: skip
    _say_missing_fonts()
    _pdf_copies(args, [out] if ledger is None else [out, ledger])
    return 0
