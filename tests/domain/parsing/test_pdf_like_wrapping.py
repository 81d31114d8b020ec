"""The sample re-wrapped as a GB/T 9704 PDF extracts: 28 characters a body line, shorter title lines, page numbers."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.parsing.lines import join_lines
from desktop.domain.parsing.plan_parser import parse_plan_lines


def _wrap(paragraph: str, width: int) -> list[str]:
    return [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]


def _as_pdf_lines(sample_path: Path) -> list[str]:
    paragraphs = join_lines(sample_path.read_text(encoding="utf-8").splitlines())
    lines: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        is_title = "通知" in paragraph[-4:] or paragraph.endswith("实施方案")
        lines.extend(_wrap(paragraph, 20 if is_title else 28))
        if index == 0:
            lines.append("")
    out = []
    for number, line in enumerate(lines, start=1):
        out.append(line)
        if number % 22 == 0:
            out.append(f"— {number // 22} —")
    return out


def test_wrapped_like_a_pdf(sample_path: Path) -> None:
    reference = parse_plan_lines(sample_path.read_text(encoding="utf-8").splitlines())
    plan = parse_plan_lines(_as_pdf_lines(sample_path))
    assert plan.title == reference.title
    assert plan.doc_number == reference.doc_number
    assert plan.issued_on == reference.issued_on
    assert [(m.label, m.chapter, m.text, m.units) for m in plan.measures] == [
        (m.label, m.chapter, m.text, m.units) for m in reference.measures
    ]
