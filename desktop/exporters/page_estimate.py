"""Read a built report's paragraphs as page_fill blocks, to estimate where its body ends."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from desktop.domain.page_fill import Block, Fill, ends_within
from desktop.exporters import gbt9704_docx as gb

PAGE_TWIPS = gb.LINES_PER_PAGE * gb.LINE_TWIPS


def _twips(element: BaseOxmlElement | None, attr: str) -> int:
    if element is None:
        return 0
    value = element.get(qn(attr))
    return int(value) if value else 0


def _text(paragraph: BaseOxmlElement) -> str:
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:br"):
            parts.append("\n")
        else:
            parts.append("  ")
    return "".join(parts)


def _size_pt(paragraph: BaseOxmlElement) -> float:
    for size in paragraph.iter(qn("w:sz")):
        if size.getparent().getparent().tag == qn("w:r"):
            return int(size.get(qn("w:val"))) / 2
    return float(gb.SIZE_3)


def _block(paragraph: BaseOxmlElement, kept_styles: set[str]) -> Block:
    ppr = paragraph.find(qn("w:pPr"))
    find = (lambda tag: ppr.find(qn(tag))) if ppr is not None else (lambda tag: None)
    spacing, indent, style, border = find("w:spacing"), find("w:ind"), find("w:pStyle"), find("w:pBdr")
    size = _size_pt(paragraph)
    line = _twips(spacing, "w:line") or gb.LINE_TWIPS
    if border is not None and border.find(qn("w:bottom")) is not None:  # the 版头's red rule below the line
        rule = border.find(qn("w:bottom"))
        line += _twips(rule, "w:space") * 20 + _twips(rule, "w:sz") * 20 // 8
    width = gb.TYPE_AREA_TWIPS - _twips(indent, "w:left") - _twips(indent, "w:right")
    return Block(
        text=_text(paragraph),
        chars=width / gb.CHAR_TWIPS,
        first_indent=_twips(indent, "w:firstLine") / gb.CHAR_TWIPS,
        line_twips=line,
        before_twips=_twips(spacing, "w:before"),
        scale=1.0 if size == gb.SIZE_3 else size * 20 / gb.CHAR_TWIPS,
        keep_with_next=find("w:keepNext") is not None
        or (style is not None and style.get(qn("w:val")) in kept_styles),
    )


def body_end(document: Document) -> tuple[Fill, Fill]:
    """Return where the document's body ends, laid out tight (Word) and loose (LibreOffice)."""
    kept_styles = {
        style.style_id
        for style in document.styles
        if getattr(style, "paragraph_format", None) is not None and style.paragraph_format.keep_with_next
    }
    blocks = [_block(p, kept_styles) for p in document.element.body.iter(qn("w:p"))]
    return ends_within(blocks, PAGE_TWIPS)
