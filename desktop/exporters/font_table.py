"""The report's font table: tell Word which installed face to show for an official font a PC lacks.

Word reads `w:altName` when the named font is missing (ECMA-376 §17.8.3.1), and the GB 2312 character set
and PANOSE class when the alternative is missing too. The names come from desktop.domain.gongwen.fonts, so what
生成报告 tells the clerk Word will show is what the file asks for.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from desktop.domain.gongwen.fonts import OFFICIAL_FONTS

GB2312_CHARSET = "86"
# PANOSE of the Windows faces (serif 宋/仿宋/楷 styles and the sans 黑体), as their own font files give them.
_PANOSE = {
    "仿宋_GB2312": "02010609030101010101",
    "楷体_GB2312": "02010609030101010101",
    "黑体": "02010609060101010101",
    "方正小标宋简体": "02000000000000000000",
}
_FONT_TABLE = "/fontTable"


def name_fallbacks(document: Document) -> None:
    """Add each official font to the font table with its first stand-in as the alternative name."""
    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith(_FONT_TABLE)), None
    )
    if not isinstance(part, Part):
        return
    table = parse_xml(part.blob)
    listed = {font.get(qn("w:name")) for font in table.iterchildren(qn("w:font"))}
    for official in OFFICIAL_FONTS:
        if official.name in listed:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), official.name)
        for tag, value in (
            ("w:altName", official.stand_ins[0]),
            ("w:panose1", _PANOSE[official.name]),
            ("w:charset", GB2312_CHARSET),
            ("w:family", "modern"),  # as Word writes the Chinese faces: every 汉字 is one em wide
            ("w:pitch", "fixed"),
        ):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            font.append(element)
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
