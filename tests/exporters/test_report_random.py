"""Issue 18's acceptance: reports of random but realistic notes, rendered by LibreOffice, pass luoshi check.

Each report (1–300 measures, notes of 0–2,000 characters with digits, Latin, quotes and brackets, with and
without 版头/版记, sealed and unsealed) is written, rendered and checked from its XML and its layout;
the rendered signature and 版记 are then measured where GB/T 9704 puts them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
import pytest

from desktop.domain.gongwen.format_facts import (
    A4_MM,
    CHAR_PT,
    MARGINS_MM,
    MM_PER_PT,
    RenderFacts,
    signature_layout,
    signature_lines,
)
from desktop.domain.reporting.report import date_text
from desktop.exporters.report_docx import write_report
from desktop.importers import rendering
from desktop.services.format_check import check_file
from tests.exporters.realistic import report

CASES = [  # seed, measures, 版头, 版记, sealed
    (1, 1, True, True, True),
    (2, 3, False, False, False),
    (3, 8, True, False, False),
    (4, 15, False, True, True),
    (5, 40, True, True, False),
    (6, 300, False, True, True),
]


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "count", "letterhead", "colophon", "sealed"), CASES)
def test_random_reports_pass_the_check_as_rendered(
    tmp_path: Path,
    render: Callable[[Path], Path],
    seed: int,
    count: int,
    letterhead: bool,
    colophon: bool,
    sealed: bool,
) -> None:
    made = report(
        random.Random(seed),
        count,
        letterhead=letterhead,
        colophon=colophon,
        sealed=sealed,
        copy_to="自治区人民政府办公厅，自治区党委办公厅",
    )
    path = tmp_path / "报告.docx"
    write_report(made, path)
    result = check_file(path)
    assert result.rendered
    assert [f.text() for f in result.findings] == []
    pdf = render(path)  # the render fixture fails in CI without LibreOffice
    layout = rendering.read_pdf_layout(pdf)
    assert max(_glyph_gaps(pdf)) < 1.0  # no stretched line: no gap of a character between two glyphs
    if count == 1 and colophon:
        assert len(layout.pages) == 2  # one sheet: the 版记 under the signature or on the back
    _signature_and_colophon_placed(layout, made.organ, date_text(made.dated), sealed, colophon)


def _signature_and_colophon_placed(
    layout: RenderFacts, organ: str, dated: str, sealed: bool, colophon: bool, has_copy: bool = True
) -> None:
    right = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    bottom = (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT
    signed = [p for p in layout.pages if organ in [line.text.replace(" ", "") for line in p.lines]]
    last = signed[-1]
    texts = [line.text.replace(" ", "") for line in last.lines]
    organ_line = last.lines[texts.index(organ)]
    date_line = last.lines[texts.index(dated)]
    placed = signature_lines(organ, dated, sealed=sealed)
    for line, place, text in ((organ_line, placed[0], organ), (date_line, placed[1], dated)):
        if place.right is not None:  # the line tied to the right edge sits there exactly
            assert abs((right - line.x1) / CHAR_PT - place.right) < 0.1, text
        else:  # the other starts where its columns say
            start = (line.x0 - MARGINS_MM[2] / MM_PER_PT) / CHAR_PT
            assert place.left is not None and abs(start - place.left) < 0.1, text
    if not colophon:
        assert last is layout.pages[-1]
        return
    # the 版记 ends the last page, even: under the signature when the body's last page is even and has room
    # (check_file flags a blank page that was not needed), else alone after at most one blank page
    back = layout.pages[-1]
    assert back.number % 2 == 0 and back.number - last.number in (0, 1, 2)
    assert all(not page.lines for page in layout.pages[last.number : back.number - 1])
    wanted = (["抄送"] if has_copy else []) + [organ[:2]]
    above = [line for line in back.lines if line.top < bottom]  # not the page number
    texts = [line.text.replace(" ", "")[:2] for line in above]
    assert texts[-len(wanted) :] == wanted
    if back is not last:
        assert texts == wanted
    printed = above[-1]
    assert 0 < bottom - printed.bottom < 225 / 22 / MM_PER_PT  # the last line just above the last rule


@pytest.mark.parametrize(
    "printer", ["自治区发展改革委", "内蒙古自治区人民政府办公厅秘书处文电科和机要保密室联合印制组"]
)
@pytest.mark.slow
def test_the_printed_date_stays_whole_on_the_right(
    tmp_path: Path, render: Callable[[Path], Path], printer: str
) -> None:
    made = report(random.Random(3), 1, colophon=True, printer=printer, copy_to="自治区人民政府办公厅")
    path = tmp_path / "报告.docx"
    write_report(made, path)
    assert [f.text() for f in check_file(path).findings] == []
    back = rendering.read_pdf_layout(render(path)).pages[-1]
    printed = date_text(made.dated) + "印发"
    lines = [line for line in back.lines if "印发" in line.text]
    assert len(lines) == 1 and lines[0].text.replace(" ", "").endswith(printed)  # the date never split
    right = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    assert abs(right - CHAR_PT * 14 / 16 - lines[0].x1) < CHAR_PT  # one 4号 character in from the right
    assert "".join(line.text.replace(" ", "") for line in back.lines).count(printer) == 1


ORGANS = [
    "某局",
    "自治区发展改革委",
    "内蒙古自治区政务服务与数据管理局",
    "中共内蒙古自治区委员会办公厅、内蒙古自治区人民政府办公厅",  # 28 characters, two organs
    "满洲里市人民政府口岸管理办公室满洲里市综合保税区管理委员会联合工作组",  # 33
    "内蒙古自治区政务服务与数据管理局和内蒙古自治区发展和改革委员会联合办公室",  # 36
    "某" * 40,  # no word to break at
]


@pytest.mark.slow
@pytest.mark.parametrize("sealed", [True, False])
@pytest.mark.parametrize("organ", ORGANS)
def test_a_signature_of_any_length_stays_in_the_type_area(
    tmp_path: Path, render: Callable[[Path], Path], organ: str, sealed: bool
) -> None:
    made = report(random.Random(5), 1, sealed=sealed, organ=organ)
    path = tmp_path / "报告.docx"
    write_report(made, path)
    assert [f.text() for f in check_file(path).findings] == []  # the render check measures 7.3.5 too
    layout = rendering.read_pdf_layout(render(path))
    left, right = MARGINS_MM[2] / MM_PER_PT, (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    placed = signature_layout(organ, date_text(made.dated), sealed=sealed)
    page = next(
        p
        for p in reversed(layout.pages)
        if any(date_text(made.dated) in x.text.replace(" ", "") for x in p.lines)
    )
    texts = [line.text.replace(" ", "") for line in page.lines]
    for text, place in placed:
        line = page.lines[len(texts) - 1 - texts[::-1].index(text)]  # the signature's own line, the last one
        assert left - 1 <= line.x0 and line.x1 <= right + 1, text  # nothing outside the type area
        if place.right is not None:
            assert abs((right - line.x1) / CHAR_PT - place.right) < 0.15, text
        else:
            assert place.left is not None and abs((line.x0 - left) / CHAR_PT - place.left) < 0.15, text


@pytest.mark.slow
def test_a_url_or_a_code_does_not_stretch_the_line_before_it(
    tmp_path: Path, render: Callable[[Path], Path]
) -> None:
    from desktop.domain.desk.notes import NoteFields
    from desktop.domain.desk.periods import parse_period
    from desktop.domain.reporting.report import ReportMeasure, ReportOptions, build_report
    from desktop.domain.terms import Role, Status

    progress = (
        "已在门户网站https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/202604/t20260403_1234567.html公开办事指南，"
        "并通过ISO 9001质量管理体系认证，平台地址为http://zwfw.nmg.gov.cn/portal/service/guide?itemId="
        "1500000000000000&type=1，附件为政务公开工作台账_2026年第一季度_final_v3.xlsx。"
    )
    measure = ReportMeasure(
        plan_title="某方案", chapter="任务", label="1", text="推进政务公开。", role=Role.LEAD,
        note=NoteFields(progress, "", "", Status.IN_PROGRESS), attachments=(),
    )  # fmt: skip
    made = build_report([measure], period=parse_period("2026Q1"), options=ReportOptions(), organ="某局",  # type: ignore[arg-type]
                        plan_refs="《某方案》", today=date(2026, 4, 3))  # fmt: skip
    path = tmp_path / "报告.docx"
    write_report(made, path)
    pdf = render(path)
    assert max(_glyph_gaps(pdf)) < 1.0  # no gap of a whole character between two glyphs of a line
    assert "\u200b" not in docx.Document(str(path)).paragraphs[5].text  # a copied URL is the URL


def _glyph_gaps(pdf: Path) -> list[float]:
    """Return, per printed 三号 line, the widest gap between two neighbouring glyphs, in characters.

    Not the 版头's 发文字号 line, whose 签发人 is set off by a tab.
    """
    import pdfplumber

    gaps = []
    with pdfplumber.open(str(pdf)) as document:
        for page in document.pages:
            rows: dict[int, list[dict[str, Any]]] = {}
            for char in page.chars:
                if char["text"].strip() and abs(char["size"] - 16) < 0.5:
                    rows.setdefault(round(char["top"]), []).append(char)
            for chars in rows.values():
                if "签" in "".join(c["text"] for c in chars):
                    continue
                chars.sort(key=lambda c: c["x0"])
                gaps.append(max((b["x0"] - a["x1"] for a, b in pairwise(chars)), default=0.0) / CHAR_PT)
    return gaps
