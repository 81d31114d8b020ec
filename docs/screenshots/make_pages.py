"""Draw the report and ledger pages of issue 28 (no window): `python docs/screenshots/make_pages.py`.

A one-measure report with 版记 (its two pages side by side), a page with a URL and a code in a note,
and the first page of a 200-measure ledger; LibreOffice renders them, pdftoppm draws the PNGs.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.domain.desk.notes import NoteFields  # noqa: E402
from desktop.domain.desk.periods import parse_period  # noqa: E402
from desktop.domain.reporting.report import ReportMeasure, ReportOptions, build_report  # noqa: E402
from desktop.domain.terms import Role, Status  # noqa: E402
from desktop.exporters.ledger_xlsx import write_ledger  # noqa: E402
from desktop.exporters.report_docx import write_report  # noqa: E402
from desktop.services.format_check import render_pdf  # noqa: E402
from tests.exporters.realistic import report  # noqa: E402
from tests.exporters.test_ledger_xlsx import META, _long_ledger  # noqa: E402

OUT = Path(__file__).resolve().parent
URL_NOTE = (
    "已在门户网站https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/202604/t20260403_1234567.html公开办事指南，"
    "并通过ISO 9001质量管理体系认证，平台地址为http://zwfw.nmg.gov.cn/portal/service/guide?itemId="
    "1500000000000000&type=1，附件为政务公开工作台账_2026年第一季度_final_v3.xlsx。"
)


def _png(pdf: Path, out: Path, *, first: int = 1, last: int = 1, dpi: int = 70) -> None:
    """Render pages `first`–`last` of `pdf`; two pages are put side by side (a sheet's front and back)."""
    stem = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png", str(pdf), str(stem)],
        check=True,
    )
    drawn = sorted(out.parent.glob(f"{stem.name}-*.png"))
    if len(drawn) == 1:
        drawn[0].rename(out)
    else:
        from PIL import Image  # Pillow: only to put the two pages side by side

        pictures = [Image.open(p) for p in drawn]
        sheet = Image.new(
            "RGB", (sum(p.width for p in pictures) + 10, max(p.height for p in pictures)), "grey"
        )
        x = 0
        for picture in pictures:
            sheet.paste(picture, (x, 0))
            x += picture.width + 10
        sheet.save(out)
        for p in drawn:
            p.unlink()
    print("wrote", out)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="luoshi-pages-"))
    one = folder / "one.docx"
    write_report(
        report(random.Random(1), 1, colophon=True, copy_to="自治区人民政府办公厅，自治区党委办公厅"), one
    )
    _png(render_pdf(one, folder), OUT / "report_one_measure_colophon.png", first=1, last=2)

    measure = ReportMeasure(
        plan_title="某方案", chapter="任务", label="1", text="推进政务公开。", role=Role.LEAD,
        note=NoteFields(URL_NOTE, "", "", Status.IN_PROGRESS), attachments=(),
    )  # fmt: skip
    url = folder / "url.docx"
    write_report(build_report([measure], period=parse_period("2026Q1"), options=ReportOptions(),  # type: ignore[arg-type]
                              organ="某局", plan_refs="《某方案》", today=date(2026, 4, 3)), url)  # fmt: skip
    _png(render_pdf(url, folder), OUT / "report_url_page.png", dpi=90)

    ledger = folder / "ledger200.xlsx"
    write_ledger(META, _long_ledger(200), ledger)
    _png(render_pdf(ledger, folder), OUT / "ledger_200_page-1.png", dpi=80)


if __name__ == "__main__":
    main()
