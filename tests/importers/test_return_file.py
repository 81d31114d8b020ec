"""Hostile and wrong files offered as returns: refused with a reason, never an unhandled exception."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.domain.desk.notes import NoteFields
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.reporting.ledger import LedgerMeta, ledger_row
from desktop.exporters.ledger_xlsx import write_ledger
from desktop.importers.return_file import read_return
from tests.helpers import write_xlsx


def _ledger(path: Path, rows: int = 30) -> Path:
    lines = [
        ledger_row(measure_id=n, uid=f"u{n}", label=str(n), text=f"任务{n}", leads=("甲厅",), supports=(),
                   deadline="", note=NoteFields(progress=f"进展{n}" * 20), overdue=False, attachments=())
        for n in range(1, rows)
    ]  # fmt: skip
    write_ledger(LedgerMeta("台账", "甲厅", "2026Q1", "2026年第一季度", "某方案", "0", "今天"), lines, path)
    return path


def _code(path: Path) -> ErrorCode:
    with pytest.raises(LuoshiError) as caught:
        read_return(path)
    return caught.value.code


def test_ours_reads_back_exactly(tmp_path: Path) -> None:
    found = read_return(_ledger(tmp_path / "r.xlsx"))
    assert found.unit == "甲厅" and found.period_code == "2026Q1" and found.has_ids
    assert [r.uid for r in found.rows] == [f"u{n}" for n in range(1, 30)]
    assert found.rows[0].fields.progress == "进展1" * 20


def test_damaged_compressed_sheet_is_corrupt(tmp_path: Path) -> None:
    path = _ledger(tmp_path / "r.xlsx", rows=300)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + info.compress_size // 2, start + info.compress_size // 2 + 40):
        data[offset] ^= 0x5A  # damage inside the deflate stream, directory intact
    path.write_bytes(bytes(data))
    assert _code(path) is ErrorCode.CORRUPT


def test_dtd_in_a_return_is_refused(tmp_path: Path) -> None:
    source = _ledger(tmp_path / "r.xlsx")
    target = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for name in src.namelist():
            content = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = (
                    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + content
                )
            out.writestr(name, content)
    assert _code(target) is ErrorCode.UNSAFE_XML


def test_task_list_and_unrelated_sheet_are_not_returns(tmp_path: Path) -> None:
    unrelated = write_xlsx([["姓名", "电话"], ["张三", "123"]], tmp_path / "通讯录.xlsx")
    assert _code(unrelated) is ErrorCode.NOT_A_RETURN
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert _code(tmp_path / "x.xlsx") is ErrorCode.CORRUPT


def test_format_1_hidden_sheet_with_a_row_per_measure_is_still_read(tmp_path: Path) -> None:
    import openpyxl

    from desktop.domain.reporting.ledger import META_SHEET

    path = _ledger(tmp_path / "r.xlsx", rows=4)
    book = openpyxl.load_workbook(path)
    old = book[META_SHEET]
    for row in list(old.iter_rows()):
        if row[0].value == "ids":
            row[0].value = row[1].value = None
    old.append(["row", "measure_id", "uid", "label"])
    for n in range(1, 4):
        old.append([3 + n, n, f"old{n}", str(n)])
    book.save(path)
    assert [r.uid for r in read_return(path).rows] == ["old1", "old2", "old3"]
