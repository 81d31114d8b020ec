"""The report .docx read back (XML) and laid out by LibreOffice (PDF measured)."""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image

from desktop.domain.gongwen.fonts import OFFICIAL_FONTS
from desktop.domain.gongwen.format_check import check_document
from desktop.domain.gongwen.render_check import check_rendering
from desktop.exporters.report_docx import STYLE_NAMES, write_report
from desktop.exporters.words import words
from desktop.importers.docx_layout import read_layout
from desktop.importers.rendering import read_pdf_layout
from tests.exporters.conftest import report

MM = 25.4 / 72  # mm per pt


def _written(tmp_path: Path, **options: object) -> Path:
    path = tmp_path / "报告.docx"
    write_report(report(**options), path)
    return path


def _fonts(run: docx.text.run.Run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_page_grid_and_theme_fonts_overridden(tmp_path: Path) -> None:
    path = _written(tmp_path)
    document = docx.Document(str(path))
    section = document.sections[0]
    sect = section._sectPr
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    assert [margins.get(qn(f"w:{s}")) for s in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    grid = sect.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    assert "Theme=" not in styles and "theme=" not in styles.lower().replace("themefontlang", "")
    assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings
    assert "<w:evenAndOddHeaders" in settings


def test_the_font_table_names_what_word_shows_for_a_missing_official_font(tmp_path: Path) -> None:
    with zipfile.ZipFile(_written(tmp_path)) as archive:
        table = etree.fromstring(archive.read("word/fontTable.xml"))
    alternatives = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in table.iter(qn("w:font"))
        if font.find(qn("w:altName")) is not None
    }
    assert alternatives == {font.name: font.stand_ins[0] for font in OFFICIAL_FONTS}
    assert alternatives["仿宋_GB2312"] == "仿宋" and alternatives["楷体_GB2312"] == "楷体"


def test_levels_fonts_sizes_and_spacing(tmp_path: Path) -> None:
    document = docx.Document(str(_written(tmp_path)))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.text.startswith("关于《某某自治区优化营商环境实施方案》落实情况的报告"[:10])
    assert title.alignment == 1 and {_fonts(r) for r in title.runs} == {"方正小标宋简体"}
    assert {r.font.size.pt for r in title.runs} == {22}
    assert paragraphs[1].text == "自治区人民政府："
    level1 = next(p for p in paragraphs if p.text.startswith("一、"))
    assert level1.text == "一、市场化营商环境建设" and _fonts(level1.runs[0]) == "黑体"
    level3 = next(p for p in paragraphs if p.text.startswith("1."))
    assert level3.runs[0].bold and _fonts(level3.runs[0]) == "仿宋_GB2312"
    assert level3.text.startswith("1.扎实推进第1项重点任务，完善相关工作机制（牵头）。")
    body = level3.runs[1]
    assert _fonts(body) == "仿宋_GB2312" and body.font.size.pt == 16 and not body.bold
    assert body._r.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    fonts = body._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:hint")) == "eastAsia"
    fmt = level3.paragraph_format
    assert fmt.line_spacing.pt == 28.95 and fmt.line_spacing_rule == 4  # EXACTLY
    assert fmt.first_line_indent.pt == 31.5  # 空二字
    texts = [p.text for p in paragraphs]
    assert "佐证材料：会议纪要.pdf。" in texts and "暂无进展。" in " ".join(texts)
    assert texts[-3:] == ["特此报告。", "自治区发展改革委", "2026年4月3日"]


def test_page_numbers_odd_right_even_left(tmp_path: Path) -> None:
    section = docx.Document(str(_written(tmp_path))).sections[0]
    for footer, alignment in ((section.footer, 2), (section.even_page_footer, 0)):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == alignment
        assert paragraph.text.replace("1", "#") == "— # —"
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert {_fonts(r) for r in paragraph.runs if r.text} == {"宋体"}
        assert {r.font.size.pt for r in paragraph.runs if r.text} == {14}


def test_letterhead_and_colophon(tmp_path: Path) -> None:
    path = _written(
        tmp_path,
        letterhead=True,
        colophon=True,
        doc_number="某发改报〔2026〕12号",
        signer="张三",
        copy_to="自治区督查室",
    )
    document = docx.Document(str(path))
    mark = document.paragraphs[0]
    assert mark.text == "自治区发展改革委" and mark.runs[0].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    number = document.paragraphs[1]
    assert number.text == "　某发改报〔2026〕12号\t签发人：张三"
    assert _fonts(number.runs[-1]) == "楷体_GB2312"
    assert 'w:color="FF0000"' in number._p.xml and "<w:bottom" in number._p.xml
    framed = [p for p in document.paragraphs if p._p.pPr is not None and "w:framePr" in p._p.pPr.xml]
    assert [p.text for p in framed] == [
        "",
        "抄送：自治区督查室。",
        "",
        "自治区发展改革委\t2026年4月3日印发",
        "",
        "",
    ]
    rules = [p for p in framed if not p.text]  # shaded black, 0.35 / 0.25 / 0.35 mm high, then the margin
    assert [p.paragraph_format.line_spacing.twips for p in rules] == [20, 14, 20, 1984]
    assert all('w:fill="000000"' in p._p.pPr.xml for p in rules[:-1]) and "w:shd" not in rules[-1]._p.pPr.xml
    copy = framed[1].paragraph_format  # 抄送 回行 aligned under the first organ (§7.4.2)
    assert (copy.left_indent.twips, copy.first_line_indent.twips) == (4 * 280, -3 * 280)
    # under the signature when the body ends on an even page with room (where is measured on the render in
    # test_report_random), else in a section of its own on the next even page, without a page number
    last = document.sections[-1]
    assert len(document.sections) in (1, 2)
    if len(document.sections) == 2:
        assert last.start_type == WD_SECTION.EVEN_PAGE
        assert not last.footer.is_linked_to_previous and not last.footer.paragraphs[0].text
    assert {r.font.size.pt for p in framed for r in p.runs} == {14}
    assert (
        'w:yAlign="bottom"' in framed[0]._p.pPr.xml
        and 'w:vAnchor="page"' in framed[0]._p.pPr.xml
        and not document.tables
    )
    assert check_document(read_layout(path)) == []


def test_our_report_passes_the_format_check(tmp_path: Path) -> None:
    assert check_document(read_layout(_written(tmp_path))) == []


def _dash_rows_mm(pdf: Path, tmp_path: Path) -> list[float]:
    """Return how far below the type area page 1's page-number dashes are inked, from a 600 dpi picture."""
    subprocess.run(
        ["pdftoppm", "-r", "600", "-f", "1", "-l", "1", "-gray", str(pdf), str(tmp_path / "p")], check=True
    )
    picture = Image.open(next(tmp_path.glob("p*.pgm")))
    dots = 600 / 25.4
    pixels, bottom = picture.load(), round(262 * dots)
    rows = [
        (y, sum(1 for x in range(round(120 * dots), round(184 * dots)) if pixels[x, y] < 128))
        for y in range(bottom, bottom + round(15 * dots))
    ]
    widest = max(dark for _, dark in rows)  # the two dashes make the widest rows of ink
    return [(y - bottom) / dots for y, dark in rows if dark > widest / 2]


@pytest.mark.slow
def test_the_page_number_dash_is_inked_7_mm_below_the_type_area(
    tmp_path: Path, render: Callable[[Path], Path]
) -> None:
    pdf = render(_written(tmp_path))
    rows = _dash_rows_mm(pdf, tmp_path)
    assert rows and abs(sum(rows) / len(rows) - 7) <= 0.5, rows  # §7.5, measured in the pixels
    assert check_rendering(read_pdf_layout(pdf)) == []  # and luoshi check measures it the same way


@pytest.mark.slow
def test_rendered_by_libreoffice_holds_the_grid(tmp_path: Path, render: Callable[[Path], Path]) -> None:
    layout = read_pdf_layout(render(_written(tmp_path)))
    assert len(layout.pages) >= 3
    left, right, top, bottom = 28 / MM, 184 / MM, 37 / MM, 262 / MM
    for page in layout.pages:
        assert abs(page.width - 595.3) < 1 and abs(page.height - 841.9) < 1  # A4
        body = [line for line in page.lines if line.top < bottom + 3 / MM]
        for line in body:
            assert left - 1 / MM <= line.x0 and line.x1 <= right + 1 / MM, line.text
            assert top - 1 / MM <= line.top and line.bottom <= bottom + 1 / MM, line.text
        number = [line for line in page.lines if line.top >= bottom + 3 / MM]
        assert len(number) == 1 and number[0].text.replace(" ", "") == f"—{page.number}—"
        if page.number % 2:
            assert abs(number[0].x1 - (right - 14)) < 3 / MM  # odd: right, one character in
        else:
            assert abs(number[0].x0 - (left + 14)) < 3 / MM  # even: left, one character in
    full_page = layout.pages[1]
    tops = sorted(line.top for line in full_page.lines if line.top < bottom)
    assert round((tops[-1] - tops[0]) / 28.95) + 1 == 22
    full_lines = [line for line in full_page.lines if line.only_wide and line.x1 - line.x0 > 150 / MM]
    assert full_lines and {line.wide for line in full_lines} == {28}
    assert all(len(line.faces) == len(line.text) and all(line.faces) for line in full_lines)
    assert check_rendering(layout) == []  # stand-in faces that keep the official widths excuse nothing


def test_the_title_is_written_in_whole_words_and_a_hand_broken_one_is_caught(tmp_path: Path) -> None:
    title = "关于《内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案》落实情况的报告"
    path = _written(tmp_path, title=title)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.style.name == STYLE_NAMES["title"])
    lines = paragraph.text.split("\n")
    assert "".join(lines) == title and len(lines) >= 2
    assert lines[0].endswith("打造") and lines[-1].endswith("报告")  # whole words, never 国/际化
    assert [f for f in check_document(read_layout(path), words) if f.clause == "7.3.1"] == []
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    cut = title.index("国际化") + 1
    paragraph.runs[0].text = title[:cut] + "\n" + title[cut:]  # what a hand edit in Word might do
    document.save(str(path))
    found = [f.problem for f in check_document(read_layout(path), words) if f.clause == "7.3.1"]
    assert found == ["标题在词语中间回行：“化国/际化”"]


def test_measures_as_second_level_headings_keep_the_plans_number(tmp_path: Path) -> None:
    document = docx.Document(str(_written(tmp_path, levels=True)))
    level2 = [p for p in document.paragraphs if p.style.name == STYLE_NAMES["level2"]]
    assert level2[0].text.startswith("（一）扎实推进第1项重点任务，完善相关工作机制（第1项，牵头）。")
    assert level2[1].text.startswith("（二）")
    assert _fonts(level2[0].runs[0]) == "楷体_GB2312" and not level2[0].runs[0].bold
    assert check_document(read_layout(tmp_path / "报告.docx")) == []
