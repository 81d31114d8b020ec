"""The line and page estimate the report writer places the 版记 by."""

from __future__ import annotations

from desktop.domain.gongwen.page_fill import Block, Fill, ends_within, line_count

LINE = 579
PAGE = 22 * LINE


def test_full_lines_of_hanzi() -> None:
    assert line_count("一" * 28, 28) == 1
    assert line_count("一" * 29, 28) == 2
    assert line_count("一" * 26, 28, first_indent=2) == 1
    assert line_count("一" * 27, 28, first_indent=2) == 2
    assert line_count("", 28) == 1  # an empty paragraph still takes its line
    assert line_count("一\n二", 28) == 2  # a line break


def test_a_closing_mark_never_starts_a_line() -> None:
    # 26 characters then "一。": the 。 cannot start line 2, so 一 goes down with it
    assert line_count("一" * 27 + "。", 28) == 1
    assert line_count("一" * 28 + "。", 28) == 2


def test_latin_counts_by_its_own_width_and_the_loose_layout_adds_joints() -> None:
    digits = "一" * 20 + "2026年3月31日" * 2  # 20 + 2 × (8 digits + 3 汉字)
    tight, loose = line_count(digits, 28), line_count(digits, 28, loose=True)
    assert tight == 2 and loose == 2
    words = "ISO 9001质量" * 5
    assert line_count(words, 28) <= line_count(words, 28, loose=True)
    assert line_count("a" * 200, 28) == 1  # one unbreakable word stays one piece
    assert line_count("a" * 200, 28, latin_breaks=True) == 4  # unless Latin breaks anywhere (wordWrap="0")


def _tight(blocks: list[Block]) -> Fill:
    return ends_within(blocks, PAGE)[0]


def test_fill_counts_pages_and_keeps_chains_together() -> None:
    body = [Block("一" * 28, 28) for _ in range(21)]
    assert _tight(body).page == 1
    assert _tight([*body, Block("", 28)]).page == 1
    two = _tight([*body, Block("", 28), Block("", 28)])
    assert (two.page, two.used_twips) == (2, LINE)
    # a heading kept with a 3-line paragraph: on line 21 both start there; on line 22 the heading goes down
    head, text = Block("一、任务", 28, keep_with_next=True), Block("一" * 84, 28)
    assert _tight([*body[:20], head, text]) == Fill(2, 2 * LINE)
    assert _tight([*body, head, text]) == Fill(2, 4 * LINE)
    # a long kept paragraph splits: its last two lines go down with the paragraph it is kept with
    kept = Block("一" * 28 * 5, 28, keep_with_next=True)
    assert _tight([*body[:18], kept, Block("特此报告。", 28)]) == Fill(2, 3 * LINE)


def test_space_before_counts_on_the_first_page_only() -> None:
    mark = Block("某局", 28, before_twips=2 * LINE)
    assert _tight([mark]).used_twips == 3 * LINE
