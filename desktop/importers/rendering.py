"""Lay a document out with LibreOffice (when installed) and read back where its lines landed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.domain.errors import Cancelled
from desktop.domain.fonts import pdf_face
from desktop.domain.format_facts import LineBox, PageBox, RenderFacts, is_wide

TIMEOUT_S = 180
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_office() -> str | None:
    """Return LibreOffice's soffice program, or None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if sys.platform == "win32":
        return next((p for p in _WINDOWS_PLACES if Path(p).exists()), None)
    return None


class RenderError(Exception):
    """LibreOffice did not produce a PDF (missing, crashed or timed out)."""


# Keep the blank pages LibreOffice inserts (an even-page section break before the 版记): the PDF must page
# as the printed document does. JSON filter options need LibreOffice 7.4; older ones get the plain filter.
_KEEP_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def to_pdf(
    source: Path,
    out_dir: Path,
    *,
    fontconfig: Path | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Convert `source` (.docx or .xlsx) to PDF in `out_dir` with a private LibreOffice profile."""
    office = find_office()
    if office is None:
        raise RenderError("LibreOffice is not installed")
    env = dict(os.environ)
    if fontconfig is not None and fontconfig.exists() and sys.platform != "win32":
        env["FONTCONFIG_FILE"] = str(fontconfig)
    pdf = out_dir / (source.stem + ".pdf")
    targets = [_KEEP_BLANK_PAGES, "pdf"] if source.suffix.lower() == ".docx" else ["pdf"]
    for target in targets:
        _convert([office, "--convert-to", target, "--outdir", str(out_dir), str(source)], env, should_stop)
        if pdf.exists():
            return pdf
    raise RenderError("LibreOffice produced no PDF")


def _convert(command: list[str], env: dict[str, str], should_stop: Callable[[], bool] | None) -> None:
    """Run one headless LibreOffice conversion with a throwaway profile, killed on cancel or time-out."""
    with tempfile.TemporaryDirectory(prefix="luoshi-lo-") as profile:
        full = [command[0], f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore"]
        process = subprocess.Popen(
            full + command[1:], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        waited = 0.0
        while process.poll() is None:
            if should_stop and should_stop():
                process.kill()
                process.wait()
                raise Cancelled
            try:
                process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                waited += 0.2
                if waited > TIMEOUT_S:
                    process.kill()
                    process.wait()
                    raise RenderError("LibreOffice timed out") from None


def _lines(chars: list[dict[str, Any]]) -> tuple[LineBox, ...]:
    """Group characters into lines by their baseline (within 2 pt)."""
    rows: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (float(c["bottom"]), float(c["x0"]))):
        if rows and abs(float(rows[-1][0]["bottom"]) - float(ch["bottom"])) < 2:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: float(c["x0"]))
        text = "".join(str(c["text"]) for c in row)
        if not text.strip():
            continue
        last = row[-1]
        x1 = float(last["x1"])
        if unicodedata.category(str(last["text"]))[0] == "P" and is_wide(str(last["text"])):
            x1 = (float(last["x0"]) + x1) / 2  # a line-end comma or stop may hang: its ink is its first half
        sizes = sorted(round(float(c["size"]), 1) for c in row)
        lines.append(
            LineBox(
                top=min(float(c["top"]) for c in row),
                bottom=max(float(c["bottom"]) for c in row),
                x0=float(row[0]["x0"]),
                x1=x1,
                text=text,
                size=sizes[len(sizes) // 2],
                wide=sum(is_wide(str(c["text"])) for c in row),
                widths=tuple(float(c["x1"]) - float(c["x0"]) for c in row),
                faces=tuple(pdf_face(str(c.get("fontname", ""))) for c in row),
            )
        )
    return tuple(lines)


def read_pdf_layout(pdf: Path) -> RenderFacts:
    """Return each page's size and text lines (positions in points from the top-left corner)."""
    import pdfplumber  # pdfplumber: loaded to read a rendered page

    pages = []
    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            chars = [c for c in page.chars if str(c.get("text", "")).strip()]
            pages.append(PageBox(number, float(page.width), float(page.height), _lines(chars)))
    return RenderFacts(tuple(pages))
