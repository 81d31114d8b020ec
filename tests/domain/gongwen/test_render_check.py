"""`luoshi check` on rendered pages: each defect made by hand, one at a time, is caught."""

from __future__ import annotations

from desktop.domain.gongwen.format_facts import (
    A4_MM,
    DASH_INK_EM,
    MARGINS_MM,
    MM_PER_PT,
    LineBox,
    PageBox,
    RenderFacts,
)
from desktop.domain.gongwen.render_check import check_rendering

BOTTOM = (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT
RIGHT = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT


def _page_with_number(dash_mm: float) -> RenderFacts:
    """One page whose "— 1 —" has its 一字线's ink `dash_mm` below the type area (a 14 pt em box)."""
    baseline = BOTTOM + dash_mm / MM_PER_PT + DASH_INK_EM * 14
    number = LineBox(baseline - 14, baseline, RIGHT - 14 - 40, RIGHT - 14, "— 1 —", 14, 2)
    return RenderFacts((PageBox(1, 595.3, 841.9, (number,)),))


def test_a_page_number_at_its_place_passes() -> None:
    assert [f for f in check_rendering(_page_with_number(7.0)) if f.clause == "7.5"] == []


def test_a_page_number_a_millimetre_and_more_off_is_caught() -> None:
    assert [f for f in check_rendering(_page_with_number(7.8)) if f.clause == "7.5"] == []
    assert [f for f in check_rendering(_page_with_number(8.1)) if f.clause == "7.5"] != []
    assert check_rendering(_page_with_number(5.8)) != []  # so high it reaches into the type area


def test_a_page_number_too_low_is_caught() -> None:
    found = [f for f in check_rendering(_page_with_number(9.7)) if f.clause == "7.5"]
    assert found and "一字线" in found[0].text() and "9.7 mm" in found[0].text()


def _signed(
    organ_x0: float, date_x0: float, *, organ: str = "自治区发展改革委", dated: str = "2026年4月13日"
) -> RenderFacts:
    """The last page's organ and date lines at the given starts (characters from the type area's left)."""
    left = 28 / MM_PER_PT
    char = 15.75
    organ_width = len(organ) * char
    date_width = (sum(0.5 if c.isascii() else 1 for c in dated)) * char
    top = 500.0
    lines = (
        LineBox(
            top, top + 16, left + organ_x0 * char, left + organ_x0 * char + organ_width, organ, 16, len(organ)
        ),
        LineBox(top + 29, top + 45, left + date_x0 * char, left + date_x0 * char + date_width, dated, 16, 3),
    )
    return RenderFacts((PageBox(1, 595.3, 841.9, lines),))


def test_signature_sealed_and_unsealed_pass() -> None:
    # sealed: the date (6.5 characters) 右空四字 starts at 17.5; the organ (8) centred over it starts at 16.75
    assert [f for f in check_rendering(_signed(16.75, 17.5)) if f.clause == "7.3.5"] == []
    # unsealed, a short date: organ 右空二字 at 18, the date's first character two right of it
    assert [
        f
        for f in check_rendering(_signed(14, 16, organ="内蒙古自治区发展和改革委员会"[:12]))
        if f.clause == "7.3.5"
    ] == []


def test_signature_off_by_a_character_is_caught() -> None:
    found = [f for f in check_rendering(_signed(18, 19)) if f.clause == "7.3.5"]  # shifted by 1, not 2
    assert found and "右移 1.0 字" in found[0].text()


LEFT = MARGINS_MM[2] / MM_PER_PT
TOP = MARGINS_MM[0] / MM_PER_PT
PITCH = 225 / 22 / MM_PER_PT


def _line(row: int, text: str, *, indent: int = 0, size: float = 16, justified: bool = True) -> LineBox:
    """A rendered line of `text` on grid row `row`: 汉字 16 pt wide, digits and Latin 8 pt (仿宋_GB2312)."""
    widths = tuple(size if not ch.isascii() else size / 2 for ch in text)
    x0 = LEFT + indent * 15.75
    x1 = RIGHT if justified else x0 + sum(w - 0.25 for w in widths)
    top = TOP + 7 + row * PITCH
    wide = sum(not ch.isascii() for ch in text)
    return LineBox(top, top + size, x0, x1, text, size, wide, widths)


def _fill(*lines: LineBox) -> list[str]:
    page = PageBox(1, 595.3, 841.9, lines)
    return [f.problem for f in check_rendering(RenderFacts((page,))) if "满行" in f.problem]


def test_a_full_line_holds_28_characters() -> None:
    assert _fill(_line(0, "字" * 28), _line(1, "字" * 5, justified=False)) == []


def test_a_line_short_of_a_character_that_would_fit_is_caught() -> None:
    # 27 characters, and the next line begins with one that would have fitted: spacing not squeezed
    assert _fill(_line(0, "字" * 27), _line(1, "字" * 5, justified=False)) == [
        "满行排了 27 个字，应为 28 个字"
    ]


def test_a_short_line_whose_next_token_cannot_fit_passes() -> None:
    # the 28th character went down with the comma that may not begin a line (no hanging punctuation)
    assert _fill(_line(0, "字" * 27), _line(1, "字，其余", justified=False)) == []
    # an unbreakable number: 27 characters and "126" (1.5) do not fit in 28
    assert _fill(_line(0, "字" * 27), _line(1, "126家", justified=False)) == []
    # an opening quote keeps its first character with it
    assert _fill(_line(0, "字" * 27), _line(1, "“字”", justified=False)) == []


def test_digits_count_half_and_their_joints_may_be_spaced() -> None:
    # 23 汉字 and 7 digits (3.5) hold 26.5; the renderer's space at the 6 joints (1.5) fills the line
    line = "截至2026年3月31日" + "字" * 18
    assert _fill(_line(0, line), _line(1, "字字", justified=False)) == []
    assert _fill(_line(0, "字" * 22), _line(1, "字字", justified=False)) == ["满行排了 22 个字，应为 28 个字"]


def test_a_line_holding_more_than_28_characters_is_caught() -> None:
    assert _fill(_line(0, "字" * 29), _line(1, "字" * 5, justified=False)) == [
        "满行排了 29 个字，应为 28 个字"
    ]


def _pages(first: int, following: LineBox) -> RenderFacts:
    """A page of `first` body lines, then a page beginning with `following` and more body text."""
    one = tuple(_line(row, "字" * 28) for row in range(first))
    two = (following, *(_line(row, "字" * 28) for row in range(1, 22)))
    return RenderFacts((PageBox(1, 595.3, 841.9, one), PageBox(2, 595.3, 841.9, two)))


def _per_page(render: RenderFacts) -> list[str]:
    return [f.problem for f in check_rendering(render) if "满页" in f.problem]


def test_a_page_holds_22_lines_unless_a_heading_went_overleaf() -> None:
    assert _per_page(_pages(22, _line(0, "字" * 28))) == []
    assert _per_page(_pages(21, _line(0, "字" * 28))) == ["满页排了 21 行，应为 22 行"]
    # a heading kept with its text (§5.2.3): the page may end a line early
    assert _per_page(_pages(21, _line(0, "二、法治化营商环境建设", indent=2, justified=False))) == []


def _colophon_at(
    row: int, *, number: int = 2, blank_before: bool = False, numbered: bool = False
) -> RenderFacts:
    """The 版记 on page `number` (the last), its last line on `row`; optionally after a blank page."""
    lines = [
        _line(row, "抄送：自治区人民政府办公厅。", size=14, justified=False),
        _line(row + 1, "某某局2026年4月3日印发", size=14, justified=False),
    ]
    if not blank_before:
        lines.insert(0, _line(0, "特此报告。", indent=2, justified=False))
    if numbered:
        lines.append(_page_with_number(7.0).pages[0].lines[0])
    pages = [PageBox(n, 595.3, 841.9, ()) for n in range(1, number)]
    return RenderFacts((*pages, PageBox(number, 595.3, 841.9, tuple(lines))))


def test_the_colophon_ends_on_the_bottom_of_the_type_area_of_an_even_page() -> None:
    assert [f for f in check_rendering(_colophon_at(20)) if f.clause in ("7.4.1", "7.5")] == []
    found = [f for f in check_rendering(_colophon_at(4)) if f.clause == "7.4.1"]  # right under the text
    assert found and "版心的下边缘" in found[0].problem
    found = [f for f in check_rendering(_colophon_at(20, number=3)) if f.clause == "7.4.1"]
    assert [f.problem for f in found] == ["版记应排在偶数页（最后一页为封四）"]


def test_no_page_number_on_the_colophon_page_after_a_blank_page() -> None:
    assert [
        f for f in check_rendering(_colophon_at(20, number=4, blank_before=True)) if f.clause == "7.5"
    ] == []
    found = [f for f in check_rendering(_colophon_at(20, number=4, blank_before=True, numbered=True))]
    assert [f.problem for f in found if f.clause == "7.5" and "页码应" not in f.problem] == [
        "版记页前有空白页的，空白页和版记页均不编排页码"
    ]


def _words(text: str) -> list[str]:
    """A tiny segmenter for the hand-made titles below (the service passes the real one)."""
    vocabulary = [
        "关于",
        "《",
        "》",
        "加快",
        "打造",
        "市场化",
        "法治化",
        "国际化",
        "一流",
        "营商环境",
        "实施方案",
    ]
    vocabulary += ["落实", "情况", "的", "报告"]
    out, rest = [], text
    while rest:
        word = next((w for w in vocabulary if rest.startswith(w)), rest[0])
        out.append(word)
        rest = rest[len(word) :]
    return out


def _title_page(*lines: str) -> RenderFacts:
    boxes = tuple(
        LineBox(100 + 30 * i, 122 + 30 * i, 100, 100 + 22 * len(text), text, 22, len(text))
        for i, text in enumerate(lines)
    )
    return RenderFacts((PageBox(1, 595.3, 841.9, boxes),))


def test_a_title_broken_inside_a_word_is_caught() -> None:
    page = _title_page("关于《加快打造市场化法治化国", "际化一流营商环境实施方案》", "落实情况的报告")
    found = [f.problem for f in check_rendering(page, _words) if f.clause == "7.3.1"]
    assert found == ["标题在词语中间回行：“化国/际化”"]


def test_a_title_ending_a_line_with_de_is_caught_and_whole_words_pass() -> None:
    page = _title_page("关于《加快打造市场化法治化国际化》落实情况的", "报告")
    assert [f.problem for f in check_rendering(page, _words) if f.clause == "7.3.1"] == [
        "标题行末是“的”，应移到下一行"
    ]
    page = _title_page("关于《加快打造市场化法治化", "国际化一流营商环境实施方案》", "落实情况的报告")
    assert [f for f in check_rendering(page, _words) if f.clause == "7.3.1"] == []


def _after_blank(body_rows: int) -> RenderFacts:
    """Body to line `body_rows` of page 2, a blank page 3, the 版记 alone on page 4."""
    colophon = _colophon_at(20, number=4, blank_before=True).pages[-1]
    full = PageBox(1, 595.3, 841.9, tuple(_line(row, "字" * 28) for row in range(22)))
    body = PageBox(2, 595.3, 841.9, tuple(_line(row, "字" * 28) for row in range(body_rows)))
    return RenderFacts((full, body, PageBox(3, 595.3, 841.9, ()), colophon))


def test_a_blank_page_before_the_colophon_is_caught_when_the_body_page_had_room() -> None:
    wasted = [f.problem for f in check_rendering(_after_blank(8)) if "空白页" in f.problem]
    assert wasted == ["第 2 页（偶数页）正文下方还有位置排版记，却另起一页并多出一张空白页"]
    assert [f for f in check_rendering(_after_blank(19)) if "多出一张空白页" in f.problem] == []
