"""A generated province for the coordinating-office tests: 40 units, a 120-measure plan and its revision.

The revision renumbers the measures, adds 5, removes 3, rewords 10 and changes the units of 6 others;
`Province` records exactly which, so the tests can compare the review with what was planted.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.reporting.ledger import LedgerMeta, ledger_row
from desktop.domain.terms import Status
from desktop.exporters.ledger_xlsx import write_ledger
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store

DEPARTMENTS = (
    "发展改革委", "教育厅", "科技厅", "工业和信息化厅", "公安厅", "民政厅", "司法厅", "财政厅",
    "人力资源社会保障厅", "自然资源厅", "生态环境厅", "住房城乡建设厅", "交通运输厅", "水利厅", "农牧厅",
    "商务厅", "文化和旅游厅", "卫生健康委", "应急管理厅", "审计厅", "国资委", "市场监管局", "广电局",
    "体育局", "统计局", "林草局", "医保局", "政务服务与数据管理局", "能源局", "粮食和储备局", "地方金融管理局",
    "税务局", "外事办", "民委", "乡村振兴局", "药监局", "知识产权局", "机关事务管理局", "信访局", "人防办",
)  # fmt: skip
UNITS = tuple(f"自治区{d}" for d in DEPARTMENTS)
CHAPTERS = ("持续优化市场环境", "全面提升政务服务", "切实加强法治保障", "着力扩大对外开放")
# Words the measure texts are drawn from: random sequences of them make texts that share little.
WORDS = [
    "推进",
    "完善",
    "健全",
    "落实",
    "优化",
    "规范",
    "强化",
    "深化",
    "加快",
    "建立",
    "统筹",
    "实施",
    "开展",
    "探索",
    "提升",
    "扩大",
    "保障",
    "清理",
    "整合",
    "推动",
    "政策",
    "机制",
    "体系",
    "平台",
    "项目",
    "企业",
    "市场",
    "审批",
    "服务",
    "监管",
    "信用",
    "融资",
    "人才",
    "数据",
    "园区",
    "口岸",
    "物流",
    "标准",
    "信息",
    "资金",
    "招商",
    "投资",
    "准入",
    "公平",
    "竞争",
    "执法",
    "诉讼",
    "仲裁",
    "调解",
    "产权",
    "专利",
    "商标",
    "税费",
    "社保",
    "住房",
    "用地",
    "用电",
    "用水",
    "用气",
    "网络",
    "跨境",
    "通关",
    "外资",
    "外贸",
    "会展",
    "物流",
    "冷链",
    "电商",
    "金融",
    "担保",
    "普惠",
    "小微",
    "民营",
    "国企",
    "改革",
    "考核",
    "评价",
    "督查",
    "问责",
    "公开",
    "窗口",
    "热线",
    "帮办",
    "代办",
    "联审",
    "联批",
    "容缺",
    "告知",
    "承诺",
    "证照",
    "分离",
    "一网",
    "通办",
    "一件",
    "事项",
    "清单",
    "目录",
    "流程",
    "时限",
    "材料",
]


def _text(rng: random.Random, words: int = 22) -> str:
    parts = [rng.choice(WORDS) for _ in range(words)]
    return "".join(parts[:8]) + "，" + "".join(parts[8:15]) + "，" + "".join(parts[15:]) + "。"


@dataclass
class PlanMeasure:
    """One measure as the generator writes it."""

    key: int  # stable identity across the two versions
    chapter: int
    text: str
    lead: str
    supports: tuple[str, ...]

    def clause(self) -> str:
        if self.supports:
            return f"（{self.lead}牵头，{'、'.join(self.supports)}配合）"
        return f"（{self.lead}负责）"


@dataclass
class Province:
    """Both versions of the plan and what the revision changed (by key)."""

    old: list[PlanMeasure]
    new: list[PlanMeasure]
    added: set[int] = field(default_factory=set)
    removed: set[int] = field(default_factory=set)
    reworded: set[int] = field(default_factory=set)
    units_changed: set[int] = field(default_factory=set)

    def responsible(self, version: list[PlanMeasure]) -> dict[str, list[PlanMeasure]]:
        """Return each unit's measures in a version."""
        found: dict[str, list[PlanMeasure]] = {u: [] for u in UNITS}
        for m in version:
            for unit in (m.lead, *m.supports):
                found[unit].append(m)
        return found


TITLE = "某自治区深化营商环境改革行动方案"
DOC_NUMBER = "某政发〔2026〕9号"


def plan_text(measures: list[PlanMeasure], *, revised: bool = False) -> str:
    """Return the plan as the published text: title, 文号, chapters, numbered measures with their clauses."""
    lines = [
        f"{'某自治区人民政府关于印发' + TITLE + '（修订）' if revised else '某自治区人民政府关于印发' + TITLE}的通知",
        DOC_NUMBER,
        "各盟行政公署、市人民政府，自治区各委、办、厅、局：",
        f"现将《{TITLE}》印发给你们，请认真贯彻落实。",
        "某自治区人民政府",
        "2026年2月4日",
        TITLE,
    ]
    number = 0
    for chapter, name in enumerate(CHAPTERS):
        lines.append(f"{'一二三四'[chapter]}、{name}")
        for m in measures:
            if m.chapter == chapter:
                number += 1
                lines.append(f"{number}.{m.text}{m.clause()}")
    return "\n".join(lines) + "\n"


def province(seed: int = 7) -> Province:
    """Return the generated plan, its revision and the planted changes."""
    rng = random.Random(seed)
    old = []
    for key in range(120):
        lead = UNITS[key % len(UNITS)]
        others = [u for u in UNITS if u != lead]
        supports = tuple(rng.sample(others, rng.choice((0, 1, 2))))
        old.append(PlanMeasure(key, key * len(CHAPTERS) // 120, _text(rng), lead, supports))
    result = Province(old=old, new=[])
    keys = list(range(120))
    rng.shuffle(keys)
    result.removed = set(keys[:3])
    result.reworded = set(keys[3:13])
    result.units_changed = set(keys[13:19])
    new = []
    for m in old:
        if m.key in result.removed:
            continue
        text, lead, supports = m.text, m.lead, m.supports
        if m.key in result.reworded:  # a clause rewritten, the rest kept
            head, _, tail = text.partition("，")
            text = head + "，" + "".join(rng.choice(WORDS) for _ in range(6)) + "，" + tail.partition("，")[2]
        if m.key in result.units_changed:
            supports = (*supports, next(u for u in UNITS if u not in (lead, *supports)))
        new.append(PlanMeasure(m.key, m.chapter, text, lead, supports))
    for offset in range(5):  # new measures, spread over the chapters
        key = 1000 + offset
        measure = PlanMeasure(key, offset % len(CHAPTERS), _text(rng), UNITS[(offset * 7) % 40], ())
        position = next(i for i, m in enumerate(new) if m.chapter == measure.chapter) + 2
        new.insert(position, measure)
        result.added.add(key)
    result.new = new
    return result


def progress_text(unit: str, period: Period, label: str) -> str:
    return f"{unit}{period.label}推进第{label}项任务的进展。"


def write_return(
    ws: Workspace, unit: str, period: Period, path: Path, *, hostile: str = "", vary: bool = False
) -> int:
    """Write `unit`'s ledger for the period as Luoshi would (the unit imported the office's task list).

    Every status is 推进中 unless `vary`, which spreads the statuses as a real period would.
    """
    rows = []
    spread = (
        Status.IN_PROGRESS,
        Status.DONE,
        Status.IN_PROGRESS,
        Status.BEHIND,
        Status.STANDING,
        Status.NOT_STARTED,
    )
    for number, s in enumerate(unit_measures(ws, unit)):
        note = NoteFields(
            progress=hostile or progress_text(unit, period, s.measure.label),
            problems=f"{unit}遇到的问题。",
            next_steps=f"{unit}下步继续推进。",
            status=spread[(number + len(unit)) % len(spread)] if vary else Status.IN_PROGRESS,
        )
        rows.append(
            ledger_row(
                measure_id=9000 + s.measure_id,  # the unit's own database numbers them differently
                uid=s.uid,
                label=s.measure.label,
                text=s.measure.text,
                leads=tuple(u.name for u in s.measure.units if u.role.value == "lead"),
                supports=tuple(u.name for u in s.measure.units if u.role.value == "support"),
                deadline="",
                note=note,
                overdue=False,
                attachments=(),
            )
        )
    meta = LedgerMeta(
        f"{unit}台账",
        unit,
        period.code,
        period.label,
        "某自治区深化营商环境改革行动方案",
        "0.1",
        "2026年7月3日",
    )
    write_ledger(meta, rows, path)
    return len(rows)


def unit_measures(ws: Workspace, unit: str) -> list[plan_store.StoredMeasure]:
    return [s for s in plan_store.current_measures(ws.db) if unit in {u.name for u in s.measure.units}]
