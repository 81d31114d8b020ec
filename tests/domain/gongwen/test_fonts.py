"""Which official fonts a PC lacks, what shows instead, and which findings a stand-in face may cause."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.gongwen.findings import Finding
from desktop.domain.gongwen.fonts import OFFICIAL_FONTS, font_gaps, is_official_face, pdf_face
from desktop.domain.gongwen.format_facts import A4_MM, MARGINS_MM, MM_PER_PT, LineBox, PageBox, RenderFacts
from desktop.domain.gongwen.render_check import check_rendering


def test_a_pc_with_every_official_font_lacks_none() -> None:
    assert font_gaps(["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "Arial"]) == []


def test_english_names_count_whatever_their_case_and_spacing() -> None:
    assert font_gaps(["fangsong_gb2312", "FZXiaoBiaoSong-B05S", "SimHei", "KaiTi GB2312"]) == []


def test_a_bare_windows_pc_shows_fangsong_kaiti_and_songti() -> None:
    windows = ["宋体", "SimSun", "仿宋", "FangSong", "楷体", "KaiTi", "黑体", "SimHei", "微软雅黑"]
    shown = {gap.font.name: gap.shown_as for gap in font_gaps(windows)}
    assert shown == {"仿宋_GB2312": "仿宋", "方正小标宋简体": "宋体", "楷体_GB2312": "楷体"}


def test_with_no_chinese_face_the_system_default_shows() -> None:
    gaps = font_gaps(["DejaVu Sans"])
    assert [gap.font.name for gap in gaps] == [font.name for font in OFFICIAL_FONTS]
    assert all(gap.shown_as == "" and "系统默认字体" in gap.text() for gap in gaps)


def test_pdf_faces_are_told_apart() -> None:
    assert pdf_face("BCDEEE+ARPLUKaiCN") == "ARPLUKaiCN"
    for official in ("ABCDEF+FangSong_GB2312", "SimHei", "KaiTi_GB2312", "FZXBSJW--GB1-0", "FangSong"):
        assert is_official_face(official), official
    assert is_official_face("TimesNewRomanPSMT") and is_official_face("LiberationSerif")
    for stand_in in ("ARPLUKaiCN", "NotoSerifCJKsc-Regular", "NotoSansCJKsc-Regular", "DejaVuSans"):
        assert not is_official_face(stand_in), stand_in


LEFT = MARGINS_MM[2] / MM_PER_PT
RIGHT = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
TOP = MARGINS_MM[0] / MM_PER_PT


def _short_full_line(face: str, digit_em: float) -> RenderFacts:
    """A justified line of 22 汉字 and 4 digits running on into the next: short of 28 characters.

    The 汉字 are drawn one em wide in `face`, the digits `digit_em` wide.
    """
    pitch = 225 / 22 / MM_PER_PT
    text = "各地区各部门要切实加强组织领导压实工作责任"[:20] + "2026年底前"
    widths = tuple(16 * digit_em if ch.isdigit() else 16.0 for ch in text)
    first = LineBox(TOP + 7, TOP + 23, LEFT, RIGHT, text, 16, 22, widths, (face,) * len(text))
    second = replace(first, top=first.top + pitch, bottom=first.bottom + pitch, x1=LEFT + 5 * 16)
    return RenderFacts((PageBox(1, 595.3, 841.9, (first, second)),))


def _fill(face: str, digit_em: float) -> list[Finding]:
    return [f for f in check_rendering(_short_full_line(face, digit_em)) if "满行" in f.problem]


def test_a_finding_measured_in_a_stand_in_face_says_so() -> None:
    assert [f.stand_in for f in _fill("FangSong_GB2312", 0.5)] == [""]
    # a CJK stand-in keeps the official widths (汉字 one em, digits half): the line is the document's
    assert [f.stand_in for f in _fill("ARPLUKaiCN", 0.5)] == [""]
    # proportional digits in the stand-in: the short line may be the stand-in's doing
    stood = _fill("MicrosoftYaHei", 0.55)
    assert [f.stand_in for f in stood] == ["MicrosoftYaHei"]
    assert "替代字体“MicrosoftYaHei”" in stood[0].text() and "不算文件的问题" in stood[0].text()


def test_a_placement_finding_does_not_depend_on_faces() -> None:
    # the 版记 on an odd page is wrong in any face
    text = "自治区发展改革委办公室  2026年4月13日印发"
    printed = LineBox(700, 714, LEFT, RIGHT, text, 14, 16, (9.0,) * len(text), ("DejaVuSans",) * len(text))
    found = check_rendering(RenderFacts((PageBox(1, 595.3, 841.9, (printed,)),)))
    assert any("偶数页" in f.problem and f.stand_in == "" for f in found)
