"""`luoshi check` on hand-spoiled reports: each defect issue 28 found, put into a good report, is caught.

Each file starts as a report Luoshi writes (which passes the check) and is then spoiled by hand with
python-docx, one defect at a time, the way a clerk's edit or another program would; LibreOffice renders it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from desktop.exporters.report_docx import write_report
from desktop.services.format_check import check_file
from tests.exporters.realistic import report

pytestmark = pytest.mark.slow


def _spoiled(tmp_path: Path, spoil: Callable[[docx.document.Document], None], **options: object) -> list[str]:
    """Write a good report, spoil it, and return what the check says (clause and problem)."""
    good = tmp_path / "好.docx"
    write_report(report(random.Random(7), 3, **options), good)  # type: ignore[arg-type]
    assert check_file(good).findings == []
    document = docx.Document(str(good))
    spoil(document)
    bad = tmp_path / "坏.docx"
    document.save(str(bad))
    result = check_file(bad)
    assert result.rendered  # the render fixture's rule: LibreOffice is installed by `make test`
    return [f"{f.clause} {f.problem}" for f in result.findings]


def _paragraph(document: docx.document.Document, test: Callable[[str], bool]) -> Paragraph:
    return next(p for p in document.paragraphs if test(p.text))


def test_an_organ_or_date_pushed_off_the_page_is_caught(tmp_path: Path) -> None:
    def spoil(document: docx.document.Document) -> None:  # the date hung 3465 twips left, no left indent
        dated = _paragraph(document, lambda t: t.strip() == "2026年4月3日")
        fmt = dated.paragraph_format
        fmt.alignment, fmt.right_indent, fmt.left_indent = None, None, Twips(0)
        fmt.first_line_indent = Twips(-3465)

    found = _spoiled(tmp_path, spoil)
    assert any(f.startswith("5.2.1 有文字排到了版心") for f in found), found


def test_a_signature_page_with_only_the_closing_is_caught(tmp_path: Path) -> None:
    def spoil(document: docx.document.Document) -> None:  # a page break before 特此报告
        closing = _paragraph(document, lambda t: t == "特此报告。")
        run = closing.runs[0]
        run._r.addprevious(run._r.__class__())  # an empty run to carry the break, before the text
        closing.runs[0].add_break(WD_BREAK.PAGE)

    found = _spoiled(tmp_path, spoil)
    assert any(f.startswith("7.3.5 署名和日期所在页除“特此报告”外没有正文") for f in found), found


def test_a_label_with_an_added_full_stop_is_caught(tmp_path: Path) -> None:
    def spoil(document: docx.document.Document) -> None:
        heading = _paragraph(document, lambda t: t.startswith("一、"))
        heading.runs[0].text = heading.runs[0].text.replace("一、", "一、.", 1)

    found = _spoiled(tmp_path, spoil)
    assert any(f.startswith("7.3.3 层次序数“一、”后多了“.”") for f in found), found


def test_a_printed_date_split_over_two_lines_is_caught(tmp_path: Path) -> None:
    def spoil(document: docx.document.Document) -> None:  # a long 印发机关 before the date on one line
        printed = _paragraph(document, lambda t: t.endswith("印发"))
        first = printed.runs[0]
        first.text = "内蒙古自治区人民政府办公厅秘书处文电科和机要保密室"
        tabs = printed._p.pPr.find(qn("w:tabs"))
        printed._p.pPr.remove(tabs)
        for run in printed.runs[1:]:
            run.text = run.text.replace("\t", "")

    found = _spoiled(tmp_path, spoil, colophon=True, copy_to="自治区人民政府办公厅")
    assert any(f.startswith("7.4.2 印发日期被拆到了两行") for f in found), found


def test_a_title_line_starting_with_de_is_caught(tmp_path: Path) -> None:
    def spoil(document: docx.document.Document) -> None:
        title = document.paragraphs[0]
        text = title.text.replace("\n", "")
        for run in list(title.runs)[1:]:
            run._r.getparent().remove(run._r)
        cut = text.rindex("的报告")
        title.runs[0].text = text[:cut]
        title.runs[0].add_break()
        title.add_run(text[cut:])

    found = _spoiled(tmp_path, spoil)
    assert any(f.startswith("7.3.1 标题行首是“的”") for f in found), found
