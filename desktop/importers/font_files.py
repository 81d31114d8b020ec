"""Which font families this PC has: the names inside the font files of the usual font folders.

Read with fontTools (only each file's `name` table), in every language a font names itself in: 仿宋_GB2312
calls itself both "仿宋_GB2312" and "FangSong_GB2312". No font is loaded or drawn.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PureWindowsPath

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_FAMILY_IDS = (1, 4, 16)  # family, full name, typographic family


def font_folders(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ, home: str | None = None
) -> list[Path]:
    """Return the folders Windows, Linux (including 统信/麒麟) and macOS install fonts into.

    `platform`, `environ` and `home` are this PC's unless given (a test asks for Windows' folders here).
    """
    home = str(Path.home()) if home is None else home
    if platform == "win32":
        windows = PureWindowsPath(environ.get("WINDIR", r"C:\Windows"))
        local = PureWindowsPath(environ.get("LOCALAPPDATA", PureWindowsPath(home, "AppData", "Local")))
        return [Path(str(windows / "Fonts")), Path(str(local / "Microsoft" / "Windows" / "Fonts"))]
    if platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path(home, "Library", "Fonts")]
    data = environ.get("XDG_DATA_HOME", str(Path(home, ".local", "share")))
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path(data, "fonts"),
        Path(home, ".fonts"),
    ]


def _files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, names in os.walk(folder):
            for name in names:
                if name.lower().endswith(FONT_SUFFIXES):
                    yield Path(root) / name


def family_names(path: Path) -> set[str]:
    """Return the names one font file (or each font of a collection) gives itself; empty when unreadable."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError  # fontTools: loaded to read names

    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            fonts = list(TTCollection(str(path), lazy=True).fonts)
        else:
            fonts = [TTFont(str(path), lazy=True)]
        names = set()
        for font in fonts:
            for record in font["name"].names:
                if record.nameID in _FAMILY_IDS:
                    text = record.toUnicode(errors="ignore").strip()
                    if text:
                        names.add(text)
        return names
    except (OSError, TTLibError, KeyError, ValueError, AssertionError):
        return set()  # a damaged or unreadable font file names nothing


def installed_families(folders: Iterable[Path] | None = None) -> frozenset[str]:
    """Return every family name found in the font files under `folders` (default: this PC's)."""
    found: set[str] = set()
    for path in _files(font_folders() if folders is None else folders):
        found |= family_names(path)
    return frozenset(found)
