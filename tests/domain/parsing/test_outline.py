"""The tree of numbered items: levels, label lines, clause lines and paragraphs that are measures."""

from __future__ import annotations

from desktop.domain.parsing.outline import build_outline, heading_title, split_inline_items


def test_levels_nest_and_labels_attach_to_the_item() -> None:
    root, warnings = build_outline(
        ["一、总体要求", "（一）强化保障", "1.建立台账", "牵头单位：市发改委", "2.开展督查", "二、保障措施"]
    )
    chapter, second = root.children
    assert [c.marker for c in root.children] == ["一、", "二、"]
    item = chapter.children[0].children[0]
    assert item.marker == "1" and item.text == "建立台账" and item.labels == ["牵头单位：市发改委"]
    assert heading_title(chapter) == "总体要求" and second.children == []
    assert warnings == []


def test_a_jump_in_numbering_is_warned_and_a_far_jump_is_text() -> None:
    root, warnings = build_outline(["1.甲", "3.丙", "40.这是正文中的数字"])
    assert [c.marker for c in root.children] == ["1", "3"]
    assert warnings == ["numbering jumps from 1 to 3"]
    assert "40.这是正文中的数字" in root.children[1].text


def test_unnumbered_paragraph_with_its_own_clause_is_a_part() -> None:
    root, _ = build_outline(
        [
            "（一）完善制度。建立清单。（市发改委负责）",
            "加强考核，定期通报。（市督查室负责）",
            "这一段没有分工。",
        ]
    )
    first, part = root.children
    assert part.part_of is first and part.marker == "（一）-2"
    assert "这一段没有分工" not in part.text  # a paragraph after a closed item with no clause is not glued on


def test_clause_line_after_sub_items_belongs_to_the_item() -> None:
    root, _ = build_outline(["1.完善预案", "（1）加强管理", "（2）推进演练", "（责任单位：市应急局）"])
    item = root.children[0]
    assert item.labels == ["责任单位：市应急局"] and all(not c.labels for c in item.children)


def test_inline_sub_items_are_split_only_when_each_has_a_clause() -> None:
    both = "1.改革。（1）提速。（甲局负责）（2）监管。（乙局负责）"
    assert split_inline_items(both) == ["1.改革。", "（1）提速。（甲局负责）", "（2）监管。（乙局负责）"]
    one = "1.改革：（1）提速；（2）监管。（甲局负责）"
    assert split_inline_items(one) == [one]
