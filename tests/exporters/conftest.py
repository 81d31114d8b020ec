"""A report and a ledger built from plain domain objects (no database), and LibreOffice rendering."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.report import Report, ReportMeasure, ReportOptions, build_report
from desktop.domain.terms import Role, Status
from desktop.exporters import office_pdf
from desktop.services.format_check import render_pdf

PERIOD = parse_period("2026Q1")
# Long runs of 汉字 with no digits or Latin letters, so full lines hold only full-width characters.
LONG = "围绕重点任务逐项细化工作措施明确责任分工和完成时限建立工作台账定期调度推进" * 6


def measures(count: int = 12) -> list[ReportMeasure]:
    """Measures over two chapters, lead and support, filled and not, one with evidence."""
    out = []
    for n in range(1, count + 1):
        note = None
        if n % 4 != 0:
            note = NoteFields(
                progress=LONG if n % 3 else "已召开专题会议2次，印发通知1份。\n第二段进展。",
                problems="部分地区工作进度不平衡。" if n % 2 else "",
                next_steps="下一步将持续跟踪调度。",
                status=Status.BEHIND if n == 5 else Status.IN_PROGRESS,
            )
        out.append(
            ReportMeasure(
                plan_title="某某自治区优化营商环境实施方案",
                chapter="市场化营商环境建设" if n <= count // 2 else "法治化营商环境建设",
                label=str(n),
                text=f"扎实推进第{n}项重点任务，完善相关工作机制。持续加力。",
                role=Role.LEAD if n % 2 else Role.SUPPORT,
                note=note,
                attachments=("会议纪要.pdf",) if n == 1 else (),
            )
        )
    return out


def report(**options: object) -> Report:
    """A report on `measures()` dated 2026-04-03, for 自治区发展改革委."""
    return build_report(
        measures(),
        period=PERIOD,
        options=ReportOptions(addressee="自治区人民政府", **options),  # type: ignore[arg-type]
        organ="自治区发展改革委",
        plan_refs="《某某自治区优化营商环境实施方案》（某政发〔2026〕4号）",
        today=date(2026, 4, 3),
    )


@pytest.fixture
def render(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Render a file to PDF with LibreOffice; skipped only outside CI when LibreOffice is missing."""
    if office_pdf.find_libreoffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (make test installs it)")
        pytest.skip("LibreOffice is not installed")

    def _render(source: Path) -> Path:
        out = tmp_path / "pdf"
        out.mkdir(exist_ok=True)
        return render_pdf(source, out)

    return _render
