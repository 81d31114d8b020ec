"""The content of an upward progress report (报告), independent of the file format that carries it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import partial

from desktop.domain.desk.headings import short_title
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.terms import STATUS_WORDS, Role, Status

NO_PROGRESS = "暂无进展。"
# What an empty 进展情况 says when the clerk chose a status: the status itself, not a bare 暂无进展.
EMPTY_PROGRESS = {
    Status.NOT_STARTED: "本期未启动。",
    Status.BEHIND: "滞后，本期无新进展。",
    Status.STANDING: "持续推进，本期无新进展。",
    Status.DONE: "已完成。",
    Status.IN_PROGRESS: "推进中，本期无新进展。",
}


def empty_progress(status: Status | None) -> str:
    """Return what a note with no 进展情况 text says, by its status (暂无进展 when it has none)."""
    return EMPTY_PROGRESS.get(status, NO_PROGRESS) if status is not None else NO_PROGRESS


CLOSING = "特此报告。"
ROLE_WORDS = {Role.LEAD: "牵头", Role.SUPPORT: "配合"}

_DIGITS = "零一二三四五六七八九"
# Characters XML 1.0 cannot carry (python-docx and openpyxl refuse them): C0 controls but tab and newline.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Unfilled(StrEnum):
    """What to do with a measure that has no note for the period."""

    LIST = "list"  # listed with 暂无进展
    OMIT = "omit"  # left out of the report


@dataclass(frozen=True)
class ReportMeasure:
    """One of the unit's measures with its note for the period, as the report needs it."""

    plan_title: str
    chapter: str
    label: str
    text: str
    role: Role | None
    note: NoteFields | None
    attachments: tuple[str, ...] = ()
    short_title: str = ""  # the clerk's 任务简称; empty: read from the text

    @property
    def filled(self) -> bool:
        """Return True when the period's note has any text."""
        return self.note is not None and self.note.filled


@dataclass(frozen=True)
class ReportOptions:
    """What the clerk chose in 生成报告; the organ names are remembered between reports."""

    title: str = ""  # empty: 关于《…》落实情况的报告
    addressee: str = ""  # 主送机关
    organ: str = ""  # 发文机关署名 (defaults to 本单位)
    signer: str = ""  # 签发人 (版头 only)
    doc_number: str = ""  # 发文字号 (版头 only)
    copy_to: str = ""  # 抄送 (版记 only)
    printer: str = ""  # 印发机关 (版记 only; defaults to the organ)
    letterhead: bool = False  # 版头
    colophon: bool = False  # 版记
    unfilled: Unfilled = Unfilled.LIST
    dated: date | None = None  # 成文日期; None: the day of export
    sealed: bool = True  # 加盖印章 (§7.3.5.1), the rule for a 报告; False: 不加盖印章 (§7.3.5.2)
    levels: bool = False  # measures as （一）（二） under each chapter, the plan's number kept in the text


@dataclass(frozen=True)
class Entry:
    """One measure's paragraphs: a run-in heading, then the three fields and the evidence."""

    heading: (
        str  # "3.清理规范招商引资违规政策（牵头）。" or "（一）清理规范招商引资违规政策（第3项，牵头）。"
    )
    progress: tuple[str, ...]
    problems: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    level: int = 3  # 2: a （一） heading in 楷体; 3: a "1." heading in bold 仿宋


@dataclass(frozen=True)
class Section:
    """A first-level heading (一、…) of the report with its measures."""

    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Letterhead:
    """The 版头 of an upward document."""

    organ: str
    doc_number: str
    signer: str


@dataclass(frozen=True)
class Colophon:
    """The 版记: 抄送 and 印发机关和印发日期."""

    copy_to: str
    printer: str
    printed_on: date


@dataclass(frozen=True)
class Report:
    """Everything the report says, in reading order."""

    title: str
    addressee: str
    opening: str
    sections: tuple[Section, ...]
    closing: str
    organ: str
    dated: date
    letterhead: Letterhead | None = None
    colophon: Colophon | None = None
    counts: dict[str, int] = field(default_factory=dict)
    sealed: bool = True  # 加盖印章 (§7.3.5.1); False: 不加盖印章 (§7.3.5.2)
    # The measures' own texts: the plan's wording, whose recurring compounds (自由贸易试验区) the title's
    # lines never split
    plan_texts: tuple[str, ...] = ()


def clean(text: str) -> str:
    """Return `text` without characters a Word or Excel file cannot hold, line ends normalised."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def paragraphs(text: str) -> tuple[str, ...]:
    """Split a note field into its non-empty paragraphs."""
    return tuple(line.strip() for line in clean(text).split("\n") if line.strip())


def date_text(day: date) -> str:
    """Write a date as GB/T 9704 asks: Arabic numerals, no zero padding (2026年3月31日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_number(n: int) -> str:
    """Return 1–99 in Chinese numerals (一, 十, 十一, 二十, 二十一)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def default_title(plan_titles: list[str]) -> str:
    """Return 关于《…》落实情况的报告 for the plans the report covers.

    Several plans are not all listed (关于《A》等3个方案落实情况的报告), so the title stays short.
    """
    titles = list(dict.fromkeys(plan_titles)) or ["实施方案"]
    more = f"等{len(titles)}个方案" if len(titles) > 1 else ""
    return f"关于《{titles[0]}》{more}落实情况的报告"

    """Return the measure's entry; with `number`, headed （一）… with the plan's number kept in brackets."""


_CN_NUMERAL = re.compile(r"^[一二三四五六七八九十百〇零]+$")


def numbered(label: str) -> str:
    """Return a plan's label as its own numbering writes it before a heading (GB/T 9704 7.3.3).

    '3' → '3.'; '一' → '一、'; a label that closes a bracket keeps it and takes nothing ('（一）', '1（1）',
    '（三）5' is '（三）5.'); an added item's '新增1' → '新增1.'. Never '（一）.'.
    """
    label = label.strip().rstrip(".．、,，") or "?"
    if label[-1] in "）)〕】":
        return label
    return label + ("、" if _CN_NUMERAL.match(label) else ".")


def entry_heading(label: str, title: str, role: str = "", number: int | None = None) -> str:
    """Return a measure's run-in heading: "3.标题（牵头）。", or with `number` "（一）标题（第3项，牵头）。"."""
    title = title.rstrip("。")
    if number is None:
        return f"{numbered(label)}{title}" + (f"（{role}）" if role else "") + "。"
    bare = label.strip().rstrip(".．、,，") or "?"
    return f"（{chinese_number(number)}）{title}（第{bare}项" + (f"，{role}" if role else "") + "）。"


def _entry(measure: ReportMeasure, number: int | None = None) -> Entry:
    """Return the measure's entry; with `number`, headed （一）… with the plan's number kept in brackets."""
    role = ROLE_WORDS[measure.role] if measure.role else ""
    heading = entry_heading(measure.label, short_title(measure.text, measure.short_title), role, number)
    note = measure.note or NoteFields()
    return Entry(
        level=3 if number is None else 2,
        heading=heading,
        progress=paragraphs(note.progress) or (empty_progress(note.status),),
        problems=paragraphs(note.problems),
        next_steps=paragraphs(note.next_steps),
        attachments=tuple(clean(a) for a in measure.attachments),
    )


def status_counts(measures: list[ReportMeasure]) -> dict[str, int]:
    """Count the measures by reported status word; unfilled ones under 未填报."""
    counts: Counter[str] = Counter()
    for m in measures:
        status = m.note.status if m.note else None
        if status is not None:
            counts[STATUS_WORDS[status]] += 1
        elif not m.filled:
            counts["未填报"] += 1
        else:
            counts["未标明状态"] += 1
    return dict(counts)


def as_of(period: Period, dated: date) -> date:
    """Return the day the figures stand at: the period's end, or the report's date when that comes first.

    A report on a period not yet over never speaks of a future day.
    """
    return min(period.end, dated)


def _opening(
    measures: list[ReportMeasure], *, period: Period, plan_refs: str, counts: dict[str, int], dated: date
) -> str:
    roles = Counter(m.role for m in measures)
    share = []
    if roles[Role.LEAD]:
        share.append(f"牵头{roles[Role.LEAD]}项")
    if roles[Role.SUPPORT]:
        share.append(f"配合{roles[Role.SUPPORT]}项")
    order = [*STATUS_WORDS.values(), "未标明状态", "未填报"]
    tally = "，".join(f"{word}{counts[word]}项" for word in order if counts.get(word))
    text = f"根据{plan_refs}要求，现将我单位{period.label}落实情况报告如下。"
    text += (
        f"我单位承担的{len(measures)}项任务中，{'、'.join(share)}"
        if share
        else f"我单位承担{len(measures)}项任务"
    )
    return text + (f"；截至{date_text(as_of(period, dated))}，{tally}。" if tally else "。")


def build_report(
    measures: list[ReportMeasure],
    *,
    period: Period,
    options: ReportOptions,
    organ: str,
    plan_refs: str,
    today: date,
) -> Report:
    """Arrange the unit's measures and notes into a report: opening, one section per chapter, closing.

    A report on several plans has one section per plan instead (一、《方案》落实情况), its measures numbered
    （一）（二）… with each plan's own number kept in brackets.
    """
    counts = status_counts(measures)
    shown = [m for m in measures if m.filled or options.unfilled is Unfilled.LIST]
    sections = arrange(
        [(m.plan_title, m.chapter, partial(_entry, m)) for m in shown],
        levels=options.levels,
    )
    return assemble(
        title=default_title([m.plan_title for m in measures]),
        opening=_opening(
            measures, period=period, plan_refs=plan_refs, counts=counts, dated=options.dated or today
        ),
        sections=sections,
        options=options,
        organ=organ,
        today=today,
        counts=counts,
        plan_texts=tuple(m.text for m in measures),
    )


def arrange(
    entries: list[tuple[str, str, Callable[[int | None], Entry]]], *, levels: bool
) -> tuple[Section, ...]:
    """Group (plan title, chapter, make entry) in order into sections: one per chapter of one plan.

    Several plans give one section per plan instead (一、《方案》落实情况), its entries numbered （一）（二）…
    with each plan's own number kept in brackets; `levels` numbers them so within chapters too.
    """
    several = len({plan for plan, _, _ in entries}) > 1
    groups: dict[str, list[Entry]] = {}
    for plan, chapter, make in entries:
        name = f"《{plan}》落实情况" if several else chapter or "其他任务"
        group = groups.setdefault(name, [])
        group.append(make(len(group) + 1 if levels or several else None))
    return tuple(
        Section(heading=f"{chinese_number(i)}、{name}", entries=tuple(group))
        for i, (name, group) in enumerate(groups.items(), start=1)
    )


def assemble(
    *,
    title: str,
    opening: str,
    sections: tuple[Section, ...],
    options: ReportOptions,
    organ: str,
    today: date,
    counts: dict[str, int],
    plan_texts: tuple[str, ...] = (),
) -> Report:
    """Frame the body with what the clerk chose: title, 主送机关, signature, date, 版头 and 版记.

    A 版头 needs a 发文字号 (LuoshiError NO_DOC_NUMBER): without one it would print an empty line.
    """
    if options.letterhead and not clean(options.doc_number).strip():
        raise LuoshiError(ErrorCode.NO_DOC_NUMBER)
    dated = options.dated or today
    organ = clean(options.organ or organ)
    return Report(
        title=clean(options.title) or title,
        addressee=clean(options.addressee),
        opening=opening,
        sections=sections,
        closing=CLOSING,
        organ=organ,
        dated=dated,
        letterhead=Letterhead(organ=organ, doc_number=clean(options.doc_number), signer=clean(options.signer))
        if options.letterhead
        else None,
        colophon=Colophon(
            copy_to=clean(options.copy_to), printer=clean(options.printer) or organ, printed_on=dated
        )
        if options.colophon
        else None,
        counts=counts,
        sealed=options.sealed,
        plan_texts=plan_texts,
    )
