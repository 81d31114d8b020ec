"""Hostile and broken files: a Chinese message naming the file, exit 2, the database byte-for-byte as before."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.importers import read_plan
from desktop.services.messages import error_text
from tests.helpers import sample_paragraphs, write_docx


def _valid_docx(tmp: Path, sample: Path) -> Path:
    return write_docx(sample_paragraphs(sample)[:20], tmp / "valid.docx")


def _rewrite_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == part else zin.read(item.filename))
    return target


def empty(tmp: Path, sample: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"")
    return tmp / "empty.txt"


def garbage(tmp: Path, sample: Path) -> Path:
    (tmp / "garbage.txt").write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    return tmp / "garbage.txt"


def broken_compound(tmp: Path, sample: Path) -> Path:
    """A compound-file signature with nothing valid behind it, named .docx."""
    (tmp / "old.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "WordDocument".encode("utf-16-le")
    )
    return tmp / "old.docx"


def empty_wps(tmp: Path, sample: Path) -> Path:
    (tmp / "plan.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    return tmp / "plan.wps"


def rtf_file(tmp: Path, sample: Path) -> Path:
    (tmp / "plan.rtf").write_text("{\\rtf1\\ansi\\ansicpg936 {\\f0 \\'b7\\'bd\\'b0\\'b8}}", encoding="ascii")
    return tmp / "plan.rtf"


def ofd_without_document(tmp: Path, sample: Path) -> Path:
    with zipfile.ZipFile(tmp / "plan.ofd", "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    return tmp / "plan.ofd"


def zip_bomb(tmp: Path, sample: Path) -> Path:
    source = _valid_docx(tmp, sample)
    target = tmp / "bomb.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        with zout.open("word/media/filler.bin", "w") as handle:
            block = b"\x00" * (1 << 20)
            for _ in range(64):
                handle.write(block)
    return target


def xxe(tmp: Path, sample: Path) -> Path:
    source = _valid_docx(tmp, sample)
    payload = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _rewrite_part(source, tmp / "xxe.docx", "word/document.xml", payload)


def billion_laughs(tmp: Path, sample: Path) -> Path:
    source = _valid_docx(tmp, sample)
    lines = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    payload = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(lines) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        "<w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    return _rewrite_part(source, tmp / "laughs.docx", "word/document.xml", payload)


def truncated_docx(tmp: Path, sample: Path) -> Path:
    data = _valid_docx(tmp, sample).read_bytes()
    (tmp / "truncated.docx").write_bytes(data[: len(data) // 2])
    return tmp / "truncated.docx"


def zeros(tmp: Path, sample: Path) -> Path:
    """A 2 GB file of zeros (sparse: it takes no disk), as a failed download leaves."""
    path = tmp / "下载失败.txt"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    return path


def huge_text(tmp: Path, sample: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as handle:
        line = ("各地区各部门要认真贯彻落实。" * 10 + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return path


def no_measures(tmp: Path, sample: Path) -> Path:
    (tmp / "letter.txt").write_text(
        "关于召开会议的通知\n各单位：\n定于下周一召开会议，请准时参加。\n", encoding="utf-8"
    )
    return tmp / "letter.txt"


def encrypted_docx(tmp: Path, sample: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    source = _valid_docx(tmp, sample)
    target = tmp / "locked.docx"
    with source.open("rb") as handle, target.open("wb") as out:
        OOXMLFile(handle).encrypt("密码123", out)
    return target


def encrypted_pdf(tmp: Path, sample: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="secret", owner_password="owner")
    target = tmp / "locked.pdf"
    with target.open("wb") as out:
        writer.write(out)
    return target


def blank_scan(tmp: Path, sample: Path) -> Path:
    """A scanned page with nothing on it: recognised, and no text found."""
    from PIL import Image

    target = tmp / "scan.pdf"
    Image.new("RGB", (595, 842), "white").save(target, "PDF")
    return target


def truncated_pdf(tmp: Path, sample: Path) -> Path:
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    (tmp / "cut.pdf").write_bytes(buffer.getvalue()[:200])
    return tmp / "cut.pdf"


def xlsx_without_table(tmp: Path, sample: Path) -> Path:
    from tests.helpers import write_xlsx

    return write_xlsx([["姓名", "电话"], ["张三", "123"]], tmp / "contacts.xlsx")


CASES: list[tuple[Callable[[Path, Path], Path], ErrorCode, str]] = [
    (empty, ErrorCode.FILE_EMPTY, "空的"),
    (garbage, ErrorCode.BINARY, "不是文本文件"),
    (broken_compound, ErrorCode.CORRUPT, "损坏"),
    (empty_wps, ErrorCode.CORRUPT, "损坏"),
    (rtf_file, ErrorCode.LEGACY_OFFICE, "另存为"),
    (ofd_without_document, ErrorCode.CORRUPT, "损坏"),
    (zip_bomb, ErrorCode.ZIP_BOMB, "恶意"),
    (xxe, ErrorCode.UNSAFE_XML, "外部实体"),
    (billion_laughs, ErrorCode.UNSAFE_XML, "实体扩展"),
    (truncated_docx, ErrorCode.CORRUPT, "损坏"),
    (huge_text, ErrorCode.FILE_TOO_LARGE, "上限 20 MB"),
    (zeros, ErrorCode.FILE_TOO_LARGE, "（2048 MB，超过了上限 20 MB）"),
    (no_measures, ErrorCode.NO_MEASURES, "没有找到"),
    (encrypted_docx, ErrorCode.ENCRYPTED, "密码"),
    (encrypted_pdf, ErrorCode.ENCRYPTED, "密码"),
    (blank_scan, ErrorCode.NO_TEXT_IN_SCAN, "没有识别出任何文字"),
    (truncated_pdf, ErrorCode.CORRUPT, "损坏"),
    (xlsx_without_table, ErrorCode.NO_TASK_TABLE, "表头"),
]

CASES_MARKED = [pytest.param(*c, marks=pytest.mark.slow) if c[0] is blank_scan else c for c in CASES]  # OCR


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seeded_db(tmp_path: Path, sample_path: Path) -> Path:
    db = tmp_path / "db" / "luoshi.db"
    assert main(["--db", str(db), "import", str(sample_path)]) == 0
    return db


@pytest.mark.parametrize(("make", "code", "words"), CASES_MARKED, ids=[c[0].__name__ for c in CASES])
def test_refused_with_reason(
    tmp_path: Path, sample_path: Path, make: Callable[[Path, Path], Path], code: ErrorCode, words: str
) -> None:
    path = make(tmp_path, sample_path)
    with pytest.raises(LuoshiError) as caught:
        read_plan(path)
    assert caught.value.code is code
    assert caught.value.path == str(path)
    # the clerk's message says what is wrong: the size against the limit, never 'empty' for zeros
    assert words in error_text(caught.value)


@pytest.mark.parametrize(("make", "code", "words"), CASES_MARKED, ids=[c[0].__name__ for c in CASES])
def test_cli_exit_2_and_database_untouched(
    tmp_path: Path,
    sample_path: Path,
    seeded_db: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path, Path], Path],
    code: ErrorCode,
    words: str,
) -> None:
    before = _digest(seeded_db)
    files_before = sorted(p.name for p in seeded_db.parent.iterdir())
    path = make(tmp_path, sample_path)
    assert main(["--db", str(seeded_db), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and words in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert _digest(seeded_db) == before
    assert sorted(p.name for p in seeded_db.parent.iterdir()) == files_before
    assert main(["--db", str(seeded_db), "parse", str(path)]) == 2


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "parse", str(tmp_path / "nope.docx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml"])
def test_docx_with_a_broken_part_is_corrupt(tmp_path: Path, sample_path: Path, part: str) -> None:
    broken = _rewrite_part(
        _valid_docx(tmp_path, sample_path), tmp_path / "broken.docx", part, b"<w:document><unclosed>"
    )
    with pytest.raises(LuoshiError) as caught:
        read_plan(broken)
    assert caught.value.code is ErrorCode.CORRUPT


def test_a_copy_cut_inside_its_last_character_is_read(tmp_path: Path, sample_path: Path) -> None:
    data = sample_path.read_bytes().rstrip()
    assert data.endswith("印发".encode())
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:-1])  # the last character's final byte is missing
    whole = read_plan(sample_path)
    assert [m.text for m in read_plan(cut).measures] == [m.text for m in whole.measures]
