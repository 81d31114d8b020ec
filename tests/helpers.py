"""Builders for real test files: .docx from paragraphs or tables, .xlsx, and what LibreOffice writes from them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl

from desktop.domain.parsing.lines import join_lines


def sample_paragraphs(sample_path: Path) -> list[str]:
    """Return the sample plan as whole paragraphs, as its Word original would hold them."""
    return join_lines(sample_path.read_text(encoding="utf-8").splitlines())


def write_docx(paragraphs: list[str], path: Path, tables: list[list[list[str]]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables or []:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(str(path))
    return path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    return found


def convert(source: Path, out_dir: Path, target: str) -> Path:
    """Have LibreOffice write `source` as `target` (pdf, doc, xls …) in `out_dir`; return the new file."""
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    made = out_dir / f"{source.stem}.{target.split(':')[0]}"
    assert made.exists(), f"LibreOffice produced no {target}"
    return made


def to_pdf(source: Path, out_dir: Path) -> Path:
    return convert(source, out_dir, "pdf")


def write_xlsx(rows: list[list[str]], path: Path, merges: list[str] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cell_range in merges or []:
        sheet.merge_cells(cell_range)
    workbook.save(str(path))
    return path


def id_rows(meta_sheet: object) -> list[tuple[object, ...]]:
    """Return the (row, measure_id, uid, label) rows of a hidden _luoshi sheet (its "ids" JSON cells)."""
    import json

    rows = list(meta_sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]
    text = "".join(str(row[1]) for row in rows if row and row[0] == "ids")
    return [tuple(row) for row in json.loads(text)]


OFD_NS = "http://www.ofdspec.org/2016"


def write_ofd(
    lines: list[str],
    path: Path,
    *,
    per_page: int = 30,
    seal: bool = True,
    page: str | None = None,
    points: bool = False,
    images: list[bytes] | None = None,
) -> Path:
    """Write `lines` as an OFD following GB/T 33190: OFD.xml, Doc_0/Document.xml, Pages/Page_N/Content.xml.

    Each line is a text object of 3号 (5.6 mm) characters, some split into two text codes with DeltaX
    (one as a 'g' repeat); every page carries a signature annotation and, with `seal`, a stamp image
    object, which the reader must ignore. `page` replaces the first page's Content.xml.

    With `points`, text is written as the 数科 and 金格 converters write it: one text object per page whose
    Boundary (mm) covers the type area, a CTM of 0.3528 (points to mm), and Size, X, Y and DeltaX in
    points. With `images`, each page holds only one full-page image (a scanned OFD), its PNG bytes.
    """
    import zipfile

    pt = 72 / 25.4  # points per millimetre

    def points_xml(page_lines: list[str]) -> str:
        objects = []
        for row, text in enumerate(page_lines):  # each half line its own object, its box in mm
            half = len(text) // 2
            for part, (left, chars) in enumerate(((0, text[:half]), (half, text[half:]))):
                if not chars:
                    continue
                objects.append(
                    f'<ofd:TextObject ID="{100 + 2 * row + part}" Boundary="{28 + 5.6 * left:.2f} '
                    f'{37 + row * 7.5:.2f} {5.6 * len(chars):.2f} 7" Font="2" Size="{5.6 * pt:.3f}" '
                    f'CTM="0.3528 0 0 0.3528 0 0"><ofd:TextCode X="0" Y="{5 * pt:.2f}" '
                    f'DeltaX="g {len(chars) - 1} {5.6 * pt:.3f}">{_xml(chars)}</ofd:TextCode></ofd:TextObject>'
                )
        return "".join(objects)

    def page_xml(page_lines: list[str]) -> str:
        objects = []
        for row, text in enumerate([] if points else page_lines):
            y = 37 + row * 7.5
            half = len(text) // 2
            head, tail = text[:half], text[half:]
            codes = (
                f'<ofd:TextCode X="0" Y="5" DeltaX="g {max(len(head) - 1, 0)} 5.6">{_xml(head)}</ofd:TextCode>'
                f'<ofd:TextCode X="{5.6 * len(head):.2f}" Y="5" DeltaX="{" ".join(["5.6"] * max(len(tail) - 1, 0))}">'
                f"{_xml(tail)}</ofd:TextCode>"
            )
            objects.append(
                f'<ofd:TextObject ID="{100 + row}" Boundary="28 {y:.2f} 156 7" Font="2" Size="5.6">{codes}</ofd:TextObject>'
            )
        if points:
            objects.append(points_xml(page_lines))
        stamp = '<ofd:ImageObject ID="99" Boundary="120 200 40 40" ResourceID="9"/>' if seal else ""
        return _ofd_page("".join(objects) + stamp)

    pages: list[list[str]] = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    if images is not None:
        pages = [[] for _ in images]
    media = "".join(
        f'<ofd:MultiMedia ID="{200 + n}" Type="Image"><ofd:MediaFile>scan_{n}.png</ofd:MediaFile></ofd:MultiMedia>'
        for n in range(len(images or []))
    )
    page_list = "".join(
        f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml"
            "</ofd:Signatures></ofd:DocBody></ofd:OFD>",
        )
        archive.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
            "<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
            "</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
            "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
            f"<ofd:Pages>{page_list}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"
            "</ofd:Document>",
        )
        archive.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res">'
            '<ofd:Fonts><ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>',
        )
        archive.writestr(
            "Doc_0/Annots/Annotations.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations xmlns:ofd="{OFD_NS}">'
            '<ofd:Page PageID="10"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>',
        )
        archive.writestr(
            "Doc_0/Annots/Page_0/Annotation.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="{OFD_NS}"><ofd:Annot Type="Stamp">'
            '<ofd:Appearance Boundary="120 200 40 40"><ofd:TextObject ID="500" Boundary="0 0 40 10" Size="5">'
            '<ofd:TextCode X="0" Y="5">批注印章文字</ofd:TextCode></ofd:TextObject></ofd:Appearance>'
            "</ofd:Annot></ofd:PageAnnot>",
        )
        archive.writestr("Doc_0/Signs/Signatures.xml", f'<ofd:Signatures xmlns:ofd="{OFD_NS}"/>')
        archive.writestr(
            "Doc_0/DocumentRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res">'
            f"<ofd:MultiMedias>{media}</ofd:MultiMedias></ofd:Res>",
        )
        for n, picture in enumerate(images or []):
            archive.writestr(f"Doc_0/Res/scan_{n}.png", picture)
        for n, page_lines in enumerate(pages):
            if images is not None:
                content = _ofd_page(
                    f'<ofd:ImageObject ID="{300 + n}" Boundary="0 0 210 297" ResourceID="{200 + n}"/>'
                )
            else:
                content = page if page is not None and n == 0 else page_xml(page_lines)
            archive.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content)
    return path


def _ofd_page(objects: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Area>'
        '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="1">'
        f"{objects}</ofd:Layer></ofd:Content></ofd:Page>"
    )


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_gongwen_docx(paragraphs: list[str], path: Path, *, red_head: tuple[str, str] | None = None) -> Path:
    """Write `paragraphs` laid out as a published 公文 (3号 仿宋, 22 lines of 28 characters, GB/T 9704).

    `red_head` (organ mark, 发文字号) makes it a 红头文件: the mark in large red characters (the 版头), the
    发文字号 with the red rule under it, above the title.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from desktop.exporters import gbt9704_docx as gb

    document = docx.Document()
    gb.prepare(document)
    if red_head is not None:
        organ_mark, doc_number = red_head
        mark = gb.new_paragraph(document)
        gb.set_paragraph(mark, first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, line_twips=48 * 20)
        gb.add_text(mark, organ_mark, gb.Face(gb.TITLE_FONT, 44, color=gb.RED, latin=gb.TITLE_FONT))
        number = gb.new_paragraph(document)
        gb.set_paragraph(number, first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER)
        gb.add_text(number, doc_number, gb.BODY)
        gb.border(number._p.get_or_add_pPr(), "bottom", size_eighths=12, color=gb.RED, space_pt=11)
    for index, text in enumerate(paragraphs):
        paragraph = gb.new_paragraph(document)
        gb.set_paragraph(paragraph, first_line_chars=0 if index == 0 else 2)
        gb.add_text(paragraph, text, gb.TITLE if index == 0 else gb.BODY)
    document.save(str(path))
    return path


def scan_pdf(
    source_pdf: Path,
    target: Path,
    *,
    dpi: int = 200,
    pages: int | None = None,
    seed: int = 7,
    colour: bool = False,
) -> Path:
    """Print and scan `source_pdf`: pages rendered at `dpi` (pdftoppm, in grey unless `colour`), turned a
    little and speckled, then wrapped back into a PDF of images with no text layer; also stamps a red seal
    on the last page."""
    import random
    import tempfile

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            "pdftoppm",
            "-r",
            str(dpi),
            *([] if colour else ["-gray"]),
            "-png",
            str(source_pdf),
            f"{tmp}/p",
        ]
        if pages:
            command[1:1] = ["-l", str(pages)]
        subprocess.run(command, check=True, timeout=300)
        images = []
        files = sorted(Path(tmp).glob("p-*.png"))
        for number, file in enumerate(files):
            page = Image.open(file).convert("RGB")
            page = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor="white")
            draw = ImageDraw.Draw(page)
            for _ in range(1500):  # dust and toner specks
                x, y = rng.randrange(page.width), rng.randrange(page.height)
                shade = rng.randrange(90, 200)
                draw.point((x, y), fill=(shade, shade, shade))
            if number == len(files) - 1:  # the issuing organ's red seal over the date
                box = (
                    page.width * 0.55,
                    page.height * 0.55,
                    page.width * 0.55 + dpi * 1.6,
                    page.height * 0.55 + dpi * 1.6,
                )
                draw.ellipse(box, outline=(220, 30, 30), width=max(4, dpi // 40))
                draw.text((box[0] + dpi * 0.5, box[1] + dpi * 0.7), "★", fill=(220, 30, 30))
            images.append(page.filter(ImageFilter.GaussianBlur(0.4)))
        images[0].save(target, save_all=True, append_images=images[1:], resolution=dpi)
    return target
