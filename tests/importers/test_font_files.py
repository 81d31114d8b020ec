"""Font names read from real font files (built here with fontTools), as the PC's font folder holds them."""

from __future__ import annotations

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

from desktop.domain.gongwen.fonts import font_gaps
from desktop.importers.font_files import family_names, installed_families

PRC = 0x804  # Windows language id of Simplified Chinese


def make_font(path: Path, english: str, chinese: str) -> Path:
    """Write a one-glyph TrueType font naming itself `english` and, in Chinese, `chinese`."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "uni4E00"])
    builder.setupCharacterMap({0x4E00: "uni4E00"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((1000, 0))
    pen.lineTo((1000, 100))
    pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf({".notdef": glyph, "uni4E00": glyph})
    builder.setupHorizontalMetrics({".notdef": (1000, 0), "uni4E00": (1000, 0)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": english, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    name = builder.font["name"]
    name.setName(chinese, 1, 3, 1, PRC)
    name.setName(chinese, 4, 3, 1, PRC)
    builder.save(str(path))
    return path


def test_a_font_is_known_by_its_chinese_and_its_english_name(tmp_path: Path) -> None:
    make_font(tmp_path / "FS_GB2312.ttf", "FangSong_GB2312", "仿宋_GB2312")
    assert {"仿宋_GB2312", "FangSong_GB2312"} <= family_names(tmp_path / "FS_GB2312.ttf")


def test_the_folder_is_walked_with_collections_and_bad_files_skipped(tmp_path: Path) -> None:
    nested = tmp_path / "fonts" / "chinese"
    nested.mkdir(parents=True)
    make_font(nested / "simhei.ttf", "SimHei", "黑体")
    first = make_font(tmp_path / "a.ttf", "KaiTi_GB2312", "楷体_GB2312")
    second = make_font(tmp_path / "b.ttf", "FZXiaoBiaoSong-B05S", "方正小标宋简体")
    collection = TTCollection()
    collection.fonts = [TTFont(str(first)), TTFont(str(second))]
    collection.save(str(nested / "pair.TTC"))
    first.unlink()
    second.unlink()
    (nested / "broken.ttf").write_bytes(b"\x00\x01\x00\x00 not a font at all")
    (nested / "readme.txt").write_text("仿宋_GB2312", encoding="utf-8")  # not a font file: not read

    found = installed_families([tmp_path, tmp_path / "missing"])

    assert {"黑体", "SimHei", "楷体_GB2312", "方正小标宋简体"} <= found
    assert "仿宋_GB2312" not in found
    gaps = font_gaps(found)
    assert [gap.font.name for gap in gaps] == ["仿宋_GB2312"]
    assert gaps[0].shown_as == ""  # neither 仿宋 nor 宋体 here


def test_a_pc_with_windows_fangsong_shows_it_for_fangsong_gb2312(tmp_path: Path) -> None:
    make_font(tmp_path / "simfang.ttf", "FangSong", "仿宋")
    gaps = {gap.font.name: gap for gap in font_gaps(installed_families([tmp_path]))}
    assert gaps["仿宋_GB2312"].shown_as == "仿宋"
    assert "“仿宋”" in gaps["仿宋_GB2312"].text() and "正文" in gaps["仿宋_GB2312"].text()
