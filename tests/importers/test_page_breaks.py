"""Nothing lost at a page break: plans whose measures (numbered, and unnumbered paragraphs with their own
clause) run across pages, laid out as a 公文 with page numbers and printed to PDF by LibreOffice. Every
character of the .docx reading's measures, chapters and title is found in the PDF reading, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.domain.models import Plan
from desktop.importers import read_plan
from tests.corpus import CORPUS
from tests.helpers import convert, write_gongwen_docx

FILLER = "要坚持问题导向和目标导向相统一，细化工作举措，明确时间节点，压实工作责任，加强督促检查，确保各项任务落地见效"


def _long_plan() -> list[str]:
    """A plan of long measures: numbered ones and unnumbered paragraphs that carry their own clause."""
    paragraphs = ["某县关于推进重点工作的实施方案", "一、重点任务"]
    for n in range(1, 13):
        body = "，".join([FILLER] * (2 + n % 3))
        if n % 3 == 0:  # an unnumbered paragraph with its own clause (wufei's layout)
            paragraphs.append(f"推进第{n}项工作，{body}。（县第{n}局负责）")
        else:
            paragraphs.append(f"{n}.推进第{n}项工作，{body}。（县第{n}局牵头，县财政局配合）")
    return paragraphs


def _characters(plan: Plan) -> str:
    parts = [plan.title, *(c.title for c in plan.chapters)]
    parts += [m.text + m.clause for m in plan.measures]
    return re.sub(r"\s", "", "".join(parts))


def _paragraphs_of(name: str) -> list[str]:
    from desktop.domain.parsing.lines import join_lines

    return join_lines((CORPUS / name).read_text("utf-8").splitlines())


@pytest.mark.parametrize(
    "source",
    [
        "long",
        "guoban_2018_128_wufei.txt",
        "guowuyuan_2016_fengong.txt",
        "jining_2015_jiuye.txt",
        "chuzhou_2020_zhongdian.txt",
    ],
)
@pytest.mark.slow
def test_no_character_is_lost_across_pages(source: str, tmp_path: Path) -> None:
    paragraphs = _long_plan() if source == "long" else _paragraphs_of(source)
    docx_path = write_gongwen_docx(paragraphs, tmp_path / "plan.docx")
    reference = read_plan(docx_path)
    pdf = convert(docx_path, tmp_path, "pdf")
    plan = read_plan(pdf)
    assert [m.label for m in plan.measures] == [m.label for m in reference.measures]
    for ours, theirs in zip(plan.measures, reference.measures, strict=True):
        assert re.sub(r"\s", "", ours.text) == re.sub(r"\s", "", theirs.text), theirs.label
    assert _characters(plan) == _characters(reference)
