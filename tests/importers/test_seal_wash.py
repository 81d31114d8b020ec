"""Seal removal before OCR: a 红头文件 printed by LibreOffice, scanned in colour with a red seal stamped over
its text. The seal goes; the red 版头 and its rule stay, and OCR reads the 版头."""

from __future__ import annotations

import os
from pathlib import Path

import numpy
import pytest

from desktop.importers.ocr_process import recognise_pages
from desktop.importers.seal_wash import red_ink, without_seals
from tests.helpers import convert, sample_paragraphs, scan_pdf, write_gongwen_docx

pytestmark = pytest.mark.slow  # LibreOffice, pdftoppm and OCR

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "fonts.conf"
DPI = 200


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE

    folder = tmp_path_factory.mktemp("red_head")
    paragraphs = sample_paragraphs(SAMPLE)[:10]
    os.environ["FONTCONFIG_FILE"] = str(FONTS)
    try:
        red_head = ("某某县人民政府文件", "某政发〔2026〕5号")
        source = write_gongwen_docx(paragraphs, folder / "红头.docx", red_head=red_head)
        pdf = convert(source, folder, "pdf")
    finally:
        del os.environ["FONTCONFIG_FILE"]
    return scan_pdf(pdf, folder / "红头扫描件.pdf", pages=1, colour=True, dpi=DPI)


@pytest.fixture(scope="module")
def page(scan: Path) -> numpy.ndarray:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(scan))
    try:
        return numpy.asarray(document[0].render(scale=DPI / 72).to_pil().convert("RGB"))
    finally:
        document.close()


def test_the_seal_is_washed_and_the_red_letterhead_and_rule_are_kept(page: numpy.ndarray) -> None:
    height, width = page.shape[:2]
    # where tests.helpers.scan_pdf stamps the seal: a 1.6-inch ring at 55 % across and down
    top, left, side = int(height * 0.55), int(width * 0.55), int(DPI * 1.6)
    seal = (slice(top - 10, top + side + 10), slice(left - 10, left + side + 10))
    head = (slice(0, height // 3), slice(None))
    ink = red_ink(page)
    assert ink[seal].sum() > 2000 and ink[head].sum() > 20000  # the scan has both, in red
    washed = red_ink(without_seals(page))
    assert washed[seal].sum() <= 0.02 * ink[seal].sum()
    assert washed[head].sum() == ink[head].sum()  # not a pixel of the 版头 or its rule lost
    dark = page.sum(axis=2) < 200  # the black text under and around the seal is left as it was
    assert (dark[seal] & ~red_ink(page)[seal]).sum() > 0


def test_ocr_reads_the_red_letterhead_and_not_the_seal(scan: Path) -> None:
    ((_, _, _, boxes),) = list(recognise_pages(scan, "pdf"))
    text = "".join(box.text for box in boxes)
    assert "人民政府文件" in text
    assert "某政发" in text and "2026" in text
