"""Exports replace the target whole or not at all, and refuse files another program holds open."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.exporters.atomic import free_name, write_atomically
from desktop.exporters.report_docx import write_report
from desktop.services.messages import error_text
from tests.exporters.conftest import report


def test_replaces_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    write_report(report(), target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


@pytest.mark.parametrize("owner", ["~$报告.docx", ".~lock.报告.docx#"])
def test_target_open_in_word_or_libreoffice_is_refused(tmp_path: Path, owner: str) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the clerk's previous report")
    (tmp_path / owner).write_text("owner")
    with pytest.raises(LuoshiError) as caught:
        write_report(report(), target)
    assert caught.value.code is ErrorCode.TARGET_LOCKED
    assert target.read_bytes() == b"the clerk's previous report"
    message = error_text(caught.value)
    assert "正在被 Word、WPS" in message and "报告（2）.docx" in message


def test_suggested_name_skips_existing(tmp_path: Path) -> None:
    (tmp_path / "报告（2）.docx").write_bytes(b"")
    assert free_name(tmp_path / "报告.docx").name == "报告（3）.docx"


@pytest.mark.parametrize(
    ("error", "reason", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "full", "磁盘已满"),
        (PermissionError(errno.EACCES, "Permission denied"), "denied", "没有写入权限"),
        (OSError(errno.EIO, "Input/output error"), "io", "磁盘读写出错"),
    ],
)
def test_failed_write_keeps_the_old_file(tmp_path: Path, error: OSError, reason: str, words: str) -> None:
    target = tmp_path / "新报告.docx"

    def half_write(temporary: Path) -> None:
        temporary.write_bytes(b"half")
        raise error

    with pytest.raises(LuoshiError) as caught:
        write_atomically(target, half_write)
    assert caught.value.code is ErrorCode.EXPORT_FAILED and caught.value.params["reason"] == reason
    assert words in error_text(caught.value)
    assert list(tmp_path.iterdir()) == []  # neither target nor temporary


def test_replace_refused_by_windows_share_lock_names_a_free_name(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"open in Excel")

    def refused(temporary: Path) -> None:
        temporary.write_bytes(b"new")
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    with pytest.raises(LuoshiError) as caught:
        write_atomically(target, refused)
    assert (
        caught.value.code is ErrorCode.TARGET_LOCKED and caught.value.params["suggestion"] == "台账（2）.xlsx"
    )
    assert target.read_bytes() == b"open in Excel"
