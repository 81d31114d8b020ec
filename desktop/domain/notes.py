"""A period's progress note on a measure: three texts, a status and the share done."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Status(StrEnum):
    """The status a unit reports for a measure in a period (stored as the code, shown as the word)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BEHIND = "behind"
    STANDING = "standing"


STATUS_WORDS = {
    Status.NOT_STARTED: "未启动",
    Status.IN_PROGRESS: "推进中",
    Status.DONE: "已完成",
    Status.BEHIND: "滞后",
    Status.STANDING: "持续推进",
}

# Words seen in other offices' ledgers, read as one of ours (ledger.md §6).
STATUS_SYNONYMS = {
    "任务完成": Status.DONE,
    "任务已完成": Status.DONE,
    "完成": Status.DONE,
    "已办结": Status.DONE,
    "正在推进": Status.IN_PROGRESS,
    "序时推进": Status.IN_PROGRESS,
    "进展较快": Status.IN_PROGRESS,
    "正常推进": Status.IN_PROGRESS,
    "进行中": Status.IN_PROGRESS,
    "正在办理": Status.IN_PROGRESS,
    "进度滞后": Status.BEHIND,
    "进度缓慢": Status.BEHIND,
    "进展缓慢": Status.BEHIND,
    "进展滞后": Status.BEHIND,
    "欠进度": Status.BEHIND,
    "慢序时": Status.BEHIND,
    "未按序时推进": Status.BEHIND,
    "暂未开启": Status.NOT_STARTED,
    "未开始": Status.NOT_STARTED,
}


def status_from_word(word: str) -> Status | None:
    """Return the status a word or code names (未启动, 推进中, done …), or None."""
    text = word.strip()
    for status, shown in STATUS_WORDS.items():
        if text in (shown, status.value):
            return status
    return STATUS_SYNONYMS.get(text)


@dataclass(frozen=True)
class NoteFields:
    """What the clerk writes for one measure in one period."""

    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    status: Status | None = None
    percent: int | None = None  # reported share done, 0–100

    @property
    def filled(self) -> bool:
        """Return True when any of the three texts holds something."""
        return any(t.strip() for t in (self.progress, self.problems, self.next_steps))

    @property
    def empty(self) -> bool:
        """Return True when nothing at all has been entered."""
        return not self.filled and self.status is None and self.percent is None

    def normalized(self) -> NoteFields:
        """Return a copy with texts stripped of trailing blanks and the share clamped to 0–100."""
        percent = None if self.percent is None else max(0, min(100, int(self.percent)))
        return replace(
            self,
            progress=self.progress.rstrip(),
            problems=self.problems.rstrip(),
            next_steps=self.next_steps.rstrip(),
            percent=percent,
        )


FIELDS = ("progress", "problems", "next_steps")


def _same(a: str, b: str) -> bool:
    return bool(a.strip()) and "".join(a.split()) == "".join(b.split())


def copied_fields(current: NoteFields, previous: NoteFields | None) -> list[str]:
    """Return the fields of `current` that repeat last period's text unchanged (照抄上期).

    This period's 进展情况 that is exactly last period's 下步计划 counts too: the plan was pasted as
    a draft and never turned into what was actually done.
    """
    if previous is None:
        return []
    found = [name for name in FIELDS if _same(getattr(current, name), getattr(previous, name))]
    if "progress" not in found and _same(current.progress, previous.next_steps):
        found.insert(0, "progress")
    return found
