"""Random but realistic report content: notes of 0–2,000 characters with digits, Latin, quotes and brackets."""

from __future__ import annotations

import random
from datetime import date

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.report import Report, ReportMeasure, ReportOptions, build_report
from desktop.domain.terms import Role, Status

PERIOD = parse_period("2026Q1")
_PHRASES = (
    "召开专题会议研究部署",
    "印发《关于进一步优化营商环境的若干措施》",
    "累计走访企业126家，解决问题38个",
    "推广“人工智能+政务服务”模式",
    "完成PPP项目清理，涉及资金3.5亿元",
    "AGV智能仓储项目投产，产能提升12.5%",
    "（含旗县区）",
    "办理时限压缩至3个工作日以内",
    "开展“双随机、一公开”监管",
    "建立健全工作台账，实行清单化管理、常态化调度",
    "对标国内先进地区",
    "网上可办率达到98%以上",
    "ISO 9001质量管理体系认证",
    "第一季度新增市场主体2.3万户，同比增长7.8%",
    "协调解决企业融资需求",
    "推动“一件事一次办”落地见效",
    "全区共受理投诉线索57件，已办结52件",
    "营商环境评价指标体系",
)
_UNITS = (
    "自治区发展改革委",
    "自治区商务厅、自治区市场监管局、自治区政务服务与数据管理局",
    "自治区党委宣传部（自治区新闻出版局）",
    "各盟行政公署、市人民政府",
)
_CHAPTERS = ("市场化营商环境建设", "法治化营商环境建设", "国际化营商环境建设", "")


def _text(rng: random.Random, length: int) -> str:
    out = ""
    while len(out) < length:
        out += rng.choice(_PHRASES) + rng.choice("，，，；。、")
    return out[:length].rstrip("，；、") + ("。" if length else "")


def _paragraphs(rng: random.Random, length: int) -> str:
    if length == 0:
        return ""
    cuts = sorted(rng.sample(range(1, length), k=min(rng.randint(0, 3), length - 1))) if length > 1 else []
    pieces = [b - a for a, b in zip([0, *cuts], [*cuts, length], strict=True)]
    return "\n".join(_text(rng, n) for n in pieces if n)


def measures(rng: random.Random, count: int) -> list[ReportMeasure]:
    """`count` measures over up to four chapters, with notes of 0–2,000 characters."""
    out = []
    for n in range(1, count + 1):
        long = rng.random() < 0.1
        note = None
        if rng.random() < 0.85:
            note = NoteFields(
                progress=_paragraphs(rng, rng.randint(600, 2000) if long else rng.randint(0, 340)),
                problems=_paragraphs(rng, rng.randint(0, 120)),
                next_steps=_paragraphs(rng, rng.randint(0, 150)),
                status=rng.choice(list(Status)),
            )
        chapter = _CHAPTERS[min(3, (n - 1) * 4 // count)]
        out.append(
            ReportMeasure(
                plan_title="内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案",
                chapter=chapter,
                label=str(n),
                text=_text(rng, rng.randint(20, 200)) + f"（{rng.choice(_UNITS)}负责）",
                role=rng.choice((Role.LEAD, Role.SUPPORT, None)),
                note=note,
                attachments=("会议纪要.pdf",) if rng.random() < 0.1 else (),
            )
        )
    return out


def report(rng: random.Random, count: int, **options: object) -> Report:
    """A report on `count` random measures (a 版头 gets a 发文字号, as it must)."""
    if options.get("letterhead") and not options.get("doc_number"):
        options = {**options, "doc_number": "内发改报〔2026〕12号"}
    return build_report(
        measures(rng, count),
        period=PERIOD,
        options=ReportOptions(addressee="自治区人民政府", **options),  # type: ignore[arg-type]
        organ=rng.choice(("自治区发展改革委", "内蒙古自治区政务服务与数据管理局", "某某县人民政府办公室")),
        plan_refs="《内蒙古自治区加快打造市场化法治化国际化一流营商环境实施方案》（内政发〔2026〕4号）",
        today=date(2026, 4, 3),
    )
