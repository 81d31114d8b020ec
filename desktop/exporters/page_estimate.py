"""Read a built report's paragraphs as page_fill blocks, to estimate where its body ends."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from desktop.domain.gongwen.page_fill import Block, Fill, ends_within
from desktop.exporters import gbt9704_docx as gbt9704

PAGE_TWIPS = gbt9704.LINES_PER_PAGE * gbt9704.LINE_TWIPS
# Tag and attribute names resolved once: a 1,000-measure report has 3,000 paragraphs to read.
_P, _PPR, _T, _BR, _TAB, _R, _SZ, _VAL = (
    qn(x) for x in ("w:p", "w:pPr", "w:t", "w:br", "w:tab", "w:r", "w:sz", "w:val")
)
_SPACING, _IND, _STYLE, _BORDER, _BOTTOM, _KEEP, _WRAP = (
    qn(x) for x in ("w:spacing", "w:ind", "w:pStyle", "w:pBdr", "w:bottom", "w:keepNext", "w:wordWrap")
)
_LINE, _BEFORE, _LEFT, _RIGHT, _FIRST, _SPACE = (
    qn(x) for x in ("w:line", "w:before", "w:left", "w:right", "w:firstLine", "w:space")
)


def _twips(element: BaseOxmlElement | None, attr: str) -> int:
    if element is None:
        return 0
    value = element.get(attr)
    return int(value) if value else 0


def _text(paragraph: BaseOxmlElement) -> str:
    parts = []
    for node in paragraph.iter(_T, _BR, _TAB):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _BR:
            parts.append("\n")
        else:
            parts.append("  ")
    return "".join(parts)


def _size_pt(paragraph: BaseOxmlElement) -> float:
    for size in paragraph.iter(_SZ):
        if size.getparent().getparent().tag == _R:
            return int(size.get(_VAL)) / 2
    return float(gbt9704.SIZE_3)


def _block(paragraph: BaseOxmlElement, kept_styles: set[str]) -> Block:
    ppr = paragraph.find(_PPR)
    spacing = indent = style = border = keep = wrap = None
    if ppr is not None:
        spacing, indent, style = ppr.find(_SPACING), ppr.find(_IND), ppr.find(_STYLE)
        border, keep, wrap = ppr.find(_BORDER), ppr.find(_KEEP), ppr.find(_WRAP)
    size = _size_pt(paragraph)
    line = _twips(spacing, _LINE) or gbt9704.LINE_TWIPS
    rule = border.find(_BOTTOM) if border is not None else None
    if rule is not None:  # the 版头's red rule below the line
        line += _twips(rule, _SPACE) * 20 + _twips(rule, _SZ) * 20 // 8
    width = gbt9704.TYPE_AREA_TWIPS - _twips(indent, _LEFT) - _twips(indent, _RIGHT)
    return Block(
        text=_text(paragraph),
        chars=width / gbt9704.CHAR_TWIPS,
        first_indent=_twips(indent, _FIRST) / gbt9704.CHAR_TWIPS,
        line_twips=line,
        before_twips=_twips(spacing, _BEFORE),
        scale=1.0 if size == gbt9704.SIZE_3 else size * 20 / gbt9704.CHAR_TWIPS,
        keep_with_next=keep is not None or (style is not None and style.get(_VAL) in kept_styles),
        latin_breaks=wrap is not None and wrap.get(_VAL) == "0",
    )


def body_end(document: Document) -> tuple[Fill, Fill]:
    """Return where the document's body ends, laid out tight (Word) and loose (LibreOffice)."""
    kept_styles = {
        style.style_id
        for style in document.styles
        if getattr(style, "paragraph_format", None) is not None and style.paragraph_format.keep_with_next
    }
    blocks = [_block(p, kept_styles) for p in document.element.body.iter(_P)]
    return ends_within(blocks, PAGE_TWIPS)
