"""Files government systems write: HTML and MHT named .doc, Word 2003 XML, OpenDocument spreadsheets.

Each is made by a real tool from a task table in .docx/.xlsx (LibreOffice's HTML, Word 2003 XML and .ods
filters; the standard library's MIME writer for the web archive) and must give the same measures.
"""

from __future__ import annotations

import shutil
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers import read_plan
from desktop.importers.detect import Format, sniff
from tests.helpers import convert, write_docx, write_xlsx

FRONT = ["关于印发城区建设重点任务分工方案的通知", "各有关单位：", "现将方案印发给你们，请认真贯彻落实。"]
ROWS = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "实施城区防洪排涝提升工程。", "县水务局", "县住建局\n县财政局", "2026年12月底前"],
    ["2", "推进老旧小区改造，同步实施雨污分流。", "县住建局", "县发改局", "2026年10月底前"],
    ["3", "建设智慧停车系统。", "县公安局", "县城管局、县大数据中心", "持续推进"],
]


def _summary(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (m.label, m.text, tuple((u.name, u.role.value) for u in m.units), tuple(d.text for d in m.deadlines))
        for m in plan.measures
    ]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("markup")


@pytest.fixture(scope="module")
def source(folder: Path) -> Path:
    return write_docx(FRONT, folder / "plan.docx", tables=[ROWS])


@pytest.fixture(scope="module")
def reference(source: Path) -> Plan:
    plan = read_plan(source)
    assert len(plan.measures) == 3
    assert ("县财政局", "support") in [(u.name, u.role.value) for u in plan.measures[0].units]
    return plan


@pytest.mark.parametrize(
    ("target", "kind"),
    [("html:HTML (StarWriter)", Format.HTML), ("xml:MS Word 2003 XML", Format.WORDML)],
    ids=["html", "word-2003-xml"],
)
@pytest.mark.slow
def test_written_by_libreoffice_named_doc(
    folder: Path, source: Path, reference: Plan, target: str, kind: Format
) -> None:
    written = convert(source, folder / kind.value, target)
    named_doc = written.with_suffix(".doc")
    shutil.copy(written, named_doc)
    assert sniff(named_doc) is kind
    assert _summary(read_plan(named_doc)) == _summary(reference)


@pytest.mark.slow
def test_mht_named_doc(folder: Path, source: Path, reference: Plan) -> None:
    html = convert(source, folder / "mht", "html:HTML (StarWriter)")
    archive = MIMEMultipart("related")
    archive.attach(MIMEText(html.read_text("utf-8"), "html", "gb18030"))  # base64 in GB18030, as OA systems
    target = folder / "mht" / "plan.doc"
    target.write_bytes(archive.as_bytes())
    assert sniff(target) is Format.MHT
    assert _summary(read_plan(target)) == _summary(reference)


@pytest.mark.slow
def test_ods(folder: Path, reference: Plan) -> None:
    xlsx = write_xlsx([["城区建设重点任务分工方案"], *ROWS], folder / "list.xlsx")
    ods = convert(xlsx, folder / "ods", "ods")
    assert sniff(ods) is Format.ODS
    assert _summary(read_plan(ods)) == _summary(read_plan(xlsx)) == _summary(reference)


def test_word_2003_xml_with_a_dtd_is_refused(folder: Path) -> None:
    hostile = folder / "bomb.doc"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
        "<w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:wordDocument>",
        encoding="utf-8",
    )
    with pytest.raises(LuoshiError) as caught:
        read_plan(hostile)
    assert caught.value.code is ErrorCode.UNSAFE_XML


def test_a_page_that_is_no_plan_says_so(folder: Path) -> None:
    page = folder / "news.doc"
    page.write_text("<html><body><p>今日天气晴。</p><script>alert(1)</script></body></html>", "utf-8")
    with pytest.raises(LuoshiError) as caught:
        read_plan(page)
    assert caught.value.code is ErrorCode.NO_MEASURES
