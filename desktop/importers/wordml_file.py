"""Word 2003 XML documents (WordprocessingML, 'XML 文档'), whatever their name (.doc, .xml, .wps).

OA systems export these as .doc. The XML goes through defusedxml (no DTD, no entities). Body paragraphs
(w:p) become lines; tables (w:tbl) stay tables, a cell's paragraphs joined by line breaks; w:br and
w:cr break lines, w:tab is a space. Automatic list numbers are not rendered (a plan written with them
still reads by its clauses; a table's 序号 column usually holds typed numbers).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers.extracted import Extracted, plan_of

W = "{http://schemas.microsoft.com/office/word/2003/wordml}"
_MAX_SPAN = 60  # a gridSpan larger than any real task table


def read_wordml(path: Path) -> Plan:
    """Return the plan in a Word 2003 XML document."""
    return plan_of(extract_wordml(path), path)


def extract_wordml(path: Path) -> Extracted:
    """Return the paragraphs and tables of a Word 2003 XML document."""
    try:
        root = ElementTree.parse(str(path)).getroot()
    except DefusedXmlException:
        raise LuoshiError(ErrorCode.UNSAFE_XML, path=str(path)) from None
    except (ElementTree.ParseError, ValueError, OSError):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    body = root.find(f"{W}body")
    if body is None:
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path))
    found = Extracted()
    _blocks(body, found)
    return found


def _blocks(parent: Element, found: Extracted) -> None:
    """Walk body-level content: paragraphs, tables, and the sections (wx:sect, wx:sub-section) around them."""
    for child in parent:
        if child.tag == f"{W}p":
            found.add_lines(_paragraph(child))
        elif child.tag == f"{W}tbl":
            found.add_table([_row(tr) for tr in child.findall(f"{W}tr")])
        elif child.tag != f"{W}sectPr":
            _blocks(child, found)


def _paragraph(p: Element) -> str:
    parts: list[str] = []
    for node in p.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag == f"{W}instrText":  # a field's instruction, never shown
            continue
    return "".join(parts)


def _row(tr: Element) -> list[str]:
    cells: list[str] = []
    for tc in tr.findall(f"{W}tc"):
        text = "\n".join(t for t in (_paragraph(p) for p in tc.iter(f"{W}p")) if t.strip())
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        try:
            count = int(span.get(f"{W}val", "1")) if span is not None else 1
        except ValueError:
            count = 1
        cells.extend([text] * max(1, min(count, _MAX_SPAN)))
    return cells
