"""Word (.docx) plans: body paragraphs, or task tables found by their header names."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml import etree

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.plan_parser import parse_plan_lines
from desktop.domain.tables import plan_from_tables
from desktop.importers.docx_numbering import ListNumbers
from desktop.importers.safety import check_office_zip
from desktop.importers.script import simplify_lines, simplify_rows


def read_docx(path: Path) -> Plan:
    """Return the plan in a .docx file: its task tables if it has any, else its paragraphs."""
    check_office_zip(path)
    try:
        document = docx.Document(str(path))
        numbers = ListNumbers.from_document(document)
        lines: list[str] = []
        tables: list[list[list[str]]] = []
        first_table_at: int | None = None
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                first_table_at = len(lines) if first_table_at is None else first_table_at
                tables.append([[cell.text for cell in row.cells] for row in block.rows])
            else:
                text = numbers.prefix(block) + block.text
                lines.extend(text.replace("\v", "\n").split("\n"))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, EOFError):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    except Exception:  # python-docx can fail in many ways on a malformed part: the file is unusable
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    lines = simplify_lines(lines)
    tables = [simplify_rows(rows) for rows in tables]
    plan = plan_from_tables(
        tables,
        front_lines=lines[:first_table_at] if first_table_at is not None else lines,
        fallback_title=path.stem,
        path=str(path),
    )
    if plan is not None:
        return plan
    return parse_plan_lines(lines, fallback_title=path.stem, path=str(path))
