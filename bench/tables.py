"""Figures for task tables sent as PDF: a ruled table of about ten pages and the same table without rules.

The table is a generated 任务分解表 (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限) written with python-docx and
printed to PDF by LibreOffice, as the tests make theirs. Ours is `read_plan` (tables found, cells read,
parsed); the floor is pdfplumber extracting the pages' text, which every PDF read starts with.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber

from bench.timing import timed
from desktop.importers import read_plan

Row = Callable[[str, float, float, str], None]
ROWS = 70  # about ten A4 pages at LibreOffice's default table layout
UNITS = ("县发改局", "县财政局", "县住建局", "县水务局", "县农业农村局", "县商务局", "县教育局", "县卫健局")


def _table_pdf(folder: Path, *, ruled: bool) -> Path:
    document = docx.Document()
    document.add_paragraph("某县2026年重点工作任务分解表")
    table = document.add_table(rows=ROWS + 1, cols=5)
    if ruled:
        table.style = "Table Grid"
    for c, name in enumerate(("序号", "重点任务", "牵头单位", "配合单位", "完成时限")):
        table.cell(0, c).text = name
    for r in range(1, ROWS + 1):
        values = (
            str(r),
            f"推进第{r}项重点工作，完善工作机制，细化任务分工，确保按期完成年度目标任务。",
            UNITS[r % len(UNITS)],
            f"{UNITS[(r + 1) % len(UNITS)]}、{UNITS[(r + 3) % len(UNITS)]}",
            f"2026年{r % 12 + 1}月底前",
        )
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    source = folder / ("ruled.docx" if ruled else "plain.docx")
    document.save(str(source))
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    profile = folder / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return source.with_suffix(".pdf")


def _floor(path: Path) -> None:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def tables(folder: Path, row: Row) -> None:
    """Time reading a ten-page task table PDF, ruled and without rules, beside bare text extraction."""
    for ruled in (True, False):
        pdf = _table_pdf(folder, ruled=ruled)
        with pdfplumber.open(str(pdf)) as opened:
            pages = len(opened.pages)
        assert len(read_plan(pdf).measures) == ROWS
        floor = timed(lambda p=pdf: _floor(p), 3)  # type: ignore[misc]
        ours = timed(lambda p=pdf: read_plan(p), 3)  # type: ignore[misc]
        kind = "ruled" if ruled else "without rules"
        row(f"parse table PDF {kind} ({pages} pages, {ROWS} rows)", ours, floor, "< 1000 ms")
