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
