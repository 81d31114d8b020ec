"""GB/T 9704-2012 page, grid, fonts and page numbers on a python-docx Document.

The numbers come from the fact sheet (gbt9704.md): A4, margins 37/35/28/26 mm, a `lines` grid of
579 twips (22 lines in the 225 mm type area) with exact 579-twip paragraphs, and −0.25 pt character
spacing on 三号 runs so 28 characters fill the 156 mm line in Word, WPS and LibreOffice alike.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section, _Footer
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from desktop.domain.gongwen.format_facts import A4_MM, MARGINS_MM
from desktop.exporters.font_table import name_fallbacks
from desktop.exporters.ooxml import child

# Page and type area (§5).
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = A4_MM
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = MARGINS_MM
# The footer's bottom sits this far above the paper's edge, chosen by rendering (LibreOffice, 4号宋体 "— 1 —")
# and finding the 一字线's ink in the pixels: 24.56 mm put it 8.1 mm under the type area, 25.66 mm puts it
# at PAGE_NUMBER_GAP_MM. tests/exporters measure it on a 600 dpi picture of the page.
FOOTER_DISTANCE_MM = 25.66
LINE_TWIPS = 579  # 225 mm / 22 lines, floored to whole twips
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
BODY_CHAR_SPACING = -5  # twips: −0.25 pt, 28 × 15.75 pt = 441 pt fits the 442.2 pt line
CHAR_TWIPS = 315  # one 三号 character with that spacing: 15.75 pt

# Sizes in points (号 → pt) and the Windows font names units install (§4.1).
SIZE_2, SIZE_3, SIZE_4 = 22, 16, 14
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
RED = "FF0000"


@dataclass(frozen=True)
class Face:
    """A font, size and weight for one kind of paragraph."""

    east_asia: str
    size: float
    bold: bool = False
    latin: str = LATIN_FONT
    color: str | None = None


BODY = Face(BODY_FONT, SIZE_3)
TITLE = Face(TITLE_FONT, SIZE_2)
LEVEL1 = Face(HEI_FONT, SIZE_3)
LEVEL2 = Face(KAI_FONT, SIZE_3)
LEVEL3 = Face(BODY_FONT, SIZE_3, bold=True)
COLOPHON = Face(BODY_FONT, SIZE_4)
PAGE_NUMBER = Face(SONG_FONT, SIZE_4, latin=SONG_FONT)


def set_fonts(rpr: BaseOxmlElement, face: Face) -> None:
    """Name the fonts explicitly (no theme fonts) with the East Asian hint."""
    fonts = child(rpr, "w:rFonts")
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), face.latin)
    fonts.set(qn("w:hAnsi"), face.latin)
    fonts.set(qn("w:eastAsia"), face.east_asia)
    fonts.set(qn("w:cs"), face.latin)
    fonts.set(qn("w:hint"), "eastAsia")


# Formatting built once per kind and copied: python-docx's property setters cost more than the text itself.
_RPR_TEMPLATES: dict[tuple[Face, bool], BaseOxmlElement] = {}
_PPR_TEMPLATES: dict[tuple[object, ...], BaseOxmlElement] = {}


def style_run(run: Run, face: Face, *, squeeze: bool | None = None) -> Run:
    """Give a run its face; 三号 runs get the −0.25 pt spacing that keeps 28 characters a line."""
    squeezed = squeeze if squeeze is not None else face.size == SIZE_3
    template = _RPR_TEMPLATES.get((face, squeezed))
    if template is not None and run._r.rPr is None:
        run._r.insert(0, deepcopy(template))
        return run
    run.font.size = Pt(face.size)
    run.font.bold = face.bold
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, face)
    if face.color:
        color = child(rpr, "w:color")
        color.set(qn("w:val"), face.color)
    if squeezed:
        child(rpr, "w:spacing").set(qn("w:val"), str(BODY_CHAR_SPACING))
    _RPR_TEMPLATES.setdefault((face, squeezed), deepcopy(rpr))
    return run


def set_paragraph(
    paragraph: Paragraph,
    *,
    first_line_chars: float = 2,
    align: WD_ALIGN_PARAGRAPH | None = None,
    line_twips: int = LINE_TWIPS,
    before_twips: int = 0,
    left_twips: int = 0,
    right_twips: int = 0,
) -> Paragraph:
    """Exact line spacing on the grid, no space after, an indent in characters, widow control off."""
    key = (first_line_chars, align, line_twips, before_twips, left_twips, right_twips)
    fresh = paragraph._p.pPr is None
    template = _PPR_TEMPLATES.get(key)
    if template is not None and fresh:
        paragraph._p.insert(0, deepcopy(template))
        return paragraph
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Twips(line_twips)
    fmt.space_before = Twips(before_twips)
    fmt.space_after = Twips(0)
    fmt.first_line_indent = Twips(round(first_line_chars * CHAR_TWIPS)) if first_line_chars else None
    fmt.left_indent = Twips(left_twips) if left_twips else None
    fmt.right_indent = Twips(right_twips) if right_twips else None
    fmt.widow_control = False
    if align is not None:
        paragraph.alignment = align
    ppr = paragraph._p.get_or_add_pPr()
    child(ppr, "w:snapToGrid").set(qn("w:val"), "0")
    if fresh:
        _PPR_TEMPLATES.setdefault(key, deepcopy(ppr))
    return paragraph


def new_paragraph(document: Document) -> Paragraph:
    """Append an empty paragraph to the body, before its closing section properties.

    Same result as `document.add_paragraph()`, which finds the `w:sectPr` by scanning every paragraph
    already in the body (quadratic in a long report); here it is looked up from the end.
    """
    body = document.element.body
    paragraph = OxmlElement("w:p")
    try:
        last = body[-1]  # lxml finds the last child from the end; len(body) would count them all
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(paragraph)
    else:
        body.append(paragraph)
    return Paragraph(paragraph, document._body)


def add_text(paragraph: Paragraph, text: str, face: Face) -> Run:
    """Append a styled run.

    Plain text (no tab or line break) goes straight into a `w:t`: python-docx's `add_run(text)` walks the
    text one character at a time looking for them, which is most of the cost of a long report.
    """
    if not text or "\t" in text or "\n" in text or "\r" in text:
        return style_run(paragraph.add_run(text), face)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)
    return style_run(Run(r, paragraph), face)


def _docdefaults(document: Document) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY)
    child(rpr, "w:sz").set(qn("w:val"), str(SIZE_3 * 2))
    child(rpr, "w:szCs").set(qn("w:val"), str(SIZE_3 * 2))
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(LINE_TWIPS))
    spacing.set(qn("w:lineRule"), "exact")
    # Justified, and no punctuation hanging past the right edge: a comma due at a full line's end takes the
    # character before it to the next line, and the line is spread to the edge; luoshi check accepts such
    # a line (format_facts.NO_LINE_START). Measured with LibreOffice 7.4: it reads overflowPunct="1" as no
    # hanging (style:punctuation-wrap="simple") and "0" as hanging, the reverse of ECMA-376's wording;
    # Word and WPS were not available to measure (the closing note of issue 18 says so). autoSpaceDE/DN
    # ask for no extra space between 汉字 and Latin/digits; LibreOffice ignores them (render_check.AUTOSPACE).
    for tag, value in (
        ("w:overflowPunct", "1"),
        ("w:autoSpaceDE", "0"),
        ("w:autoSpaceDN", "0"),
        ("w:jc", "both"),
    ):
        child(ppr, tag).set(qn("w:val"), value)
    normal = document.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY)
    normal.font.size = Pt(SIZE_3)
    # No style may bring a theme font back (Word lets theme attributes win over names).
    for fonts in styles.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    settings = document.settings.element
    theme_lang = child(settings, "w:themeFontLang")
    theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    section.header_distance = Mm(15)
    grid = child(section._sectPr, "w:docGrid")
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_TWIPS))


def _field(paragraph: Paragraph, instruction: str, face: Face) -> None:
    """Append a complex field (e.g. PAGE) whose cached result is '1'."""
    for kind, text in (
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("result", "1"),
        ("end", None),
    ):
        run = style_run(paragraph.add_run(), face)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "result":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _footer_line(footer: _Footer, align: WD_ALIGN_PARAGRAPH) -> Paragraph:
    """Unlink `footer` from the previous section and lay out its one line as the page number's line."""
    footer.is_linked_to_previous = False
    one_char = SIZE_4 * 20
    paragraph: Paragraph = footer.paragraphs[0]
    set_paragraph(
        paragraph,
        first_line_chars=0,
        align=align,
        line_twips=SIZE_4 * 20,
        left_twips=one_char if align == WD_ALIGN_PARAGRAPH.LEFT else 0,
        right_twips=one_char if align == WD_ALIGN_PARAGRAPH.RIGHT else 0,
    )
    return paragraph


def _page_numbers(document: Document) -> None:
    """Put page numbers "— 1 —" in 4号宋体: odd pages right, even pages left, one character in (§7.5)."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = _footer_line(footer, align)
        add_text(paragraph, "— ", PAGE_NUMBER)
        _field(paragraph, "PAGE", PAGE_NUMBER)
        add_text(paragraph, " —", PAGE_NUMBER)


def unnumbered(section: Section) -> None:
    """Give `section` empty footers exactly as tall as the numbered ones: no page number, same type area.

    LibreOffice sets the body's bottom above the footer, so a missing or shorter footer would move
    whatever is placed on the bottom of the type area (the 版记).
    """
    for footer in (section.footer, section.even_page_footer):
        _footer_line(footer, WD_ALIGN_PARAGRAPH.CENTER)


def prepare(document: Document) -> None:
    """Set page, grid, default fonts and page numbers; remove the template's empty first paragraph."""
    _docdefaults(document)
    _page(document)
    _page_numbers(document)
    name_fallbacks(document)
    body = document.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)


def border(
    ppr_owner: BaseOxmlElement, side: str, *, size_eighths: int, color: str = "000000", space_pt: int = 0
) -> None:
    """Add a single-line border on one side of a paragraph (pPr) or a table (tblPr) or cell (tcPr)."""
    tag = (
        "w:pBdr"
        if ppr_owner.tag == qn("w:pPr")
        else ("w:tblBorders" if ppr_owner.tag == qn("w:tblPr") else "w:tcBorders")
    )
    borders = child(ppr_owner, tag)
    line = child(borders, f"w:{side}")
    line.set(qn("w:val"), "single" if size_eighths else "nil")
    line.set(qn("w:sz"), str(size_eighths))
    line.set(qn("w:space"), str(space_pt))
    line.set(qn("w:color"), color)


def right_tab(paragraph: Paragraph, position_twips: int) -> None:
    """Add a right-aligned tab stop."""
    tabs = child(paragraph._p.get_or_add_pPr(), "w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)


def latin_breaks_anywhere(paragraph: Paragraph) -> None:
    """Let Latin break inside a word in this paragraph (Word's 允许西文在单词中间换行; LibreOffice reads it).

    For a paragraph holding a URL, a file name or a code: that long word then fills its line instead of
    leaving the line before it stretched with a gap of a character or more (measured on LibreOffice's
    render, tests/exporters/test_report_random). Not for every paragraph: it would split numbers too.
    """
    child(paragraph._p.get_or_add_pPr(), "w:wordWrap").set(qn("w:val"), "0")


def outline_level(paragraph: Paragraph, level: int) -> None:
    """Mark a heading for Word's and WPS's navigation pane (0 = top level)."""
    child(paragraph._p.get_or_add_pPr(), "w:outlineLvl").set(qn("w:val"), str(level))


TYPE_AREA_TWIPS = round((PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * 56.693)
