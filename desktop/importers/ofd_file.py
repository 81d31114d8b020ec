"""OFD (GB/T 33190, the 版式 format of 电子公文) plans: the text of each page, in reading order.

An OFD is a zip: OFD.xml names each document's Document.xml, which lists the pages; a page's Content.xml
holds text objects (a box in millimetres, a size, and text codes placed in the box). The characters are
put into lines by their baseline and read left to right, as the PDF reader does, then parsed the same
way. Signatures, seals and annotations live in other parts and are not read. XML goes through defusedxml
(no DTDs, no entities) after the zip passed the same bomb checks as .docx.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.grid_tables import Piece
from desktop.importers.extracted import table_or_text
from desktop.importers.failures import FileFault, unusable
from desktop.importers.safety import check_office_zip
from desktop.importers.script import simplify_lines

MAX_PAGES = 2000
MAX_PART_BYTES = 50 * 1024 * 1024
_PAGE_STACK = 1000.0  # mm between the tops of two pages when pages are stacked for a table across them
_IDENTITY = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


@dataclass(frozen=True)
class _Glyph:
    x: float
    baseline: float
    size: float
    text: str


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element.iter() if _local(child) == name]


def _numbers(text: str | None) -> list[float]:
    """Read an OFD number list; 'g 3 5.6' repeats 5.6 three times (GB/T 33190 §7.1)."""
    values: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            values.extend([float(tokens[i + 2])] * int(float(tokens[i + 1])))
            i += 3
        else:
            values.append(float(tokens[i]))
            i += 1
    return values


def _glyphs(text_object: Element) -> list[_Glyph]:
    """Place a text object's characters on the page, in millimetres.

    X, Y, DeltaX, DeltaY and Size are in the object's own space; its CTM (a b c d e f, GB/T 33190 §8.2)
    maps them into the Boundary box, whose origin is on the page. Converters that write points (数科,
    金格) scale by 0.3528 there; text with no CTM is in millimetres already.
    """
    box = [*_numbers(text_object.get("Boundary")), 0.0, 0.0]
    ctm = _numbers(text_object.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else _IDENTITY
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    size = float(text_object.get("Size") or 3.5)
    glyphs: list[_Glyph] = []
    x = y = 0.0
    for code in _children(text_object, "TextCode"):
        text = code.text or ""
        x = float(code.get("X") or x)  # a code without X or Y goes on where the last one ended
        y = float(code.get("Y") or y)
        steps_x = _numbers(code.get("DeltaX"))
        steps_y = _numbers(code.get("DeltaY"))
        for index, ch in enumerate(text):
            glyphs.append(_Glyph(box[0] + a * x + c * y + e, box[1] + b * x + d * y + f, size * scale, ch))
            if steps_y and not steps_x:  # a vertical run: characters go down, not across
                y += steps_y[index] if index < len(steps_y) else size
            else:
                x += steps_x[index] if index < len(steps_x) else size
                y += steps_y[index] if index < len(steps_y) else 0.0
    return glyphs


def page_lines(content: Element) -> list[str]:
    """Return a page's text lines: characters grouped by baseline, top to bottom, left to right."""
    glyphs = [g for obj in _children(content, "TextObject") for g in _glyphs(obj)]
    glyphs.sort(key=lambda g: (g.baseline, g.x))
    rows: list[list[_Glyph]] = []
    for glyph in glyphs:
        if rows and abs(rows[-1][0].baseline - glyph.baseline) < rows[-1][0].size * 0.4:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    lines = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        text = "".join(g.text for g in row)
        if text.strip():
            lines.append(text)
    return lines


class _Package:
    """The zip's parts, read through defusedxml, with paths resolved as GB/T 33190 writes them."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = {name.lstrip("/").lower(): name for name in archive.namelist()}

    def read(self, path: str) -> bytes:
        name = self.names.get(posixpath.normpath(path.lstrip("/")).lower())
        if name is None:
            raise FileFault(f"no part {path}")
        if self.archive.getinfo(name).file_size > MAX_PART_BYTES:
            raise FileFault("part too large")
        return self.archive.read(name)

    def xml(self, path: str) -> Element:
        root: Element = ElementTree.fromstring(self.read(path), forbid_dtd=True)
        return root


def _locations(root: Element, name: str) -> list[str]:
    return [(e.text or "").strip() for e in _children(root, name) if (e.text or "").strip()]


def read_ofd_lines(path: Path) -> list[str]:
    """Return the text lines of every page of every document in the OFD."""
    return _read(path)[0]


def _read(path: Path) -> tuple[list[str], list[Piece]]:
    """Return the text lines of every page, and every character as a piece placed on stacked pages."""
    name = str(path)
    check_office_zip(path)
    lines: list[str] = []
    pieces: list[Piece] = []
    try:
        with zipfile.ZipFile(path) as archive:
            package = _Package(archive)
            pages = 0
            roots = _locations(package.xml("OFD.xml"), "DocRoot")
            if not roots:
                raise LuoshiError(ErrorCode.CORRUPT, path=name)  # an OFD names at least one document
            for doc_root in roots:
                document = package.xml(doc_root)
                folder = posixpath.dirname(doc_root.lstrip("/"))
                for page in _children(document, "Page"):
                    location = page.get("BaseLoc") or ""
                    if not location:
                        continue
                    pages += 1
                    if pages > MAX_PAGES:
                        raise LuoshiError(
                            ErrorCode.FILE_TOO_LARGE, path=name, pages=pages, limit_pages=MAX_PAGES
                        )
                    full = (
                        location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
                    )
                    content = package.xml(full)
                    lines.extend(page_lines(content))
                    below = (pages - 1) * _PAGE_STACK
                    pieces.extend(
                        Piece(g.x, g.baseline - g.size + below, g.x + g.size, g.baseline + below, g.text)
                        for obj in _children(content, "TextObject")
                        for g in _glyphs(obj)
                        if g.text.strip()
                    )
    except LuoshiError:
        raise
    except DefusedXmlException:
        raise LuoshiError(ErrorCode.UNSAFE_XML, path=name) from None
    except MemoryError:
        raise LuoshiError(ErrorCode.FILE_TOO_LARGE, path=name) from None
    except Exception as exc:  # a missing part, bad XML or numbers: the file is unusable
        raise unusable(name, exc) from None
    if not any(re.search(r"[\u4e00-\u9fff]", line) for line in lines):
        raise LuoshiError(ErrorCode.SCANNED_PDF, path=name)  # pages of images only: a scan
    return simplify_lines(lines), pieces


def _media(package: _Package, document: Element, folder: str) -> dict[str, str]:
    """Return the image files of a document by resource ID (its PublicRes and DocumentRes)."""
    files: dict[str, str] = {}
    for res_location in _locations(document, "PublicRes") + _locations(document, "DocumentRes"):
        res_path = posixpath.join(folder, res_location.lstrip("/"))
        res = package.xml(res_path)
        base = posixpath.join(posixpath.dirname(res_path), res.get("BaseLoc") or "")
        for media in _children(res, "MultiMedia"):
            file = next(iter(_locations(media, "MediaFile")), "")
            if file and media.get("ID"):
                files[media.get("ID") or ""] = posixpath.join(base, file.lstrip("/"))
    return files


def ofd_page_images(path: Path) -> list[bytes]:
    """Return each page's largest image (a scanned OFD holds one page image a page), in page order."""
    name = str(path)
    check_office_zip(path)
    images: list[bytes] = []
    try:
        with zipfile.ZipFile(path) as archive:
            package = _Package(archive)
            for doc_root in _locations(package.xml("OFD.xml"), "DocRoot"):
                document = package.xml(doc_root)
                folder = posixpath.dirname(doc_root.lstrip("/"))
                media = _media(package, document, folder)
                for page in _children(document, "Page")[:MAX_PAGES]:
                    location = page.get("BaseLoc") or ""
                    full = (
                        location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
                    )
                    content = package.xml(full)
                    largest = max(
                        _children(content, "ImageObject"),
                        key=lambda o: _area(_numbers(o.get("Boundary"))),
                        default=None,
                    )
                    if largest is not None and largest.get("ResourceID") in media:
                        images.append(package.read(media[largest.get("ResourceID") or ""]))
    except LuoshiError:
        raise
    except DefusedXmlException:
        raise LuoshiError(ErrorCode.UNSAFE_XML, path=name) from None
    except Exception as exc:  # a missing part or bad XML: the file is unusable
        raise unusable(name, exc) from None
    return images


def _area(box: list[float]) -> float:
    return box[2] * box[3] if len(box) >= 4 else 0.0


def read_ofd(path: Path) -> Plan:
    """Return the plan in an OFD file: a task table laid out by its text positions, else its text."""
    lines, pieces = _read(path)
    return table_or_text(pieces, lines, path)
