"""Fuzz every importer with mutated files for a bounded time; report unhandled exceptions (target: zero).

`python bench/fuzz.py [SECONDS_PER_IMPORTER]` (default 20). Seeds are real files of each kind: the sample
plan as text, as .docx, a task table .xlsx, a ledger (return) .xlsx, an OFD, a photographed page (OCR),
and, when LibreOffice is installed, a PDF, a .doc and an .xls it writes from them. Hypothesis draws the mutations (bytes flipped, inserted, deleted, truncated; for the zip
formats also inside the zipped XML); an importer may refuse a file only with a LuoshiError.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.domain.desk.notes import NoteFields
from desktop.domain.errors import LuoshiError
from desktop.domain.reporting.ledger import LedgerMeta, ledger_row
from desktop.exporters.ledger_xlsx import write_ledger
from desktop.importers import read_plan
from desktop.importers.return_file import read_return
from desktop.services.locations import sample_plan_path
from tests.helpers import write_ofd

Reader = Callable[[Path], object]
Mutation = tuple[str, int, int, bytes]  # kind, position, length, bytes


def _seeds(folder: Path) -> dict[str, tuple[Path, Reader]]:
    import docx
    import openpyxl

    text = sample_plan_path().read_text(encoding="utf-8")
    seeds: dict[str, tuple[Path, Reader]] = {"txt": (sample_plan_path(), read_plan)}
    corpus = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
    # task tables flattened to text: one cell a line (with and without '|' lines between cells)
    seeds["txt-cells"] = (corpus / "dazhu_2016_minsheng.txt", read_plan)
    seeds["txt-bars"] = (corpus / "chizhou_xinfang_zhengwu.txt", read_plan)
    document = docx.Document()
    for line in text.splitlines()[:120]:
        document.add_paragraph(line)
    document.save(str(folder / "seed.docx"))
    seeds["docx"] = (folder / "seed.docx", read_plan)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    for n in range(1, 30):
        sheet.append([n, f"推进第{n}项任务。", "自治区商务厅", "自治区财政厅", "2026年6月底前"])
    book.save(str(folder / "seed.xlsx"))
    seeds["xlsx"] = (folder / "seed.xlsx", read_plan)
    rows = [
        ledger_row(measure_id=n, uid=f"u{n}", label=str(n), text=f"任务{n}", leads=("甲厅",), supports=(),
                   deadline="", note=NoteFields(progress=f"进展{n}"), overdue=False, attachments=())
        for n in range(1, 20)
    ]  # fmt: skip
    write_ledger(
        LedgerMeta("台账", "甲厅", "2026Q1", "2026年第一季度", "某方案", "0", "今天"),
        rows,
        folder / "return.xlsx",
    )
    seeds["return"] = (folder / "return.xlsx", read_return)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(folder / "seed.docx")],
            capture_output=True,
            timeout=120,
            check=False,
        )
        if (folder / "seed.pdf").exists():
            seeds["pdf"] = (folder / "seed.pdf", read_plan)
        for source, kind in ((folder / "seed.docx", "doc"), (folder / "seed.xlsx", "xls")):
            subprocess.run(
                [office, "--headless", "--convert-to", kind, "--outdir", str(folder), str(source)],
                capture_output=True,
                timeout=120,
                check=False,
            )
            if (folder / f"seed.{kind}").exists():
                seeds[kind] = (folder / f"seed.{kind}", read_plan)
    seeds["ofd"] = (write_ofd(text.splitlines()[:120], folder / "seed.ofd"), read_plan)
    seeds["image"] = (_page_image(folder / "seed.png"), read_plan)
    return seeds


def _page_image(path: Path) -> Path:
    """A small photographed page: three lines of a plan in a CJK face (OCR reads it in about a second)."""
    from PIL import Image, ImageDraw, ImageFont

    found = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True)
    font = ImageFont.truetype(found.stdout, 28) if found.stdout else ImageFont.load_default()
    page = Image.new("RGB", (900, 300), "white")
    draw = ImageDraw.Draw(page)
    for row, line in enumerate(
        ["某某市工作方案", "1.推行帮办代办服务。（市政务服务局负责）", "2.清理涉企收费。（市财政局负责）"]
    ):
        draw.text((40, 40 + 60 * row), line, fill="black", font=font)
    page.save(path)
    return path


def _mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    out = bytearray(data)
    for kind, position, length, payload in mutations:
        at = position % (len(out) + 1)
        if kind == "flip":
            out[at : at + len(payload)] = payload
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "delete":
            del out[at : at + length]
        else:
            del out[at:]
    return bytes(out)


def _mutate_zip(data: bytes, mutations: list[Mutation], member: int) -> bytes:
    """Mutate one XML part inside the zip and re-zip it, so the XML parsers see the damage."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = source.namelist()
        target = names[member % len(names)]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name in names:
                content = source.read(name)
                out.writestr(name, _mutate(content, mutations) if name == target else content)
    return buffer.getvalue()


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete", "truncate"]),
        st.integers(min_value=0, max_value=1 << 20),
        st.integers(min_value=1, max_value=64),
        st.binary(min_size=1, max_size=32),
    ),
    min_size=1,
    max_size=6,
)


def fuzz(name: str, seed: Path, reader: Reader, seconds: float, folder: Path) -> tuple[int, list[str]]:
    """Run one importer on mutated copies of its seed for `seconds`; return (runs, unhandled failures)."""
    data = seed.read_bytes()
    zipped = zipfile.is_zipfile(seed)
    failures: list[str] = []
    runs = 0
    deadline = time.monotonic() + seconds
    target = folder / f"case{seed.suffix}"

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(mutations=MUTATIONS, inside=st.booleans(), member=st.integers(min_value=0, max_value=100))
    def one(mutations: list[Mutation], inside: bool, member: int) -> None:
        nonlocal runs
        if time.monotonic() > deadline:
            raise TimeoutError
        runs += 1
        target.write_bytes(
            _mutate_zip(data, mutations, member) if zipped and inside else _mutate(data, mutations)
        )
        try:
            reader(target)
        except LuoshiError:
            pass  # refused with a message: handled
        except Exception:
            failures.append(f"{name}: {traceback.format_exc(limit=3)}")
            shutil.copy(target, folder / f"failure-{name}-{len(failures)}{seed.suffix}")

    with contextlib.suppress(TimeoutError):
        one()
    return runs, failures


def main() -> int:
    """Fuzz each importer; exit 1 when any raised something other than a LuoshiError."""
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = 0
        for name, (seed, reader) in _seeds(folder).items():
            runs, failures = fuzz(name, seed, reader, seconds, folder)
            total += len(failures)
            print(
                f"fuzz {name:<7} {runs:6d} files in {seconds:.0f} s   unhandled exceptions: {len(failures)}"
            )
            for failure in failures[:3]:
                print(failure)
    print(f"fuzz total unhandled exceptions: {total}   target 0")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
