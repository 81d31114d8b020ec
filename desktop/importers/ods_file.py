"""OpenDocument spreadsheets (.ods, as LibreOffice and WPS write them): task lists like .xlsx.

content.xml is read through defusedxml after the zip checks. Repeated rows and columns are expanded (up
to the sheet limits), covered cells of a merge take the merged cell's text, and a cell's paragraphs are
joined by line breaks.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers.cells import MAX_COLS, MAX_ROWS
from desktop.importers.extracted import Extracted, sheets_plan
from desktop.importers.safety import check_office_zip
from desktop.importers.script import simplify_rows

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def read_ods(path: Path) -> Plan:
    """Return the plan in an .ods task list."""
    return sheets_plan(extract_ods(path), path)


def extract_ods(path: Path) -> Extracted:
    """Return the sheets of an .ods file as tables."""
    name = str(path)
    check_office_zip(path)
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            root = ElementTree.parse(content).getroot()
    except DefusedXmlException:
        raise LuoshiError(ErrorCode.UNSAFE_XML, path=name) from None
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError, ValueError):
        raise LuoshiError(ErrorCode.CORRUPT, path=name) from None
    return Extracted(tables=[simplify_rows(_rows(sheet)) for sheet in root.iter(f"{TABLE}table")])


def _repeat(element: Element, attribute: str, limit: int) -> int:
    try:
        return max(1, min(int(element.get(f"{TABLE}{attribute}", "1")), limit))
    except ValueError:
        return 1


def _rows(sheet: Element) -> list[list[str]]:
    """Return a sheet's cell texts, merged ranges filled from their first cell, trailing blanks dropped."""
    rows: list[list[str]] = []
    merged: dict[int, tuple[int, str]] = {}  # column → (last row the merge covers, its text)
    blank = 0  # blank rows not yet added: a sheet ends in a million repeated empty rows
    for row in sheet.iter(f"{TABLE}table-row"):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{TEXT}p"))
            if cell.tag == f"{TABLE}covered-table-cell":
                above = merged.get(len(cells))
                text = above[1] if above and above[0] >= len(rows) + blank else (cells[-1] if cells else "")
            else:
                down = _repeat(cell, "number-rows-spanned", MAX_ROWS)
                across = _repeat(cell, "number-columns-spanned", MAX_COLS)
                if down > 1:
                    for col in range(len(cells), len(cells) + across):
                        merged[col] = (len(rows) + blank + down - 1, text)
            for _ in range(_repeat(cell, "number-columns-repeated", MAX_COLS - len(cells))):
                cells.append(text)
        while cells and not cells[-1]:
            cells.pop()
        repeat = _repeat(row, "number-rows-repeated", MAX_ROWS)
        if not cells:
            blank += repeat
            continue
        rows.extend([] for _ in range(min(blank, MAX_ROWS - len(rows))))
        blank = 0
        rows.extend(list(cells) for _ in range(min(repeat, MAX_ROWS - len(rows))))
        if len(rows) >= MAX_ROWS:
            break
    return rows
