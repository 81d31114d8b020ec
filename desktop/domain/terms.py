"""The desk's words: a unit's role, a note's status and texts, a warning light, a worklist scope.

The vocabulary every layer shares (parser, storage, worklist, report, ledger, CLI, window): enums and the
Chinese shown for them, in one module that imports nothing else of the domain.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """How a unit takes part in a measure."""

    LEAD = "lead"
    SUPPORT = "support"


class Origin(StrEnum):
    """Where a stored measure came from: the plan's file, or the clerk (added or split off by hand)."""

    FILE = "file"
    CLERK = "clerk"


class EditKind(StrEnum):
    """A logged correction of a stored measure (measure_edits.kind)."""

    EDIT = "edit"
    MERGE = "merge"
    MERGED_INTO = "merged_into"
    SPLIT = "split"
    SPLIT_FROM = "split_from"
    ADD = "add"
    REMOVE = "remove"


class SentKind(StrEnum):
    """What left the PC (the kind of a 报送记录 entry)."""

    REPORT = "report"
    LEDGER = "ledger"
    NETWORK = "network"  # a return sent to the office server


class NoteSource(StrEnum):
    """What saved a note's revision (a return's revision is stored as 'return:<its id>')."""

    EDITOR = "editor"
    RESTORE = "restore"
    CLI = "cli"
    ATTACHMENT = "attachment"
    MERGE = "merge"
    RETURN = "return"

    @classmethod
    def of(cls, stored: str) -> NoteSource | None:
        """Return the source of a stored revision ('return:12' is RETURN); None for an unknown word."""
        try:
            return cls(stored.split(":", 1)[0])
        except ValueError:
            return None


class Claim(StrEnum):
    """The clerk's answer for a task that reaches the unit only through a category (各行业主管部门…)."""

    MINE = "mine"  # 确认属于本单位
    NOT_MINE = "not_mine"  # 不属于本单位


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


# The three texts of a note, in the order the clerk fills them.
FIELDS = ("progress", "problems", "next_steps")


class Light(StrEnum):
    """A warning shown beside a measure."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    BEHIND = "behind"


LIGHT_WORDS = {Light.OVERDUE: "逾期", Light.DUE_SOON: "7日内到期", Light.BEHIND: "滞后于序时进度"}


# The status filter's choice for measures with no note in the period.
UNFILLED = "unfilled"


class Scope(StrEnum):
    """Which measures to show: those I lead, support, all of mine, or the whole plan."""

    LEAD = "lead"
    SUPPORT = "support"
    MINE = "mine"
    ALL = "all"
