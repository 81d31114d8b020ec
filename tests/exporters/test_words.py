"""Real long titles (the sample and the corpus plans) broken into whole words, in a trapezoid or diamond.

The words that must stay whole were picked by hand, so the table checks the segmenter as well as the layout.
"""

from __future__ import annotations

import pytest

from desktop.domain.gongwen.format_facts import text_width
from desktop.domain.gongwen.title_layout import (
    bad_line_end,
    bad_line_start,
    breaks_inside_words,
    good_shape,
    title_lines,
)
from desktop.exporters.words import plan_vocabulary, words

PER_LINE = 20  # 156 mm of 二号 (22 pt)
# (title, words no line break may split)
TITLES = [
    (
        "关于《内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案》落实情况的报告",
        "市场化 法治化 国际化 营商环境 实施方案",
    ),
    (
        "内蒙古自治区人民政府关于印发《内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案》的通知",
        "人民政府 国际化 营商环境 实施方案",
    ),
    ("潮州市打赢蓝天保卫战实施方案（2019-2020年）", "保卫战 实施方案 2019-2020年"),
    ("滁州市人民政府关于2020年市政府重点工作及责任分解的通知", "人民政府 2020年 重点工作 责任分解"),
    ("大竹县人民政府办公室关于对2016年民生实事进行重点督办的通知", "人民政府办公室 2016年 民生实事 督办"),
    ("国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "办公厅 无废城市 试点 工作方案"),
    ("国务院关于支持自由贸易试验区深化改革创新若干措施的通知", "自由贸易试验区 深化 若干措施"),
    ("关于进一步帮助市场主体纾困解难着力稳定经济增长的若干政策措施", "进一步 市场主体 经济增长 政策措施"),
    ("济宁市人民政府关于进一步做好新形势下就业创业工作的意见", "人民政府 进一步 新形势 就业创业"),
    ("关于《2021年全县乡村振兴工作重点任务清单》落实情况的报告", "2021年 乡村振兴 任务清单 落实情况"),
    (
        "关于《鄂尔多斯市持续打造一流营商环境行动方案（6.0版）》落实情况的报告",
        "鄂尔多斯市 营商环境 行动方案 6.0版",
    ),
    (
        "重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知",
        "沙坪坝区 人民政府办公室 2022年 政府工作报告 目标任务",
    ),
    (
        "中共嵊泗县委办公室嵊泗县人民政府办公室关于印发《2021年嵊泗县乡村振兴任务清单》的通知",
        "县委 人民政府办公室 乡村振兴 任务清单",
    ),
    ("泰州关于印发聚焦企业关切进一步优化营商环境行动方案的通知", "聚焦 进一步 营商环境 行动方案"),
    ("威海市人民政府办公室关于印发数字威海建设2023年工作要点的通知", "人民政府办公室 2023年 工作要点"),
    ("关于深入实施创新强区战略加快萧山经济高质量发展的若干政策意见", "深入 强区 萧山 高质量发展 政策"),
    ("关于《加快西宁市流通业发展实施意见》落实情况的报告", "西宁市 流通业 实施 意见"),
    (
        "运城市人民政府办公厅关于印发运城市突发事件应急体系建设“十三五”规划责任分解的通知",
        "关于印发 突发事件 应急 十三五 责任分解",
    ),
    ("关于《2023年区政府工作报告重点工作目标任务分解》落实情况的报告", "政府工作报告 重点工作 目标任务"),
    (
        "关于《2020年政府工作报告主要工作责任分解》和《2020年政府民生实事项目责任分解》落实情况的报告",
        "政府工作报告 民生实事 责任分解",
    ),
    ("关于《“无废城市”建设试点工作方案》落实情况的报告", "无废城市 工作方案 落实情况"),
    ("关于《聚焦企业关切进一步优化营商环境行动方案》落实情况的报告", "企业 关切 营商环境 行动方案"),
    ("关于《2023年区本级重点工作责任分解》落实情况的报告", "本级 重点工作 责任分解"),
    ("内蒙古自治区发展和改革委员会内蒙古自治区商务厅文件", "发展和改革委员会 商务厅"),
    (
        "关于《中国（内蒙古）自由贸易试验区满洲里片区建设实施方案》2026年第一季度落实情况的报告",
        "自由贸易试验区 满洲里 实施方案 第一季度",
    ),
    (
        "关于《某市人民政府关于印发深化“放管服”改革优化营商环境实施方案的通知》落实情况的报告",
        "放管服 营商环境 实施方案 通知",
    ),
]


def _split(lines: list[str], word: str, title: str) -> bool:
    at, cuts = 0, []
    for line in lines[:-1]:
        at += len(line)
        cuts.append(at)
    start = title.find(word)
    while start >= 0:
        if any(start < cut < start + len(word) for cut in cuts):
            return True
        start = title.find(word, start + 1)
    return False


@pytest.mark.parametrize(("title", "whole"), TITLES, ids=[t[:12] for t, _ in TITLES])
def test_real_titles_break_into_whole_words_and_a_good_shape(title: str, whole: str) -> None:
    cut = words(title)
    assert "".join(cut) == title
    lines = title_lines(cut, PER_LINE)
    assert "".join(lines) == title
    widths = [text_width(line) for line in lines]
    assert all(w <= PER_LINE for w in widths), lines
    assert len(lines) >= 2 and good_shape(widths, strict=True), lines  # no two equal lines side by side
    assert not any(bad_line_end(line) for line in lines[:-1]), lines
    assert not any(bad_line_start(line) for line in lines[1:]), lines
    assert breaks_inside_words(lines, cut) == [], lines
    assert [w for w in whole.split() if _split(lines, w, title)] == [], lines


def test_numbers_keep_their_unit_and_the_sample_title_reads_whole() -> None:
    assert "2026年" in words("2026年工作要点") and "6.0版" in words("行动方案（6.0版）")
    lines = title_lines(words(TITLES[0][0]), PER_LINE)
    # a diamond, never 国/际化 or 市/场化, and not the 16/12/12 block of two equal lines
    assert lines == [
        "关于《内蒙古自治区加快打造",
        "市场化法治化国际化一流营商环境",
        "实施方案》落实情况的报告",
    ]


def test_the_plans_own_compounds_stay_whole() -> None:
    title = "关于《某市推动飞地经济高质量发展和口岸经济提质增效实施方案》落实情况的报告"
    assert "飞地经济" not in words(title)  # the general dictionary cuts it
    plan = (
        "发展飞地经济园区。",
        "完善飞地经济收益分享机制。",
        "推动口岸经济提质增效。",
        "口岸经济提质增效行动。",
    )
    vocabulary = plan_vocabulary(title, plan)
    cut = words(title, vocabulary)
    assert "飞地经济" in cut and "口岸经济提质增效" in cut
    assert plan_vocabulary(title, ("发展飞地经济园区。",)) == ()  # said once is not a compound of the plan
    for per_line in (16, 18, 20):
        lines = title_lines(cut, per_line)
        assert not _split(lines, "飞地经济", title) and not _split(lines, "口岸经济提质增效", title), lines
