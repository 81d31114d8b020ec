"""Word 97–2003 .doc (and .wps, the same layout) written by LibreOffice: the same measures as the .txt."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers import read_plan
from desktop.services.messages import error_text
from tests.helpers import convert, sample_paragraphs, write_docx
from tests.importers.test_formats_same_measures import _summary

TASK_ROWS = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "清理规范招商引资违规政策，加强招商引资信息披露。", "自治区商务厅", "", "2026年6月底前"],
    ["2", "扎实落实促进民间投资发展的政策措施。", "自治区发展改革委", "自治区财政厅", "持续推进"],
    [
        "3",
        "建立营商环境“无感监测”指标体系。",
        "自治区发展改革委",
        "自治区数据管理局、各业务系统主管部门",
        "2026年底前",
    ],
]


@pytest.fixture(scope="module")
def reference() -> Plan:
    from tests.conftest import SAMPLE

    return read_plan(SAMPLE)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("doc")


@pytest.fixture(scope="module")
def sample_doc(folder: Path) -> Path:
    from tests.conftest import SAMPLE

    return convert(write_docx(sample_paragraphs(SAMPLE), folder / "plan.docx"), folder, "doc")


def test_the_sample_as_doc_gives_the_same_measures(sample_doc: Path, reference: Plan) -> None:
    plan = read_plan(sample_doc)
    assert (plan.title, plan.doc_number, plan.issued_on) == (
        reference.title,
        reference.doc_number,
        "2026-02-04",
    )
    assert _summary(plan) == _summary(reference)


def test_a_wps_file_is_read_by_its_content(sample_doc: Path, reference: Plan, tmp_path: Path) -> None:
    wps = tmp_path / "方案.wps"
    wps.write_bytes(sample_doc.read_bytes())
    assert _summary(read_plan(wps)) == _summary(reference)
    renamed = tmp_path / "方案.txt"  # a wrong extension changes nothing
    renamed.write_bytes(sample_doc.read_bytes())
    assert _summary(read_plan(renamed)) == _summary(reference)


@pytest.mark.slow
def test_word_automatic_numbers_are_rendered(folder: Path, reference: Plan) -> None:
    from tests.conftest import SAMPLE

    document = docx.Document()
    for paragraph in sample_paragraphs(SAMPLE):
        match = re.match(r"^(\d{1,2})\.(.*)$", paragraph)
        if match:
            document.add_paragraph(match.group(2), style="List Number")
        else:
            document.add_paragraph(paragraph)
    source = folder / "auto-numbered.docx"
    document.save(str(source))
    doc = convert(source, folder, "doc")
    assert not any(re.match(r"^\d{1,2}\.", p.text) for p in document.paragraphs)  # numbers by Word alone
    assert _summary(read_plan(doc)) == _summary(reference)


@pytest.mark.slow
def test_a_task_table_gives_the_same_measures_as_in_docx(folder: Path) -> None:
    source = write_docx(["某某自治区优化营商环境重点任务分工方案"], folder / "table.docx", tables=[TASK_ROWS])
    from_docx = read_plan(source)
    from_doc = read_plan(convert(source, folder, "doc"))
    assert len(from_doc.measures) == 3
    assert _summary(from_doc) == _summary(from_docx)
    assert from_doc.measures[2].deadline == "2026年底前"


FLAT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:master-styles><style:master-page style:name="Standard">
  <style:header><text:p>页眉机密文字</text:p></style:header>
  <style:footer><text:p>第<text:page-number text:select-page="current">1</text:page-number>页</text:p></style:footer>
 </style:master-page></office:master-styles>
 <office:body><office:text>{paragraphs}</office:text></office:body>
</office:document>
"""


@pytest.mark.slow
def test_fields_footnotes_and_headers_stay_out_of_the_measures(folder: Path, reference: Plan) -> None:
    from tests.conftest import SAMPLE

    paragraphs = []
    for text in sample_paragraphs(SAMPLE):
        body = text.replace("&", "&amp;").replace("<", "&lt;")
        if text.startswith("1."):
            body += (
                '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                "<text:note-body><text:p>脚注说明文字</text:p></text:note-body></text:note>"
            )
        if text.startswith("2."):  # a hyperlink field: its shown text stays, its address does not
            body = body.replace(
                "民间投资", '<text:a xlink:href="http://example.invalid/x">民间投资</text:a>', 1
            )
        paragraphs.append(f"<text:p>{body}</text:p>")
    source = folder / "fields.fodt"
    source.write_text(FLAT.format(paragraphs="".join(paragraphs)), encoding="utf-8")
    plan = read_plan(convert(source, folder, "doc"))
    every = "\n".join(m.text for m in plan.measures) + plan.title
    for leaked in ("页眉机密文字", "脚注说明文字", "example.invalid", "HYPERLINK", "PAGE"):
        assert leaked not in every
    assert _summary(plan) == _summary(reference)


def _flip(doc: Path, target: Path, at_stream_offset: int, mask: int) -> Path:
    """Copy a real .doc with one FIB flag set (found by its position in the WordDocument stream)."""
    import olefile

    data = bytearray(doc.read_bytes())
    with olefile.OleFileIO(str(doc)) as ole:
        entry = next(e for e in ole.direntries if e is not None and e.name == "WordDocument")
        position = (entry.isectStart + 1) * ole.sectorsize + at_stream_offset  # the stream's first sector
    data[position] |= mask
    target.write_bytes(bytes(data))
    return target


def test_an_encrypted_doc_asks_for_the_password_and_a_cut_one_is_corrupt(
    sample_doc: Path, tmp_path: Path
) -> None:
    locked = _flip(sample_doc, tmp_path / "locked.doc", 0x0B, 0x01)  # fEncrypted: bit 8 of the flags
    with pytest.raises(LuoshiError) as caught:
        read_plan(locked)
    assert caught.value.code is ErrorCode.ENCRYPTED
    cut = tmp_path / "cut.doc"
    cut.write_bytes(sample_doc.read_bytes()[:6000])
    with pytest.raises(LuoshiError) as caught:
        read_plan(cut)
    assert caught.value.code is ErrorCode.CORRUPT


@pytest.mark.parametrize(
    "name",
    ["guowuyuan_2018_38_zimaoqu", "taizhou_2019_yingshang", "weihai_2023_shuzi", "jinxiang_2021_xiangcun"],
)
@pytest.mark.slow
def test_real_plans_of_other_layouts_read_the_same_as_docx_and_doc(folder: Path, name: str) -> None:
    from tests.conftest import FIXTURES

    text = FIXTURES / "corpus" / f"{name}.txt"
    docx_path = write_docx(sample_paragraphs(text), folder / f"{name}.docx")
    from_doc = read_plan(convert(docx_path, folder, "doc"))
    assert from_doc.measures and _summary(from_doc) == _summary(read_plan(docx_path))


def test_office_files_older_than_1997_are_named(sample_doc: Path, tmp_path: Path) -> None:
    """A Word 6.0/95 file (a LibreOffice .doc whose FIB says nFib 104), Word 2.0 and Excel 3.0/4.0 headers."""
    import olefile

    data = bytearray(sample_doc.read_bytes())
    with olefile.OleFileIO(str(sample_doc)) as ole:
        entry = next(e for e in ole.direntries if e is not None and e.name == "WordDocument")
        position = (entry.isectStart + 1) * ole.sectorsize + 2  # nFib
    data[position : position + 2] = (104).to_bytes(2, "little")
    word95 = tmp_path / "word95.doc"
    word95.write_bytes(bytes(data))
    old = {
        word95: "Word 6.0/95",
        tmp_path / "word2.doc": "Word 2.0",
        tmp_path / "excel3.xls": "Excel 3.0",
        tmp_path / "excel4.xls": "Excel 4.0",
    }
    (tmp_path / "word2.doc").write_bytes(b"\xdb\xa5\x2d\x00" + b"\x00" * 600)
    (tmp_path / "excel3.xls").write_bytes(b"\x09\x02\x06\x00\x00\x00\x10\x00" + b"\x00" * 600)
    (tmp_path / "excel4.xls").write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00" + b"\x00" * 600)
    for path, version in old.items():
        with pytest.raises(LuoshiError) as caught:
            read_plan(path)
        assert caught.value.code is ErrorCode.OLD_VERSION
        text = error_text(caught.value)
        assert version in text and "另存为" in text and "1997" in text
