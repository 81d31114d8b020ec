"""Read back where the lines of a rendered document (a PDF) landed: pages, lines, sizes, widths, faces."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from desktop.domain.gongwen.fonts import pdf_face
from desktop.domain.gongwen.format_facts import LineBox, PageBox, RenderFacts, is_wide


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
