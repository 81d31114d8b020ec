"""Figures for the new readers: the sample as .doc, and OCR of a 10-page scan (time per page, peak memory).

The scan is made as the tests make it: the sample laid out as a published 公文, printed to PDF by
LibreOffice, rendered at 200 dpi, turned and speckled, sealed, and wrapped back into a PDF of images.
Ours is `read_plan` (a child process renders the pages, washes the seals and recognises them at a bounded
side; the lines are put in reading order, parsed and given doubts); the floor is bare rapidocr with its
defaults recognising the same rendered pages in one process. Each reports its wall time and the peak
resident memory of the process that did the OCR (ours: the child).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from bench.timing import timed
from desktop.importers import read_plan
from desktop.services.locations import resource_path, sample_plan_path

Row = Callable[[str, float, float, str], None]
ROOT = Path(__file__).resolve().parents[1]

_OURS = """
import resource, sys, time
from pathlib import Path
from desktop.importers import read_plan
from desktop.services.locations import sample_plan_path
start = time.perf_counter()
plan = read_plan(Path(sys.argv[1]))
seconds = time.perf_counter() - start
units = lambda p: {m.label: [(u.name, u.role.value) for u in m.units] for m in p.measures}
ours, theirs = units(plan), units(read_plan(sample_plan_path()))
right = sum(ours.get(label) == named for label, named in theirs.items())
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the OCR child's peak
here = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seconds, right, here, child)
"""
_FLOOR = """
import resource, sys, time
import numpy, pypdfium2
from rapidocr_onnxruntime import RapidOCR
start = time.perf_counter()
engine = RapidOCR()
document = pypdfium2.PdfDocument(sys.argv[1])
for i in range(len(document)):
    engine(numpy.asarray(document[i].render(scale=200 / 72).to_pil().convert("RGB")), use_cls=False)
print(time.perf_counter() - start, len(document), 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _run(script: str, path: Path) -> tuple[float, int, float, float]:
    """Run `script` on `path` in a fresh Python; return its seconds, count, own and children's peak (bytes)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], env=env, capture_output=True, text=True, check=True
    )
    seconds, count, here_kb, children_kb = done.stdout.split()[-4:]
    return float(seconds), int(count), float(here_kb) * 1024, float(children_kb) * 1024


def _bare_doc(path: Path) -> None:
    """The floor: olefile opening the compound file and reading its two Word streams."""
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        ole.openstream("WordDocument").read()
        for table in ("0Table", "1Table"):
            if ole.exists(table):
                ole.openstream(table).read()


def scans(folder: Path, row: Row) -> None:
    """Print the .doc parse and the OCR figures."""
    from tests.helpers import convert, sample_paragraphs, scan_pdf, write_docx, write_gongwen_docx

    doc = convert(write_docx(sample_paragraphs(sample_plan_path()), folder / "sample.docx"), folder, "doc")
    assert len(read_plan(doc).measures) == 34
    row(
        "parse sample as .doc (34 measures)",
        timed(lambda: read_plan(doc), 15),
        timed(lambda: _bare_doc(doc), 15),
        "< 100 ms",
    )
    os.environ["FONTCONFIG_FILE"] = str(resource_path("fonts", "fonts.conf"))
    try:
        pdf = convert(
            write_gongwen_docx(sample_paragraphs(sample_plan_path()), folder / "gw.docx"), folder, "pdf"
        )
    finally:
        del os.environ["FONTCONFIG_FILE"]
    scan = scan_pdf(pdf, folder / "scan.pdf")
    ours, right, window_rss, ours_rss = _run(_OURS, scan)
    floor, pages, _, floor_rss = _run(_FLOOR, scan)
    print(f"OCR of the {pages}-page scan: {right} of 34 measures with every unit right")
    row(f"OCR {pages}-page scan, per page (load included)", ours / pages, floor / pages, "< 2000 ms a page")
    print(
        f"{f'peak memory, OCR child, {pages}-page scan':<50} {ours_rss / 2**20:9.1f} MB   floor "
        f"{floor_rss / 2**20:8.1f} MB   ratio {ours_rss / floor_rss:7.2f}   target < 600 MB"
    )
    print(f"{'peak memory of the process that asked (no OCR in it)':<50} {window_rss / 2**20:9.1f} MB")
