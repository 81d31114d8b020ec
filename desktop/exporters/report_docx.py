"""Write a progress report (domain Report) as a GB/T 9704-2012 .docx."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from desktop.domain.errors import Cancelled
from desktop.domain.gongwen.format_facts import SEAL_LINES, signature_layout, text_width
from desktop.domain.gongwen.page_fill import line_count
from desktop.domain.gongwen.title_layout import title_lines
from desktop.domain.reporting.report import Colophon, Entry, Letterhead, Report, date_text
from desktop.exporters import gbt9704_docx as gbt9704
from desktop.exporters import page_estimate
from desktop.exporters.atomic import check_suffix, write_atomically
from desktop.exporters.ooxml import child
from desktop.exporters.words import plan_vocabulary, words

STYLE_NAMES = {
    "title": "公文标题",
    "level1": "一级标题",
    "level2": "二级标题",
    "level3": "三级标题",
    "body": "公文正文",
}
STYLE_IDS = dict(STYLE_NAMES)  # python-docx derives a style's id from its name (no spaces here)
MARK_MAX_PT, MARK_MIN_PT = 36, 22  # 发文机关标志: 小初 at most, shrunk to fit 156 mm
MARK_TOP_MM = 35  # its upper edge below the top of the type area (§7.2.4)
RULE_GAP_PT = 11  # red rule about 4 mm below the 发文字号 line
RULE_THICK_TWIPS, RULE_THIN_TWIPS = 20, 14  # 版记 rules: 0.35 mm and 0.25 mm (§7.4.1)
COPY_LABEL = "抄送："


def _body(
    document: Document, text: str = "", *, face: gbt9704.Face = gbt9704.BODY, **layout: object
) -> Paragraph:
    paragraph = gbt9704.new_paragraph(document)
    gbt9704.set_paragraph(paragraph, **layout)  # type: ignore[arg-type]
    if text:
        gbt9704.add_text(paragraph, text, face)
    return paragraph


def _letterhead(document: Document, head: Letterhead) -> None:
    """Red 发文机关标志 35 mm down, 发文字号 left and 签发人 right two lines below, red rule under them."""
    width_pt = gbt9704.TYPE_AREA_TWIPS / 20
    lines = title_lines(words(head.organ), width_pt / MARK_MIN_PT)  # two lines only when 22 pt is too wide
    size = max(MARK_MIN_PT, min(MARK_MAX_PT, int(width_pt / max(max(text_width(x) for x in lines), 1))))
    mark = gbt9704.Face(gbt9704.TITLE_FONT, size, color=gbt9704.RED, latin=gbt9704.TITLE_FONT)
    paragraph = _body(
        document,
        face=mark,
        first_line_chars=0,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        line_twips=size * 20,
        before_twips=Mm(MARK_TOP_MM).twips,
    )
    _lines(paragraph, lines, mark)
    number = _body(document, first_line_chars=0, before_twips=2 * gbt9704.LINE_TWIPS)
    gbt9704.add_text(number, "　" + head.doc_number, gbt9704.BODY)  # 居左空一字
    if head.signer:
        gbt9704.right_tab(number, gbt9704.TYPE_AREA_TWIPS - gbt9704.CHAR_TWIPS)
        gbt9704.add_text(number, "\t签发人：", gbt9704.BODY)
        gbt9704.add_text(number, head.signer, gbt9704.Face(gbt9704.KAI_FONT, gbt9704.SIZE_3))
    gbt9704.border(
        number._p.get_or_add_pPr(), "bottom", size_eighths=12, color=gbt9704.RED, space_pt=RULE_GAP_PT
    )


def _lines(paragraph: Paragraph, lines: list[str], face: gbt9704.Face) -> None:
    """Write the lines of a title or 发文机关标志, a line break between each (§7.3.1: whole words)."""
    for i, line in enumerate(lines):
        if i:
            gbt9704.add_text(paragraph, "", face).add_break()
        gbt9704.add_text(paragraph, line, face)


def _title(document: Document, report: Report) -> None:
    before = 2 * gbt9704.LINE_TWIPS if report.letterhead else 0
    paragraph = _body(
        document, face=gbt9704.TITLE, first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, before_twips=before
    )
    cut = words(report.title, plan_vocabulary(report.title, report.plan_texts))
    _lines(paragraph, title_lines(cut, gbt9704.TYPE_AREA_TWIPS // (gbt9704.SIZE_2 * 20)), gbt9704.TITLE)
    paragraph._p.style = STYLE_IDS["title"]
    gbt9704.outline_level(paragraph, 0)
    _body(document)  # 空一行 before 主送机关
    if report.addressee:
        _body(document, report.addressee.rstrip("：:") + "：", first_line_chars=0)


# A run of Latin with no space this long (a URL, a file name, a code) is one unbreakable word to Word, WPS
# and LibreOffice: the line before it would stretch, so its paragraph lets Latin break anywhere.
_LONG_LATIN = re.compile(r"[!-~]{12,}")


def _note(document: Document, text: str, head: Paragraph | None = None) -> None:
    """Append a paragraph of the clerk's text (or continue `head`), long Latin breakable."""
    paragraph = head if head is not None else _body(document)
    gbt9704.add_text(paragraph, text, gbt9704.BODY)
    if _LONG_LATIN.search(text):
        gbt9704.latin_breaks_anywhere(paragraph)


def _entry(document: Document, entry: Entry) -> None:
    head = _body(document)
    head._p.style = STYLE_IDS[f"level{entry.level}"]
    gbt9704.add_text(head, entry.heading, gbt9704.LEVEL2 if entry.level == 2 else gbt9704.LEVEL3)
    _note(document, entry.progress[0], head)
    for text in entry.progress[1:]:
        _note(document, text)
    for label, texts in (("存在问题：", entry.problems), ("下步计划：", entry.next_steps)):
        for i, text in enumerate(texts):
            _note(document, (label if i == 0 else "") + text)
    if entry.attachments:
        _note(document, "佐证材料：" + "；".join(entry.attachments) + "。")


def _signature(document: Document, report: Report) -> None:
    """Lay out 署名 and 成文日期 (§7.3.5), from the columns domain/gongwen/format_facts gives.

    Sealed: the date 右空四字, the organ centred over it, room for the seal above. Unsealed: the organ 右空二字
    and the date's first character two characters right of the organ's.
    """
    placed = signature_layout(report.organ, date_text(report.dated), sealed=report.sealed)
    kept = [_body(document) for _ in range(SEAL_LINES if report.sealed else 1)]  # 空行, or the seal's room
    for text, place in placed:
        if not text:
            continue
        if place.right is not None:
            line = _body(
                document,
                text,
                first_line_chars=0,
                align=WD_ALIGN_PARAGRAPH.RIGHT,
                right_twips=round(place.right * gbt9704.CHAR_TWIPS),
            )
        else:
            line = _body(document, text, first_line_chars=place.left or 0)
        kept.append(line)
    for paragraph in kept[:-1]:  # the signature never stands on a page without body text (§7.3.5)
        paragraph.paragraph_format.keep_with_next = True


def _colophon(document: Document, colophon: Colophon) -> None:
    """版记 on the bottom of the type area of the last page (§7.4.1): 抄送 and 印发 between thick rules.

    One frame (consecutive paragraphs with the same `w:framePr`, 156 mm wide) on the bottom of the page,
    its last paragraph an empty one as tall as the bottom margin, so the last rule ends on the type area's
    bottom edge however many lines 抄送 takes. The frame is placed on the page, not the margin box:
    LibreOffice computes the margin box of an even-page section 5.5 mm lower than Word's. LibreOffice
    ignores a floating table's bottom alignment and a section's vertical alignment, and will not frame a
    paragraph that has borders, so each rule is an empty paragraph of its own height shaded black: thick
    (0.35 mm) first and last, thin (0.25 mm) between the lines. luoshi check measures where it ends.
    """
    one_char = gbt9704.SIZE_4 * 20
    rows: list[list[tuple[str, str]]] = []  # each row between rules: its lines (left text, right text)
    if colophon.copy_to:
        rows.append([(COPY_LABEL + colophon.copy_to.rstrip("。") + "。", "")])
    printed = date_text(colophon.printed_on) + "印发"
    room = (
        gbt9704.TYPE_AREA_TWIPS - 2 * one_char
    ) // one_char  # characters on a 版记 line, one in from each side
    if text_width(colophon.printer) + 1 + text_width(printed) <= room:
        rows.append([(colophon.printer, printed)])
    else:  # a long 印发机关 wraps on its own lines; the date keeps a line of its own, whole, on the right
        rows.append([(colophon.printer, ""), ("", printed)])
    _colophon_page(document, rows, room)
    _rule(document, RULE_THICK_TWIPS)
    for i, lines in enumerate(rows):
        if i:
            _rule(document, RULE_THIN_TWIPS)
        for left, right in lines:
            paragraph = _framed(document, indent_twips=one_char)
            if left.startswith(COPY_LABEL):  # 回行时与冒号后的首字对齐 (§7.4.2)
                paragraph.paragraph_format.left_indent = Twips(one_char * (1 + len(COPY_LABEL)))
                paragraph.paragraph_format.first_line_indent = Twips(-one_char * len(COPY_LABEL))
            gbt9704.add_text(paragraph, left, gbt9704.COLOPHON)
            if right:
                gbt9704.right_tab(paragraph, gbt9704.TYPE_AREA_TWIPS - one_char)
                gbt9704.add_text(paragraph, "\t" + right, gbt9704.COLOPHON)
    _rule(document, RULE_THICK_TWIPS)
    _rule(document, Mm(gbt9704.MARGIN_BOTTOM_MM).twips, shaded=False)  # the bottom margin


def _colophon_page(document: Document, rows: list[list[tuple[str, str]]], room: int) -> None:
    """Put the 版记 on the body's last page when that page is even and has room, else on the next even page.

    The 版记 page is the back of the last sheet (封四). Where the body ends on an even page with room under
    the signature, as LibreOffice lays it out (page_estimate's loose figure, measured against its
    renders) and no later in a tighter layout, the 版记 follows it there. Otherwise an even-page section
    break makes Word, WPS and LibreOffice start it on the next even page, leaving a blank page only when
    the body ends on an even page; neither that blank page nor the 版记 page carries a page number (§7.5).
    """
    lines = sum(line_count(left or right, room, loose=True) for row in rows for left, right in row)
    height = lines * gbt9704.LINE_TWIPS + 2 * RULE_THICK_TWIPS + (len(rows) - 1) * RULE_THIN_TWIPS
    height += gbt9704.LINE_TWIPS  # the line after the signature that anchors the frame
    tight, loose = page_estimate.body_end(document)
    used = max(tight.used_twips, loose.used_twips) if tight.page == loose.page else loose.used_twips
    if loose.page % 2 == 0 and tight.page <= loose.page and used + height <= page_estimate.PAGE_TWIPS:
        return
    gbt9704.unnumbered(document.add_section(WD_SECTION.EVEN_PAGE))


def _framed(document: Document, *, line_twips: int = gbt9704.LINE_TWIPS, indent_twips: int = 0) -> Paragraph:
    """Append a paragraph of the 版记's frame: 156 mm wide, centred, on the bottom of the page."""
    paragraph = _body(
        document, first_line_chars=0, line_twips=line_twips, left_twips=indent_twips, right_twips=indent_twips
    )
    frame = child(paragraph._p.get_or_add_pPr(), "w:framePr")
    for attr, value in (
        ("w", str(gbt9704.TYPE_AREA_TWIPS)),
        ("wrap", "around"),
        ("vAnchor", "page"),
        ("hAnchor", "margin"),
        ("xAlign", "center"),
        ("yAlign", "bottom"),
    ):
        frame.set(qn(f"w:{attr}"), value)
    return paragraph


def _rule(document: Document, height_twips: int, *, shaded: bool = True) -> None:
    """Append a rule of the 版记: an empty framed paragraph `height_twips` high, shaded black (or blank)."""
    paragraph = _framed(document, line_twips=height_twips)
    ppr = paragraph._p.get_or_add_pPr()
    if shaded:
        shading = child(ppr, "w:shd")
        for attr, value in (("val", "clear"), ("color", "auto"), ("fill", "000000")):
            shading.set(qn(f"w:{attr}"), value)
    mark = child(ppr, "w:rPr")  # the paragraph mark's size: it must not make the line taller
    child(mark, "w:sz").set(qn("w:val"), "2")


def _styles(document: Document) -> None:
    """Named paragraph styles so Word's navigation pane and the format check see the levels.

    Created on the styles element directly: `styles.add_style` first looks the name up among the
    template's 160-odd styles by XPath, which cost more than the rest of a short report.
    """
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    for key, face, level in (
        ("title", gbt9704.TITLE, 0),
        ("level1", gbt9704.LEVEL1, 1),
        ("level2", gbt9704.LEVEL2, 2),
        ("level3", gbt9704.LEVEL3, 3),
        ("body", gbt9704.BODY, 9),
    ):
        style = ParagraphStyle(
            document.styles.element.add_style_of_type(STYLE_NAMES[key], WD_STYLE_TYPE.PARAGRAPH, False)
        )
        style.base_style = normal
        style.font.size = Pt(face.size)
        style.font.bold = face.bold
        gbt9704.set_fonts(style.element.get_or_add_rPr(), face)
        if level < 9:
            style.paragraph_format.keep_with_next = key not in ("level2", "level3")  # run-in headings


def build_document(report: Report, *, should_stop: Callable[[], bool] | None = None) -> Document:
    """Lay the report out: 版头 (optional), title, 主送机关, opening, sections, closing, signature, 版记."""
    document = docx.Document()
    gbt9704.prepare(document)
    _styles(document)
    core = document.core_properties
    core.title, core.author, core.language = report.title, report.organ, "zh-CN"
    if report.letterhead:
        _letterhead(document, report.letterhead)
    _title(document, report)
    _body(document, report.opening)
    for section in report.sections:
        if should_stop and should_stop():
            raise Cancelled
        heading = _body(document, section.heading, face=gbt9704.LEVEL1)
        heading._p.style = STYLE_IDS["level1"]
        gbt9704.outline_level(heading, 1)
        for entry in section.entries:
            _entry(document, entry)
    # 特此报告 never stands alone on the signature page: the body's last lines go with it (widow control
    # lets a long last paragraph split, two lines at least carried over)
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    _body(document, report.closing).paragraph_format.keep_with_next = True
    _signature(document, report)
    if report.colophon:
        _colophon(document, report.colophon)
    return document


def write_report(report: Report, path: Path, *, should_stop: Callable[[], bool] | None = None) -> None:
    """Write the report to `path` through a temporary file, never leaving a half-written target."""
    check_suffix(path, ".docx")
    document = build_document(report, should_stop=should_stop)
    write_atomically(path, lambda target: document.save(str(target)))
