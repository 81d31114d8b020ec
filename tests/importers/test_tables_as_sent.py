"""Task tables in the forms they are sent: real corpus plans that are tables, put into a Word table with
python-docx, then written by LibreOffice as a ruled PDF, a PDF without borders, .doc, .ods and HTML named
.doc. Each gives the same measures as the .docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.domain.models import Plan
from desktop.domain.parsing.doubts import NUMBERING, OCR
from desktop.domain.parsing.flat_tables import read_flat_table
from desktop.importers import read_plan
from tests.corpus import CORPUS
from tests.helpers import convert, scan_pdf, write_xlsx

pytestmark = pytest.mark.slow  # OCR, LibreOffice or killed processes: outside `make check`

PLANS = [
    "beilun_2024_renwu.txt",
    "yinzhou_2024_fenjie.txt",
    "luan_2021_luoshi.txt",
    "wuhu_2020_zhongdian.txt",
    "huaiyuan_2023_nongye.txt",
    "zhuji_2023_qingdan.txt",
]


def _rows(name: str) -> tuple[list[str], list[list[str]]]:
    table = read_flat_table((CORPUS / name).read_text("utf-8").splitlines())
    assert table is not None, name
    return table.front, table.rows


def _docx(name: str, path: Path, *, ruled: bool) -> Path:
    front, rows = _rows(name)
    document = docx.Document()
    for line in front:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if ruled:
        table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


def _summary(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (m.label, "".join(m.text.split()), tuple((u.name, u.role.value) for u in m.units), m.deadline)
        for m in plan.measures
    ]


@pytest.fixture(scope="module", params=PLANS, ids=lambda n: n.split("_")[0])
def made(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan]:
    name = request.param
    folder = tmp_path_factory.mktemp(name.split(".")[0])
    source = _docx(name, folder / "plan.docx", ruled=True)
    reference = read_plan(source)
    assert reference.measures and not reference.names_no_unit
    return source, reference


def test_ruled_pdf(made: tuple[Path, Plan]) -> None:
    source, reference = made
    pdf = convert(source, source.parent / "pdf", "pdf")
    assert _summary(read_plan(pdf)) == _summary(reference)


def test_doc(made: tuple[Path, Plan]) -> None:
    source, reference = made
    assert _summary(read_plan(convert(source, source.parent / "doc", "doc"))) == _summary(reference)


def test_html_named_doc(made: tuple[Path, Plan]) -> None:
    source, reference = made
    html = convert(source, source.parent / "html", "html:HTML (StarWriter)")
    named = html.rename(html.with_suffix(".doc"))
    assert _summary(read_plan(named)) == _summary(reference)


def test_ods(made: tuple[Path, Plan]) -> None:
    source, reference = made
    rows = [[cell.text for cell in row.cells] for row in docx.Document(str(source)).tables[0].rows]
    xlsx = write_xlsx(rows, source.parent / "list.xlsx")
    ods = convert(xlsx, source.parent / "ods", "ods")
    assert _summary(read_plan(ods)) == _summary(reference)


def test_pdf_without_borders(made: tuple[Path, Plan]) -> None:
    source, reference = made
    name = next(n for n in PLANS if n.split(".")[0] in source.parent.name)
    plain = _docx(name, source.parent / "plain.docx", ruled=False)
    pdf = convert(plain, source.parent / "plain-pdf", "pdf")
    assert _summary(read_plan(pdf)) == _summary(reference)


@pytest.mark.parametrize("name", ["beilun_2024_renwu.txt", "zhuji_2023_qingdan.txt"])
def test_scan_of_the_ruled_pdf(name: str, tmp_path: Path) -> None:
    """Printed, scanned at 200 dpi with specks and a slight turn: the same measures, each with an OCR doubt."""
    source = _docx(name, tmp_path / "plan.docx", ruled=True)
    reference = read_plan(source)
    scanned = read_plan(scan_pdf(convert(source, tmp_path, "pdf"), tmp_path / "scan.pdf"))
    assert all(any(d.code == OCR for d in m.doubts) for m in scanned.measures)  # every one flagged
    # A row number the recogniser missed merges two rows; the numbering gap after it is flagged too.
    labels = [m.label for m in scanned.measures]
    for missing in sorted({m.label for m in reference.measures} - set(labels), key=int):
        after = next(m for m in scanned.measures if int(m.label) > int(missing))
        assert any(d.code == NUMBERING for d in after.doubts), (missing, after.label)
    assert len(labels) >= len(reference.measures) - 1
    theirs = {m.label: tuple((u.name, u.role.value) for u in m.units) for m in reference.measures}
    ours = {m.label: tuple((u.name, u.role.value) for u in m.units) for m in scanned.measures}
    right = [label for label in ours if ours[label] == theirs.get(label)]
    # What keeps the rest apart is the recogniser (碶 read as 大, 、 as ·, a row number it drops), never
    # the grid: every such measure carries its OCR doubt.
    assert len(right) >= 0.3 * len(theirs), [(k, ours[k], theirs.get(k)) for k in ours if k not in right]


def _ofd_table_page(front: list[str], rows: list[list[str]]) -> str:
    """A page as OFD converters write a table: each cell line a text object, CTM-scaled text in points."""
    from tests.helpers import OFD_NS, _xml

    size, pt = 3.5, 72 / 25.4
    widths = [14.0, 16.0, 70.0, 36.0, 36.0][: len(rows[0])]
    widths[2 if len(widths) > 2 else -1] += 170.0 - sum(widths)
    lefts = [20 + sum(widths[:i]) for i in range(len(widths))]
    objects, y, ident = [], 20.0, 100

    def text_object(x: float, top: float, text: str) -> str:
        nonlocal ident
        ident += 1
        return (
            f'<ofd:TextObject ID="{ident}" Boundary="{x:.2f} {top:.2f} {size * len(text) + 1:.2f} {size + 1:.2f}" '
            f'Size="{size * pt:.3f}" CTM="0.3528 0 0 0.3528 0 0"><ofd:TextCode X="0" Y="{size * pt:.2f}" '
            f'DeltaX="g {max(len(text) - 1, 0)} {size * pt:.3f}">{_xml(text)}</ofd:TextCode></ofd:TextObject>'
        )

    for line in front:
        objects.append(text_object(20, y, line))
        y += size * 1.6
    y += size
    for row in rows:
        height = 1
        for left, width, cell in zip(lefts, widths, row, strict=False):
            per_line = max(1, int((width - 2) // size))
            parts = [cell[i : i + per_line] for i in range(0, len(cell), per_line)] or [""]
            height = max(height, len(parts))
            for n, part in enumerate(parts):
                if part:
                    objects.append(text_object(left + 1, y + n * size * 1.4, part))
        y += height * size * 1.4 + size * 0.8
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Area>'
        '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="1">'
        f"{''.join(objects)}</ofd:Layer></ofd:Content></ofd:Page>"
    )


@pytest.mark.parametrize("name", ["zhuji_2023_qingdan.txt", "wuhu_2020_zhongdian.txt"])
def test_ofd_table(name: str, tmp_path: Path) -> None:
    """A task table in an OFD (text objects placed cell by cell) reads as its .docx."""
    from tests.helpers import write_ofd

    front, rows = _rows(name)
    reference = read_plan(_docx(name, tmp_path / "plan.docx", ruled=True))
    ofd = write_ofd(["占位"], tmp_path / "plan.ofd", page=_ofd_table_page(front[-3:], rows))
    assert _summary(read_plan(ofd)) == _summary(reference)
