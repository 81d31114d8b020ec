"""`luoshi check` on rendered pages: each defect made by hand, one at a time, is caught."""

from __future__ import annotations

from desktop.domain.format_check import check_rendering
from desktop.domain.format_facts import A4_MM, MARGINS_MM, MM_PER_PT, LineBox, PageBox, RenderFacts

BOTTOM = (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT
RIGHT = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT


def _page_with_number(dash_mm: float) -> RenderFacts:
    """One page whose "— 1 —" has its 一字线 `dash_mm` below the type area (a 14 pt em box)."""
    middle = BOTTOM + dash_mm / MM_PER_PT
    number = LineBox(middle - 7, middle + 7, RIGHT - 14 - 40, RIGHT - 14, "— 1 —", 14, 2)
    return RenderFacts((PageBox(1, 595.3, 841.9, (number,)),))


def test_a_page_number_at_its_place_passes() -> None:
    assert [f for f in check_rendering(_page_with_number(7.0)) if f.clause == "7.5"] == []


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
