"""Acceptance: the sample plan as .docx, .pdf and GB18030/UTF-16/BOM text gives the same measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.models import Plan
from desktop.importers import read_plan
from tests.helpers import sample_paragraphs, to_pdf, write_docx

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`


def _summary(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (m.seq, m.label, m.chapter, m.text, tuple((u.name, u.role) for u in m.units)) for m in plan.measures
    ]


@pytest.fixture(scope="module")
def reference(request: pytest.FixtureRequest) -> Plan:
    from tests.conftest import SAMPLE

    return read_plan(SAMPLE)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(tmp_path: Path, sample_path: Path, reference: Plan, encoding: str) -> None:
    text = sample_path.read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("“", '"').replace("”", '"')  # GBK has them, but keep the file pure GBK-safe
    target = tmp_path / f"plan-{encoding}.txt"
    target.write_bytes(text.encode(encoding))
    plan = read_plan(target)
    assert plan.title == reference.title
    assert plan.doc_number == reference.doc_number
    if encoding != "gbk":
        assert _summary(plan) == _summary(reference)
    else:
        assert len(plan.measures) == 34


def test_crlf_line_endings(tmp_path: Path, sample_path: Path, reference: Plan) -> None:
    target = tmp_path / "crlf.txt"
    target.write_bytes(sample_path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    assert _summary(read_plan(target)) == _summary(reference)


def test_docx_paragraphs(tmp_path: Path, sample_path: Path, reference: Plan) -> None:
    path = write_docx(sample_paragraphs(sample_path), tmp_path / "plan.docx")
    plan = read_plan(path)
    assert (plan.title, plan.doc_number, plan.issued_on) == (
        reference.title,
        reference.doc_number,
        "2026-02-04",
    )
    assert _summary(plan) == _summary(reference)


def test_docx_renamed_txt_is_read_by_content(tmp_path: Path, sample_path: Path, reference: Plan) -> None:
    path = write_docx(sample_paragraphs(sample_path), tmp_path / "plan.docx")
    renamed = path.rename(tmp_path / "plan.txt")
    assert _summary(read_plan(renamed)) == _summary(reference)


def test_pdf_made_by_libreoffice(tmp_path: Path, sample_path: Path, reference: Plan) -> None:
    source = write_docx(sample_paragraphs(sample_path), tmp_path / "plan.docx")
    pdf = to_pdf(source, tmp_path)
    plan = read_plan(pdf)
    assert plan.title == reference.title
    assert plan.doc_number == reference.doc_number
    assert plan.issued_on == "2026-02-04"
    assert _summary(plan) == _summary(reference)


def test_traditional_text_is_folded(tmp_path: Path) -> None:
    from desktop.importers.script import simplify

    plain = "1.全面實施行政許可事項清單管理。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責)\n"
    target = tmp_path / "trad.txt"
    target.write_text(
        "咸陽市2022年深化“放管服”改革優化營商環境工作要點\n一、推動審批全鏈條優化\n" + plain, encoding="utf-8"
    )
    plan = read_plan(target)
    assert [(u.name, u.role.value) for u in plan.measures[0].units] == [
        ("市政府办公室", "lead"),
        ("市行政审批制度改革工作领导小组办公室", "lead"),
        ("市级各有关部门", "support"),
        ("各县市区政府", "support"),
    ]
    simplified = "自治区发展改革委负责。" * 2000
    assert simplify(simplified) is simplified


def test_docx_with_word_automatic_numbering(tmp_path: Path, sample_path: Path, reference: Plan) -> None:
    """Measures numbered by Word's list formatting (no '1.' in the text) are still measures."""
    import re as _re

    import docx

    from tests.helpers import sample_paragraphs

    document = docx.Document()
    for paragraph in sample_paragraphs(sample_path):
        match = _re.match(r"^(\d{1,2})\.(.*)$", paragraph)
        if match:
            document.add_paragraph(match.group(2), style="List Number")
        else:
            document.add_paragraph(paragraph)
    path = tmp_path / "auto-numbered.docx"
    document.save(str(path))
    plan = read_plan(path)
    assert _summary(plan) == _summary(reference)
