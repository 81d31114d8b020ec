"""The export and check commands: the upward submission from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.cli import office_cmd
from desktop.cli.messages import TEXT
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.report import Unfilled
from desktop.domain.terms import Scope
from desktop.services import format_check
from desktop.services import periods as period_service
from desktop.services import reports as report_service
from desktop.services.workspace import Workspace

EXIT_FINDINGS = 1


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `export report|ledger` and `check`."""
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
    office_cmd.add_export_kinds(p)
    p = sub.add_parser("check", help="按 GB/T 9704-2012 检查 Word 文件的格式")
    p.add_argument("file")
    p.add_argument("--no-render", action="store_true", help="不用 LibreOffice 测量排版结果")
    p.add_argument("--json", action="store_true")


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LuoshiError(ErrorCode.BAD_PERIOD, value=text) from None


def run_export(args: argparse.Namespace, ws: Workspace) -> int:
    """Run `export report|ledger|summary|tasklist`."""
    if args.kind in ("tasklist", "summary"):
        return office_cmd.run_export_office(args, ws)
    period = period_service.require_period(args.period)
    scope = Scope(args.scope)
    out = Path(args.out)
    today = _day(args.date)
    if args.kind == "ledger":
        count = report_service.export_ledger(ws, period=period, scope=scope, out=out, today=today)
        _print(TEXT["ledger_written"].format(path=out, count=count, period=period.label))
        return 0
    saved = report_service.saved_options(ws)
    given = {
        k: getattr(args, k)
        for k in ("title", "addressee", "organ", "signer", "doc_number", "copy_to")
        if getattr(args, k) is not None
    }
    options = replace(
        saved,
        **given,
        letterhead=args.header,
        colophon=args.footer,
        unfilled=Unfilled.OMIT if args.omit_unfilled else Unfilled.LIST,
        dated=today,
    )
    report = report_service.export_report(
        ws, period=period, scope=scope, options=options, out=out, today=today
    )
    entries = sum(len(s.entries) for s in report.sections)
    _print(TEXT["report_written"].format(path=out, count=entries, period=period.label))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Run `check FILE`: exit 0 when the file passes, 1 with findings, 2 when it cannot be read."""
    result = format_check.check_file(Path(args.file), render=not args.no_render)
    if args.json:
        data = {
            "file": str(result.path),
            "passed": result.passed,
            "rendered": result.rendered,
            "pages": result.pages,
            "findings": [
                {"clause": f.clause, "problem": f.problem, "fix": f.fix, "where": f.where, "count": f.count}
                for f in result.findings
            ],
        }
        _print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for finding in result.findings:
            _print(finding.text())
        _print(TEXT["check_passed" if result.passed else "check_failed"].format(count=len(result.findings)))
        if not result.rendered:
            _print(TEXT["check_render_skipped" if args.no_render else "check_not_rendered"])
    return 0 if result.passed else EXIT_FINDINGS
