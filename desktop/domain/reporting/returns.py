"""A unit's return (回执): the ledger it sent up, read back, and matched to the stored measures."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from desktop.domain.desk.notes import NoteFields
from desktop.domain.ids import MeasureId
from desktop.domain.reporting.ledger import LedgerMeta, LedgerRow
from desktop.domain.reporting.report import clean
from desktop.domain.revision import Similar, Stored
from desktop.domain.terms import status_from_word
from desktop.domain.text import squash

MAX_FIELD = 20_000  # characters kept of one field; a report paragraph is never near this
TRUNCATED = "…（原文过长，已截断）"
MATCH_SCORE = 75.0  # the task text of an edited or old-style ledger must be this similar to the measure's

# Header words of ledgers written by hand (ledger.md §3), besides our own column names.
HEADERS: dict[str, tuple[str, ...]] = {
    "label": ("序号", "编号"),
    "task": ("重点任务", "工作任务", "任务内容", "主要任务", "具体措施", "任务名称", "措施内容", "重点工作"),
    "progress": ("进展情况", "工作进展", "推进情况", "完成情况", "落实情况", "进展", "工作进展情况"),
    "problems": ("存在问题", "存在的问题", "困难问题", "问题", "存在困难"),
    "next_steps": ("下步计划", "下一步计划", "下步打算", "下一步工作计划", "下步工作", "下一步打算"),
    "status": ("完成状态", "状态", "进度状态", "完成进度"),
    "reporter": ("填报单位",),
}
_UNIT_LINE = re.compile(r"填报单位[：:]\s*([^\s　]+)")
_PERIOD_LINE = re.compile(r"报送周期[：:]\s*([^\s　]+)")


@dataclass(frozen=True)
class ReturnRow:
    """One measure row of a return as it reads."""

    row: int  # sheet row number, for messages
    label: str
    task: str
    fields: NoteFields
    uid: str = ""  # from the hidden sheet, when the row still holds the measure it was written for
    status_text: str = ""  # the status cell as typed, when it named no known status


@dataclass(frozen=True)
class ReturnFile:
    """What a return says about itself, and its rows."""

    unit: str
    period_code: str  # "" when the file does not say (old-style ledgers)
    period_label: str
    plans: str  # plan titles, as the hidden sheet carries them
    rows: tuple[ReturnRow, ...]
    has_ids: bool
    warnings: tuple[str, ...] = ()


def column_kind(header: str) -> str | None:
    """Return which field a header cell names, or None."""
    name = re.sub(r"[\s（(].*$", "", header.strip()) or header.strip()
    name = re.sub(r"\s", "", name)
    return next((kind for kind, words in HEADERS.items() if name in words), None)


def subtitle_facts(lines: Sequence[str]) -> tuple[str, str]:
    """Return (unit, period label) from a ledger's 填报单位/报送周期 line, '' where absent."""
    unit = period = ""
    for line in lines:
        found = _UNIT_LINE.search(line)
        unit = unit or (found.group(1) if found else "")
        found = _PERIOD_LINE.search(line)
        period = period or (found.group(1) if found else "")
    return unit, period


def bounded(text: str) -> tuple[str, bool]:
    """Return the text cleaned for storage and cut to MAX_FIELD, and whether it was cut."""
    text = clean(text).strip()
    if len(text) <= MAX_FIELD:
        return text, False
    return text[: MAX_FIELD - len(TRUNCATED)] + TRUNCATED, True


@dataclass(frozen=True)
class RowMatch:
    """The stored measure a return row reports on."""

    row: ReturnRow
    measure_id: MeasureId
    how: str  # "uid" | "label_text" | "text"


def match_rows(
    rows: Sequence[ReturnRow], measures: Sequence[Stored], *, similar: Similar
) -> tuple[list[RowMatch], list[ReturnRow]]:
    """Match each row to a measure: by carried id, else by 序号 with similar text, else by text alone.

    Returns the matches and the rows that match no measure (or a measure already matched).
    """
    by_uid = {m.uid: m for m in measures}
    by_label: dict[str, list[Stored]] = {}
    for m in measures:
        by_label.setdefault(m.measure.label, []).append(m)
    texts = [squash(m.measure.text) for m in measures]
    taken: set[int] = set()
    matched: list[RowMatch] = []
    unmatched: list[ReturnRow] = []
    for row in rows:
        found = by_uid.get(row.uid) if row.uid else None
        how = "uid"
        if found is None and row.task:
            key = squash(row.task)
            same_label = [m for m in by_label.get(row.label, []) if m.measure_id not in taken]
            scored = similar(key, [squash(m.measure.text) for m in same_label]) if same_label else []
            if scored and scored[0][1] >= MATCH_SCORE:
                found, how = same_label[scored[0][0]], "label_text"
            else:
                best = [(i, s) for i, s in similar(key, texts) if measures[i].measure_id not in taken]
                if best and best[0][1] >= MATCH_SCORE:
                    found, how = measures[best[0][0]], "text"
        if found is None or found.measure_id in taken:
            unmatched.append(row)
            continue
        taken.add(found.measure_id)
        matched.append(RowMatch(row, found.measure_id, how))
    return matched, unmatched


def return_content(meta: LedgerMeta, rows: Sequence[LedgerRow]) -> dict[str, object]:
    """Return what a return sent over the network holds: the return ledger's identity and rows, as JSON."""
    keep = (
        "uid", "label", "short", "task", "leads", "supports", "deadline",
        "progress", "problems", "next_steps", "status", "remark",
    )  # fmt: skip
    return {
        "format": "luoshi-return",
        "meta": asdict(meta),
        "rows": [{name: getattr(row, name) for name in keep} for row in rows],
    }


def content_hash(content: dict[str, object]) -> str:
    """Return the SHA-256 of the content written canonically (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def return_from_content(content: dict[str, Any]) -> ReturnFile:
    """Read a network return back as a return file reads, so both are stored the same way."""
    meta = content.get("meta") or {}
    rows = []
    for number, row in enumerate(content.get("rows") or [], start=1):
        status_word = str(row.get("status") or "")
        status = status_from_word(status_word) if status_word else None
        texts = [bounded(str(row.get(name) or ""))[0] for name in ("progress", "problems", "next_steps")]
        rows.append(
            ReturnRow(
                row=number,
                label=str(row.get("label") or ""),
                task=str(row.get("task") or ""),
                fields=NoteFields(progress=texts[0], problems=texts[1], next_steps=texts[2], status=status),
                uid=str(row.get("uid") or ""),
                status_text="" if status or not status_word else status_word[:20],
            )
        )
    return ReturnFile(
        unit=str(meta.get("unit") or ""),
        period_code=str(meta.get("period_code") or ""),
        period_label=str(meta.get("period_label") or ""),
        plans=str(meta.get("plans") or ""),
        rows=tuple(rows),
        has_ids=True,
    )
