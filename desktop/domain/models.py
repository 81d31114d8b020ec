"""Domain objects produced by the importers and stored by storage."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.terms import Role


@dataclass(frozen=True)
class UnitRef:
    """A unit named by a measure's responsibility clause."""

    name: str
    role: Role
    wildcard: bool = False
    category: str | None = None


@dataclass(frozen=True)
class Deadline:
    """A completion deadline as written, with its normalised date when it has one."""

    text: str
    due: str | None = None  # ISO date, e.g. "2026-06-30"
    standing: bool = False  # 持续推进 / 长期坚持: no end date


@dataclass(frozen=True)
class Doubt:
    """A reason to check a parsed measure: a code (see domain/doubts.py) and what it concerns."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class Measure:
    """One numbered measure of a plan."""

    seq: int
    label: str
    chapter: str
    text: str
    units: tuple[UnitRef, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    clause: str = ""  # the responsibility clause(s) as written, for the clerk to check
    section: str = ""  # second-level heading (（一）…) when measures sit below one
    uid: str = ""  # the stable id a task list carries, so its measures keep their identity
    leaders: tuple[str, ...] = ()  # 责任领导/分管领导/联系人: people, never units
    doubts: tuple[Doubt, ...] = ()  # where the parser is unsure, for the clerk to check

    @property
    def deadline(self) -> str | None:
        """Return the deadline text, several joined by '；', or None."""
        if not self.deadlines:
            return None
        return "；".join(d.text for d in self.deadlines)


@dataclass(frozen=True)
class Chapter:
    """A first-level heading (一、…) without its numeral."""

    numeral: str
    title: str


@dataclass(frozen=True)
class Plan:
    """A parsed plan: its identity and its measures."""

    title: str
    doc_number: str | None
    issued_on: str | None  # ISO date
    chapters: tuple[Chapter, ...]
    measures: tuple[Measure, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def names_no_unit(self) -> bool:
        """Return True when not one measure names a unit: the file does not read as a plan.

        A notice, a ruling or a numbered list of poems parses into numbered items, but a plan assigns
        its measures to units; the clerk is asked before such a file goes on (this is not an error).
        """
        return bool(self.measures) and not any(m.units for m in self.measures)
