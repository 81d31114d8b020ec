"""Generate a large plan text in the shape of a real one (notice, chapters, measures, clauses, 版记)."""

from __future__ import annotations

import random

_UNITS = [
    "发展改革委",
    "财政厅",
    "商务厅",
    "司法厅",
    "公安厅",
    "科技厅",
    "自然资源厅",
    "生态环境厅",
    "交通运输厅",
    "农牧厅",
    "市场监管局",
    "能源局",
    "政务服务与数据管理局",
    "工业和信息化厅",
    "人力资源社会保障厅",
]
_CLAUSES = [
    "（自治区{a}负责）",
    "（自治区{a}、{b}按职责分工负责）",
    "（自治区{a}牵头，自治区{b}、{c}配合）",
    "（牵头单位：自治区{a}；责任单位：自治区{b}、各盟行政公署、市人民政府）",
    "〔责任单位：自治区{a}、{b}，2027年6月底前完成〕",
    "（自治区{a}、各行业主管部门按职责分工负责）",
]


def plan_text(measures: int, *, seed: int = 7) -> str:
    """Return the text of a plan with `measures` numbered measures in ten chapters."""
    rng = random.Random(seed)
    lines = [
        "某某自治区人民政府关于印发《某某自治区测试实施方案》的通知",
        "某政发〔2027〕9号",
        "各盟行政公署、市人民政府，自治区各委、办、厅、局：",
        "现将《某某自治区测试实施方案》印发给你们，请认真贯彻落实。",
        "2027年1月5日",
        "（此件公开发布）",
        "某某自治区测试实施方案",
        "为推动各项任务落实，制定本方案。",
    ]
    numerals = "一二三四五六七八九十"
    per_chapter = max(1, measures // 10)
    for i in range(measures):
        if i % per_chapter == 0 and i // per_chapter < 10:
            lines.append(f"{numerals[i // per_chapter]}、第{i // per_chapter + 1}部分重点任务")
        a, b, c = rng.sample(_UNITS, 3)
        body = f"加快推进第{i + 1}项改革，完善配套制度，强化跟踪督办，确保取得实效。" * rng.randint(1, 3)
        lines.append(f"{i + 1}.{body}{rng.choice(_CLAUSES).format(a=a, b=b, c=c)}")
    lines += ["抄送：自治区党委各部门。", "某某自治区人民政府办公厅 2027年1月6日印发"]
    return "\n".join(lines) + "\n"
