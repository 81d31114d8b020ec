"""The fonts GB/T 9704 documents name, and what a PC without them shows instead.

A report always names the official fonts (so it prints right wherever they are installed). On a PC
without one, Word and WPS fall back to a face they have: first the same style under its Windows name
(仿宋 for 仿宋_GB2312), then a plainer one. The fall-back order here is the one the report's font table
gives Word (`w:altName`, the first stand-in) followed by what Windows ships with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OfficialFont:
    """A font the report names: what it is used for, its other names and the faces shown without it."""

    name: str
    use: str
    other_names: tuple[str, ...]
    stand_ins: tuple[str, ...]
    # Prefixes of the PostScript names (spaces, hyphens and case ignored) the face and its equals carry
    # in a PDF: an equal has the same glyph widths (仿宋 and 仿宋_GB2312 are one design).
    postscript: tuple[str, ...]


OFFICIAL_FONTS = (
    OfficialFont(
        "仿宋_GB2312",
        "正文、版记",
        ("FangSong_GB2312", "仿宋_GB18030"),
        ("仿宋", "FangSong", "宋体", "SimSun"),
        ("fangsong", "仿宋"),
    ),
    OfficialFont(
        "方正小标宋简体",
        "标题、发文机关标志",
        ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"),
        ("华文中宋", "STZhongsong", "宋体", "SimSun"),
        ("fzxiaobiaosong", "fzxbs", "方正小标宋"),
    ),
    OfficialFont(
        "黑体",
        "一级标题",
        ("SimHei",),
        ("微软雅黑", "Microsoft YaHei", "等线", "DengXian"),
        ("simhei", "黑体"),
    ),
    OfficialFont(
        "楷体_GB2312",
        "二级标题",
        ("KaiTi_GB2312", "楷体_GB18030"),
        ("楷体", "KaiTi", "华文楷体", "STKaiti", "宋体", "SimSun"),
        ("kaiti", "楷体"),
    ),
)
# Faces the report names besides the four (page numbers in 宋体, digits and Latin in Times New Roman),
# and their metric equals: Liberation Serif is drawn to Times New Roman's widths glyph for glyph.
OTHER_FACES = ("simsun", "nsimsun", "宋体", "timesnewroman", "liberationserif")


@dataclass(frozen=True)
class FontGap:
    """An official font missing on this PC and the installed face Word/WPS show instead ("" when none)."""

    font: OfficialFont
    shown_as: str

    def text(self) -> str:
        """Return one line for the clerk: the font, what it is for, and what shows instead."""
        instead = f"“{self.shown_as}”" if self.shown_as else "系统默认字体（通常是宋体或等线）"
        return f"{self.font.name}（{self.font.use}）：Word/WPS 将以{instead}显示"


def _key(name: str) -> str:
    return re.sub(r"[\s\-_]", "", name).casefold()


def font_gaps(installed: Iterable[str]) -> list[FontGap]:
    """Return the official fonts none of whose names is among the `installed` family names."""
    have = {_key(name) for name in installed}
    gaps = []
    for font in OFFICIAL_FONTS:
        if any(_key(name) in have for name in (font.name, *font.other_names)):
            continue
        shown = next((name for name in font.stand_ins if _key(name) in have), "")
        gaps.append(FontGap(font, shown))
    return gaps


def pdf_face(name: str) -> str:
    """Return a PDF font name without its subset tag ("ABCDEF+SimHei" → "SimHei")."""
    return re.sub(r"^[A-Z]{6}\+", "", name)


def is_official_face(pdf_name: str) -> bool:
    """Return True when a face drawn in a PDF is an official font or one with its very widths."""
    key = _key(pdf_face(pdf_name))
    prefixes = [p for font in OFFICIAL_FONTS for p in font.postscript] + list(OTHER_FACES)
    return any(key.startswith(prefix) for prefix in prefixes)
