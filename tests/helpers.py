"""Builders for real test files: .docx from paragraphs or tables, PDF through LibreOffice, .xlsx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl

from desktop.domain.lines import join_lines


def sample_paragraphs(sample_path: Path) -> list[str]:
    """Return the sample plan as whole paragraphs, as its Word original would hold them."""
    return join_lines(sample_path.read_text(encoding="utf-8").splitlines())


def write_docx(paragraphs: list[str], path: Path, tables: list[list[list[str]]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables or []:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(str(path))
    return path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    return found


def to_pdf(source: Path, out_dir: Path) -> Path:
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = out_dir / (source.stem + ".pdf")
    assert pdf.exists(), "LibreOffice produced no PDF"
    return pdf


def write_xlsx(rows: list[list[str]], path: Path, merges: list[str] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cell_range in merges or []:
        sheet.merge_cells(cell_range)
    workbook.save(str(path))
    return path


def id_rows(meta_sheet: object) -> list[tuple[object, ...]]:
    """Return the (row, measure_id, uid, label) rows of a hidden _luoshi sheet (its "ids" JSON cells)."""
    import json

    rows = list(meta_sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    text = "".join(str(row[1]) for row in rows if row and row[0] == "ids")
    return [tuple(row) for row in json.loads(text)]
