"""Scans: the sample laid out as a published 公文, printed to PDF, its first two pages scanned at 200 dpi
(turned, speckled, sealed) with no text layer, then read by OCR: the measures on them and their units as
from the .txt. The whole 10-page scan (34 measures) is read by `bench/run --only scans`."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.doubts import OCR
from desktop.importers import read_plan, scan_file
from desktop.services.messages import error_text
from tests.helpers import convert, sample_paragraphs, scan_pdf, write_gongwen_docx

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`

PAGES = 2
FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "fonts.conf"


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("scan")
    os.environ["FONTCONFIG_FILE"] = str(FONTS)  # the 公文 fonts mapped to free faces for LibreOffice
    try:
        pdf = convert(write_gongwen_docx(sample_paragraphs(SAMPLE), folder / "原件.docx"), folder, "pdf")
    finally:
        del os.environ["FONTCONFIG_FILE"]
    return scan_pdf(pdf, folder / "扫描件.pdf", pages=PAGES)


@pytest.fixture(scope="module")
def scanned(scan: Path) -> Plan:
    return read_plan(scan)


@pytest.fixture(scope="module")
def reference() -> Plan:
    from tests.conftest import SAMPLE

    return read_plan(SAMPLE)


def _units(plan: Plan) -> dict[str, tuple[tuple[str, str], ...]]:
    return {m.label: tuple((u.name, u.role.value) for u in m.units) for m in plan.measures}


def test_the_scanned_sample_gives_its_measures_with_every_unit(scanned: Plan, reference: Plan) -> None:

    assert (scanned.title, scanned.doc_number) == (reference.title, reference.doc_number)
    ours, theirs = _units(scanned), _units(reference)
    assert len(ours) >= 3 and set(ours) <= set(theirs)  # the measures the two pages hold, none invented
    whole = list(ours)[:-1]  # the last one goes on past the scan's last page, with its units
    right = [label for label in whole if ours[label] == theirs[label]]
    assert right == whole, sorted(set(whole) - set(right))
    assert all(any(d.code == OCR for d in m.doubts) for m in scanned.measures)  # every difference flagged


def test_the_scan_has_no_text_layer(scan: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(scan)) as pdf:
        assert len(pdf.pages) == PAGES and not "".join(p.extract_text() or "" for p in pdf.pages).strip()


def test_a_photographed_page_and_a_multi_page_tiff_are_read(
    scan: Path, tmp_path: Path, reference: Plan
) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(scan))
    pages = [document[i].render(scale=200 / 72).to_pil().convert("RGB") for i in range(PAGES)]
    document.close()
    png = tmp_path / "第2页.png"
    pages[1].copy().save(png)  # page 2 alone; a copy: Pillow 13 would reuse the PNG settings in the TIFF
    one = read_plan(png)
    assert one.measures and all(any(d.code == OCR for d in m.doubts) for m in one.measures)
    tiff = tmp_path / "扫描.tif"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    seen: list[tuple[int, int]] = []
    both = read_plan(tiff, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2)]
    assert one.doc_number is None and both.doc_number == reference.doc_number  # page 1 holds the 文号
    assert [m.label for m in both.measures] == [m.label for m in one.measures]


def test_stop_ends_the_ocr_child_within_a_second(scan: Path) -> None:
    asked: list[float] = []

    def stop_when_reading_starts(done: int, total: int) -> None:  # the child is loading or recognising
        asked.append(time.monotonic())

    with pytest.raises(Cancelled):
        read_plan(scan, progress=stop_when_reading_starts, should_stop=lambda: bool(asked))
    assert time.monotonic() - asked[0] < 1.0
    assert [c for c in multiprocessing.active_children() if c.name == "luoshi-ocr"] == []


def test_a_killed_ocr_child_is_a_message_not_a_crash(scan: Path) -> None:
    """The system killing the recogniser (memory) ends the import with words for the clerk."""

    def kill_the_child(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "luoshi-ocr" and child.pid is not None:
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(LuoshiError) as caught:
        read_plan(scan, progress=kill_the_child)
    assert caught.value.code is ErrorCode.OCR_FAILED
    assert "内存不足" in error_text(caught.value) and "数据未做任何改动" in error_text(caught.value)


def test_opencv_would_change_the_environment_but_ocr_leaves_this_one_alone(scan: Path) -> None:
    imported = subprocess.run(
        [sys.executable, "-c", "import os, cv2; print(os.environ.get('LD_LIBRARY_PATH', ''))"],
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"},
    )
    assert "cv2" in imported.stdout  # what an OCR inside this process would have done to it
    before = dict(os.environ)
    assert read_plan(scan).measures
    assert dict(os.environ) == before


def test_without_the_ocr_extra_a_scan_is_refused_saying_so(
    scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan_file, "ocr_available", lambda: False)
    with pytest.raises(LuoshiError) as caught:
        read_plan(scan)
    assert caught.value.code is ErrorCode.SCANNED_PDF
    assert "文字识别（OCR）组件" in error_text(caught.value)


def test_a_huge_or_broken_image_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.png"
    Image.new("1", (9000, 9000), 1).save(huge)  # 81 M pixels, small on disk
    with pytest.raises(LuoshiError) as caught:
        read_plan(huge)
    assert caught.value.code is ErrorCode.FILE_TOO_LARGE
    page = tmp_path / "page.png"
    Image.new("RGB", (1654, 2339), "white").save(page)
    cut = tmp_path / "cut.png"
    cut.write_bytes(page.read_bytes()[:300])
    with pytest.raises(LuoshiError) as caught:
        read_plan(cut)
    assert caught.value.code is ErrorCode.CORRUPT


def test_a_scanned_ofd_is_recognised_page_by_page(scan: Path, tmp_path: Path) -> None:
    """An OFD whose pages hold only images (a scanner's OFD) goes to OCR like a scanned PDF."""
    import io

    import pypdfium2

    from tests.helpers import write_ofd

    document = pypdfium2.PdfDocument(str(scan))
    pictures = []
    for index in (0, 1):
        buffer = io.BytesIO()
        document[index].render(scale=200 / 72).to_pil().convert("RGB").save(buffer, "PNG")
        pictures.append(buffer.getvalue())
    document.close()
    ofd = write_ofd([], tmp_path / "扫描件.ofd", images=pictures)
    seen: list[tuple[int, int]] = []
    plan = read_plan(ofd, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2)]
    assert len(plan.measures) >= 3 and all(any(d.code == OCR for d in m.doubts) for m in plan.measures)
    assert any(u.name == "自治区商务厅" for m in plan.measures for u in m.units)


def test_a_picture_without_text_says_so(tmp_path: Path) -> None:
    blank = tmp_path / "空白.png"
    Image.new("RGB", (1654, 2339), "white").save(blank)
    with pytest.raises(LuoshiError) as caught:
        read_plan(blank)
    assert caught.value.code is ErrorCode.NO_TEXT_IN_SCAN
    assert "没有识别出任何文字" in error_text(caught.value)


def test_an_image_page_inside_a_text_pdf_is_recognised(tmp_path: Path, reference: Plan) -> None:
    """The sample as a text PDF whose second page was replaced by its picture (scanned and put back)."""
    import io

    import pypdfium2
    from pypdf import PdfReader, PdfWriter

    from tests.conftest import SAMPLE

    text_pdf = convert(write_gongwen_docx(sample_paragraphs(SAMPLE), tmp_path / "原件.docx"), tmp_path, "pdf")
    document = pypdfium2.PdfDocument(str(text_pdf))
    picture = document[1].render(scale=200 / 72).to_pil().convert("RGB")
    document.close()
    buffer = io.BytesIO()
    picture.save(buffer, "PDF", resolution=200)
    image_page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    writer = PdfWriter()
    for index, page in enumerate(PdfReader(str(text_pdf)).pages):
        writer.add_page(image_page if index == 1 else page)
    mixed = tmp_path / "混合.pdf"
    with mixed.open("wb") as handle:
        writer.write(handle)
    seen: list[tuple[int, int]] = []
    plan = read_plan(mixed, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 1)]
    assert len(plan.measures) == len(reference.measures)
    flagged = [m.label for m in plan.measures if any(d.code == OCR for d in m.doubts)]
    assert flagged and len(flagged) < len(plan.measures) // 2  # only the measures of the picture page
    assert _units(plan)["1"] == _units(reference)["1"]
