"""Word (.docx) plans: body paragraphs, or task tables found by their header names."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table

from desktop.domain.models import Plan
from desktop.importers.docx_numbering import ListNumbers
from desktop.importers.extracted import Extracted, plan_of
from desktop.importers.failures import unusable
from desktop.importers.safety import check_office_zip


def read_docx(path: Path) -> Plan:
    """Return the plan in a .docx file: its task tables if it has any, else its paragraphs."""
    return plan_of(extract_docx(path), path)


def extract_docx(path: Path) -> Extracted:
    """Return the paragraphs (automatic numbers rendered) and tables of a .docx file."""
    check_office_zip(path)
    found = Extracted()
    try:
        document = docx.Document(str(path))
        numbers = ListNumbers.from_document(document)
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                found.add_table([[cell.text for cell in row.cells] for row in block.rows])
            else:
                found.add_lines(numbers.prefix(block) + block.text)
    except Exception as exc:  # python-docx can fail in many ways on a malformed part: the file is unusable
        raise unusable(str(path), exc) from None
    return found
