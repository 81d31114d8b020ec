"""The coordinating office's view of a period: who reported what, and the merged report built from it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import partial

from desktop.domain.desk.headings import short_title
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.reporting.report import (
    NO_PROGRESS,
    ROLE_WORDS,
    Entry,
    Report,
    ReportOptions,
    arrange,
    assemble,
    clean,
    date_text,
    default_title,
    entry_heading,
    paragraphs,
)
from desktop.domain.terms import STATUS_WORDS, Role

NOT_REPORTED = "未报送"
UNFILLED = "未填报"
FILLED_NO_STATUS = "已填报"
# The order states are counted and drawn in: done first, then under way, then the ones to chase.
STATES = ("已完成", "持续推进", "推进中", FILLED_NO_STATUS, "未启动", "滞后", UNFILLED, NOT_REPORTED)
assert set(STATUS_WORDS.values()) <= set(STATES)


@dataclass(frozen=True)
class UnitNote:
    """One responsible unit's note on a measure for the period (None: nothing written)."""

    unit: str
    role: Role
    note: NoteFields | None
    reported: bool  # the unit sent a return for the period (or is the office itself and wrote notes)

    @property
    def state(self) -> str:
        """Return the cell word of the board: the status, or 已填报/未填报/未报送."""
        if not self.reported:
            return NOT_REPORTED
        if self.note is not None and self.note.status is not None:
            return STATUS_WORDS[self.note.status]
        return FILLED_NO_STATUS if self.note is not None and self.note.filled else UNFILLED


@dataclass(frozen=True)
class SummaryMeasure:
    """A measure with every responsible unit's note, lead units first."""

    measure_id: int
    uid: str
    plan_title: str
    chapter: str
    label: str
    text: str
    deadline: str
    notes: tuple[UnitNote, ...]
    short_title: str = ""  # the office's own 任务简称 for the measure

    @property
    def state(self) -> str:
        """Return the measure's state as the board counts it: its (first) lead unit's."""
        return self.notes[0].state if self.notes else UNFILLED


def tally(states: list[str]) -> dict[str, int]:
    """Count states in STATES order, leaving out those that do not occur."""
    counts = Counter(states)
    return {state: counts[state] for state in STATES if counts[state]}


def by_chapter(measures: list[SummaryMeasure]) -> list[tuple[str, dict[str, int]]]:
    """Return each chapter with its measures counted by state."""
    chapters: dict[str, list[str]] = {}
    for m in measures:
        chapters.setdefault(m.chapter or "其他任务", []).append(m.state)
    return [(chapter, tally(states)) for chapter, states in chapters.items()]


def by_unit(measures: list[SummaryMeasure]) -> list[tuple[str, dict[str, int]]]:
    """Return each responsible unit with its cells counted by state."""
    units: dict[str, list[str]] = {}
    for m in measures:
        for n in m.notes:
            units.setdefault(n.unit, []).append(n.state)
    return [(unit, tally(states)) for unit, states in units.items()]


def reminder_text(
    missing: list[str], *, plan_refs: str, period: Period, due: date, organ: str, today: date
) -> str:
    """Return a ready-to-send 催报 notice for the units that have not reported."""
    units = "、".join(missing)
    return (
        "关于报送落实情况的提示\n\n"
        f"{units}：\n\n"
        f"　　按照{plan_refs}清单化管理、常态化调度要求，各责任单位应于{date_text(due)}前报送"
        f"{period.label}落实情况（进展情况、存在问题、下步计划及工作台账）。"
        f"截至{date_text(today)}，贵单位尚未报送。请抓紧报送；如有困难，请及时与我单位联系。\n\n"
        f"{organ}\n{date_text(today)}\n"
    )


def _unit_paragraphs(notes: tuple[UnitNote, ...], field: str) -> tuple[str, ...]:
    result: list[str] = []
    for n in notes:
        texts = paragraphs(getattr(n.note, field)) if n.note is not None else ()
        if field == "progress" and not texts:
            texts = (NO_PROGRESS if n.reported else f"{NOT_REPORTED}。",)
        if texts:
            result += [f"{n.unit}（{ROLE_WORDS[n.role]}）：{texts[0]}", *texts[1:]]
    return tuple(result)


def _entry(measure: SummaryMeasure, number: int | None) -> Entry:
    return Entry(
        level=3 if number is None else 2,
        heading=entry_heading(measure.label, short_title(measure.text, measure.short_title), number=number),
        progress=_unit_paragraphs(measure.notes, "progress") or (NO_PROGRESS,),
        problems=_unit_paragraphs(measure.notes, "problems"),
        next_steps=_unit_paragraphs(measure.notes, "next_steps"),
    )


def build_summary(
    measures: list[SummaryMeasure],
    *,
    period: Period,
    options: ReportOptions,
    organ: str,
    plan_refs: str,
    expected: list[str],
    missing: list[str],
    today: date,
) -> Report:
    """Arrange every unit's notes into one report: per measure the lead unit first, then supporting units."""
    counts = tally([m.state for m in measures])
    sections = arrange(
        [(m.plan_title, m.chapter, partial(_entry, m)) for m in measures],
        levels=options.levels,
    )
    tally_text = "，".join(f"{word}{count}项" for word, count in counts.items())
    opening = (
        f"根据{plan_refs}要求，现将{period.label}各责任单位落实情况汇总报告如下。"
        f"方案共{len(measures)}项任务，涉及责任单位{len(expected)}个，已报送{len(expected) - len(missing)}个"
        + (f"（{'、'.join(missing)}未报送）" if missing else "")
        + (f"；按牵头单位报送情况，{tally_text}。" if tally_text else "。")
    )
    return assemble(
        title=default_title([m.plan_title for m in measures]).replace("落实情况的报告", "落实情况的汇总报告"),
        opening=clean(opening),
        sections=sections,
        options=options,
        organ=organ,
        today=today,
        counts=counts,
        plan_texts=tuple(m.text for m in measures),
    )
