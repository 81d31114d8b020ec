"""A flattened row's cells laid on its columns by cost (desktop.domain.parsing.cell_alignment)."""

from __future__ import annotations

from desktop.domain.parsing.cell_alignment import align_row, deadline_like, unit_like

COLUMNS = ["text", "lead", "support", "deadline"]


def test_each_cell_finds_its_column() -> None:
    row, groups = align_row(
        ["建设全市政务服务平台。", "市政务服务局", "市财政局", "2025年12月底前"], COLUMNS, [], last=True
    )
    assert row == ["建设全市政务服务平台。", "市政务服务局", "市财政局", "2025年12月底前"]
    assert groups == []


def test_a_merged_support_cell_leaves_its_column_empty() -> None:
    row, _ = align_row(["清理违规政策。", "市商务局", "2025年6月底前"], COLUMNS, [], last=True)
    assert row == ["清理违规政策。", "市商务局", "", "2025年6月底前"]


def test_a_unit_list_over_several_lines_stays_in_one_column() -> None:
    row, _ = align_row(
        ["优化审批流程。", "市发改委", "市财政局", "市自然资源局", "年底前"],
        ["text", "responsible", "deadline"],
        [],
        last=True,
    )
    assert row == ["优化审批流程。", "市发改委、市财政局、市自然资源局", "年底前"]


def test_a_second_task_under_a_merged_unit_cell_is_a_sub_row() -> None:
    cells = ["建立台账。", "市司法局", "3月底前", "开展督查。", "6月底前"]
    row, _ = align_row(cells, ["text", "responsible", "deadline"], [], last=True)
    assert row == ["建立台账。；开展督查。", "市司法局", "3月底前；6月底前"]


def test_a_long_row_is_laid_roughly() -> None:
    cells = [f"第{i}项工作内容。" for i in range(30)] + ["市发改委", "年底前"]
    row, _ = align_row(cells, ["text", "responsible", "deadline"], [], last=True)
    assert row[1:] == ["市发改委", "年底前"]
    assert row[0].count("工作内容") == 30


def test_cell_shapes() -> None:
    assert unit_like("区发改局、区财政局")
    assert not unit_like("建立健全工作机制。")
    assert deadline_like("2025年12月底前") and deadline_like("持续推进")
    assert not deadline_like("到2025年，全市建成一批示范项目并形成可复制的经验做法")
