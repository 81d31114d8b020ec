"""A period's progress note on a measure: three texts, a status and the share done."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.domain.terms import FIELDS, Status


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
