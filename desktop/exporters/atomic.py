"""Write an output file whole or not at all, and refuse a target another program holds open."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

from desktop.domain.errors import ErrorCode, LuoshiError

WINDOWS_MAX_PATH = 260  # MAX_PATH: a longer path needs the \\?\ form unless long paths are switched on
_LONG, _LONG_UNC = "\\\\?\\", "\\\\?\\UNC\\"
_ROOM = 20  # the temporary file written beside the target first has a longer name


def long_path(path: PurePath) -> PurePath:
    r"""Return a Windows path near MAX_PATH long or longer in its \\?\ form; any other path as it is.

    Windows opens the \\?\ form whatever its long-path setting (off by default on Windows 10 and 11).

    A clerk's folders nest deep (D:\工作\2026年\…\各单位报送\…), and each Chinese character counts as one.
    """
    text = str(path)
    if (
        not isinstance(path, PureWindowsPath)
        or len(text) + _ROOM < WINDOWS_MAX_PATH
        or text.startswith(_LONG)
    ):
        return path
    if text.startswith("\\\\"):  # a network share, \\server\share\…
        return PureWindowsPath(_LONG_UNC + text[2:])
    return PureWindowsPath(_LONG + text)


def lock_files(path: PurePath) -> list[PurePath]:
    """Return the owner files Word/WPS (~$…) and LibreOffice (.~lock.…#) keep beside an open file."""
    return [
        path.with_name("~$" + path.name),
        path.with_name("~$" + path.name[2:]),  # Word shortens long names by their first two characters
        path.with_name(f".~lock.{path.name}#"),
    ]


def is_locked(path: Path) -> bool:
    """Return True when an office program has `path` open (its owner file exists)."""
    return path.exists() and any(Path(lock).exists() for lock in lock_files(path))


def free_name(path: Path) -> Path:
    """Suggest a name beside `path` that nobody holds: 报告（2）.docx, 报告（3）.docx …"""
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}（{n}）{path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem}（新）{path.suffix}")


def _failure(path: Path, exc: OSError) -> LuoshiError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "full"
    elif isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        if path.exists():  # Windows refuses to replace a file Word holds open
            return LuoshiError(ErrorCode.TARGET_LOCKED, path=str(path), suggestion=free_name(path).name)
        reason = "denied"
    else:
        reason = "io"
    return LuoshiError(ErrorCode.EXPORT_FAILED, path=str(path), reason=reason, detail=str(exc))


def check_suffix(path: Path, suffix: str) -> None:
    """Refuse to write a file whose name says another format (a .docx under a .xlsx name)."""
    if path.suffix.lower() != suffix:
        raise LuoshiError(
            ErrorCode.WRONG_SUFFIX, path=str(path), suffix=suffix, value=path.suffix or "（无）"
        )


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(temporary)` beside `path`, flush it to disk, then put it in place in one step.

    A failure at any point leaves the previous file (if any) untouched and no temporary behind.
    """
    path = Path(long_path(Path(path)))  # the \\?\ form on Windows when the path is too long for MAX_PATH
    if is_locked(path):
        raise LuoshiError(ErrorCode.TARGET_LOCKED, path=str(path), suggestion=free_name(path).name)
    temporary = path.with_name(f".{path.stem}.{os.getpid()}.part{path.suffix}")
    try:
        write(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise _failure(path, exc) from exc
    finally:
        temporary.unlink(missing_ok=True)
