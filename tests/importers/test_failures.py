"""A bug in our own reading code reaches the crash log as itself; a file a library cannot read is logged and refused."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import docx
import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.importers import docx_file
from desktop.importers.docx_file import extract_docx


def _plan(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("1.清理规范招商引资违规政策。（自治区商务厅负责）")
    document.save(str(path))
    return path


def test_a_bug_in_a_reader_helper_is_not_called_a_damaged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_document: object) -> object:
        return {}["a list-numbering bug"]  # a KeyError raised by our code, as a library might raise one

    monkeypatch.setattr(docx_file.ListNumbers, "from_document", staticmethod(broken))
    with pytest.raises(KeyError) as raised:  # not LuoshiError(CORRUPT): the crash reporter gets it
        extract_docx(_plan(tmp_path / "方案.docx"))
    frames = [frame.name for frame in raised.traceback]
    assert "broken" in frames and "extract_docx" in frames  # its traceback, down to the helper


def test_a_part_the_library_cannot_parse_is_logged_then_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = _plan(tmp_path / "好.docx")
    bad = tmp_path / "坏.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            target.writestr(item, data)
    with caplog.at_level(logging.WARNING, logger="luoshi.importers"), pytest.raises(LuoshiError) as raised:
        extract_docx(bad)
    assert raised.value.code is ErrorCode.CORRUPT
    logged = [r for r in caplog.records if r.name == "luoshi.importers"]
    assert logged and "坏.docx" in logged[0].getMessage() and logged[0].exc_info is not None
