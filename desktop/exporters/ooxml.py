"""Property elements of WordprocessingML created in their schema position.

Word refuses a file whose property elements (rPr, pPr, sectPr, tblPr …) are out of the schema's order, so
a new element goes before the first existing sibling that must follow it.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
]
_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
_SECT_ORDER = [
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
]
_TBLPR_ORDER = [
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
]
_TCPR_ORDER = [
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:vAlign",
]
_BORDER_ORDER = [
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:between",
    "w:bar",
    "w:insideH",
    "w:insideV",
]
_ORDERS = {
    "w:rPr": _RPR_ORDER,
    "w:pPr": _PPR_ORDER,
    "w:sectPr": _SECT_ORDER,
    "w:tblPr": _TBLPR_ORDER,
    "w:tcPr": _TCPR_ORDER,
    "w:pBdr": _BORDER_ORDER,
    "w:tblBorders": _BORDER_ORDER,
    "w:tcBorders": _BORDER_ORDER,
}
_PREFIX = {qn("w:x")[:-1]: "w:"}


def _short(tag: str) -> str:
    namespace, _, local = tag.rpartition("}")
    return _PREFIX.get(namespace + "}", "?") + local


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """Return the first child `tag` of `parent`, created in its schema position when missing.

    Word refuses a file whose property elements are out of the schema's order, so new ones are
    inserted before the first sibling that must follow them.
    """
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    order = _ORDERS.get(_short(parent.tag), ())
    later = set(order[order.index(tag) + 1 :]) if tag in order else set()
    for index, sibling in enumerate(parent):
        if _short(sibling.tag) in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element
