"""Title breaking rules (§7.3.1) on hand-cut words: whole words, allowed line ends, trapezoid or diamond."""

from __future__ import annotations

import pytest

from desktop.domain.gongwen.title_layout import bad_line_end, breaks_inside_words, good_shape, title_lines


def test_short_title_stays_one_line() -> None:
    assert title_lines(["关于", "《", "短方案", "》", "落实", "情况", "的", "报告"], 20) == [
        "关于《短方案》落实情况的报告"
    ]


def test_breaks_only_between_words_and_upper_line_longer() -> None:
    words = ["国务院", "关于", "支持", "自由贸易试验区", "深化", "改革", "创新", "若干", "措施", "的", "通知"]
    lines = title_lines(words, 20)
    assert lines == ["国务院关于支持自由贸易试验区", "深化改革创新若干措施的通知"]
    assert breaks_inside_words(lines, words) == []


def test_never_ends_a_line_with_a_function_word_or_opening_mark() -> None:
    # Even cuts would leave 和 or 《 at a line end; the chosen lines never do.
    words = ["甲乙丙丁戊己庚辛", "和", "《", "壬癸子丑寅卯辰巳", "》", "午未申酉", "的", "报告"]
    lines = title_lines(words, 16)
    assert "".join(lines) == "".join(words)
    assert not any(bad_line_end(line) for line in lines[:-1])
    assert not any(line[0] in "》、，" for line in lines[1:])


def test_a_rectangle_is_refused_for_a_trapezoid_or_diamond() -> None:
    words = [
        "甲乙丙丁戊",
        "己庚辛壬癸",
        "子丑寅卯辰",
        "巳午未申酉",
    ]  # 20 characters: 10 + 10 would be a rectangle
    lines = title_lines(words, 12)
    assert good_shape([len(line) for line in lines]) and len({len(line) for line in lines}) > 1


@pytest.mark.parametrize(
    ("widths", "good"),
    [
        ([14, 12], True),
        ([12, 14], False),  # upper line shorter
        ([12, 12], False),  # rectangle
        ([16, 12, 12], True),
        ([12, 15, 14], True),  # diamond
        ([12, 15, 16], False),
        ([15, 12, 15], False),  # hourglass
    ],
)
def test_shapes(widths: list[float], good: bool) -> None:
    assert good_shape(widths) is good


def test_a_word_longer_than_a_line_falls_back_to_even_cuts() -> None:
    lines = title_lines(["甲" * 30, "，", "乙"], 20)
    assert "".join(lines) == "甲" * 30 + "，乙" and all(len(line) <= 20 for line in lines)
    assert not any(line.startswith("，") for line in lines)


def test_breaks_inside_words_names_the_line() -> None:
    words = ["法治化", "国际化", "便利化"]
    assert breaks_inside_words(["法治化国", "际化便利化"], words) == [0]
    assert breaks_inside_words(["法治化国际化", "便利化"], words) == []
