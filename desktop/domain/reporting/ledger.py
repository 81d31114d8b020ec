"""The rows of a 工作台账 (ledger) for one unit and period, independent of the spreadsheet that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.desk import headings
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.reporting.report import clean, date_text
from desktop.domain.terms import STATUS_WORDS, Status

# The columns, in order (ledger.md §3, as the submissions issue asks).
COLUMNS = (
    "序号",
    "任务简称",  # the clerk's short title, else the default read from the text
    "重点任务",
    "牵头单位",
    "配合单位",
    "完成时限",
    "进展情况",
    "存在问题",
    "下步计划",
    "完成状态",
    "备注",
)
# The merged ledger of a coordinating office: one row per measure and reporting unit.
MERGED_COLUMNS = (*COLUMNS[:6], "填报单位", *COLUMNS[6:])
# A task list handed out to the units (分解任务清单).
TASK_COLUMNS = ("序号", "所属章节", "重点任务", "牵头单位", "配合单位", "完成时限")
SHEET, TASK_SHEET, META_SHEET = "工作台账", "任务清单", "_luoshi"  # META_SHEET is hidden
HEADER_ROW, FIRST_DATA_ROW = 3, 4
FORMAT = "luoshi-ledger"
TASKLIST_FORMAT = "luoshi-tasklist"
FORMAT_VERSION = 2  # 2: ids as JSON on "ids" rows (1: a row per measure, still read)
OVERDUE_WORD = "已逾期"


@dataclass(frozen=True)
class LedgerRow:
    """One measure's line: what the plan says and what the unit reports."""

    measure_id: int
    uid: str
    label: str
    short: str  # 任务简称
    task: str
    leads: str
    supports: str
    deadline: str
    progress: str
    problems: str
    next_steps: str
    status: str
    remark: str
    flagged: bool  # 滞后 or overdue: filled so it stands out on screen and in print
    reporter: str = ""  # the unit whose report the row carries (merged ledger)

    def cells(self, *, merged: bool = False) -> tuple[str, ...]:
        """Return the visible cells in column order (with 填报单位 in the merged ledger)."""
        return (
            self.label,
            self.short,
            self.task,
            self.leads,
            self.supports,
            self.deadline,
            *((self.reporter,) if merged else ()),
            self.progress,
            self.problems,
            self.next_steps,
            self.status,
            self.remark,
        )


@dataclass(frozen=True)
class LedgerMeta:
    """What the hidden sheet carries so the office above reads the ledger back exactly."""

    title: str
    unit: str
    period_code: str
    period_label: str
    plans: str
    app_version: str
    exported_on: str  # 2026年4月3日


def ledger_meta(
    titles: list[str], *, unit: str, period: Period, app_version: str, today: date, merged: bool = False
) -> LedgerMeta:
    """Return the identity of a unit's ledger (or, merged, of the office's summary) for a period."""
    kind = "落实情况汇总台账" if merged else "落实情况台账"
    return LedgerMeta(
        title="".join(f"《{t}》" for t in titles) + f"{kind}（{period.label}）",
        unit=unit,
        period_code=period.code,
        period_label=period.label,
        plans="；".join(titles),
        app_version=app_version,
        exported_on=date_text(today),
    )


def ledger_row(
    *,
    measure_id: int,
    uid: str,
    label: str,
    text: str,
    leads: tuple[str, ...],
    supports: tuple[str, ...],
    deadline: str,
    note: NoteFields | None,
    overdue: bool,
    attachments: tuple[str, ...],
    leaders: tuple[str, ...] = (),
    short_title: str = "",
) -> LedgerRow:
    """Build a row; 责任领导, 佐证材料 and 已逾期 go to 备注, the status as its word."""
    note = note or NoteFields()
    remark = []
    if leaders:
        remark.append("责任领导：" + "、".join(clean(n) for n in leaders))
    if attachments:
        remark.append("佐证材料：" + "；".join(clean(a) for a in attachments))
    if overdue and note.status is not Status.DONE:
        remark.append(OVERDUE_WORD)
    return LedgerRow(
        measure_id=measure_id,
        uid=uid,
        label=clean(label),
        short=clean(headings.short_title(text, short_title)),
        task=clean(text),
        leads="、".join(leads),
        supports="、".join(supports) or "—",
        deadline=clean(deadline),
        progress=clean(note.progress).strip(),
        problems=clean(note.problems).strip(),
        next_steps=clean(note.next_steps).strip(),
        status=STATUS_WORDS[note.status] if note.status else "",
        remark="\n".join(remark),
        flagged=note.status is Status.BEHIND or (overdue and note.status is not Status.DONE),
    )
