"""Compare a plan's stored measures with a new version of it: what was added, changed, removed, kept.

Pure logic: the text similarity is passed in (the services give rapidfuzz), so this module stays
standard library only and its tests can use difflib.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.domain.ids import MeasureId
from desktop.domain.models import Measure
from desktop.domain.text import squash

# (query, choices) -> the best choices as (index into choices, score 0–100), best first.
Similar = Callable[[str, Sequence[str]], list[tuple[int, float]]]
THRESHOLD = 60.0  # below this a stored measure and a new one are not the same measure
LABEL_BONUS = 5.0  # same number and same wording: prefer that pair when two scores are close
CANDIDATES = 5  # alternatives offered to the clerk for each new measure


class Change(StrEnum):
    """What differs between a stored measure and the new measure matched to it."""

    TEXT = "text"
    UNITS = "units"
    DEADLINE = "deadline"
    CHAPTER = "chapter"


CHANGE_WORDS = {
    Change.TEXT: "措施内容",
    Change.UNITS: "责任单位",
    Change.DEADLINE: "完成时限",
    Change.CHAPTER: "所属章节",
}


class How(StrEnum):
    """Why a new measure was matched to a stored one."""

    UID = "uid"  # the task list carried the measure's id
    SAME_TEXT = "same_text"
    SIMILAR = "similar"
    CLERK = "clerk"  # chosen by hand in the review


@dataclass(frozen=True)
class Stored:
    """A measure of the version in the database, with its stable id."""

    measure_id: MeasureId
    uid: str
    measure: Measure


@dataclass(frozen=True)
class Match:
    """A new measure that continues a stored one (its notes stay with it)."""

    new_index: int
    measure_id: MeasureId
    score: float
    how: How
    changes: tuple[Change, ...]
    renumbered: bool  # the label differs (序号调整), not a change of substance


@dataclass(frozen=True)
class Review:
    """The outcome of comparing: every new measure is either matched or added; unmatched stored ones go."""

    matches: tuple[Match, ...]
    added: tuple[int, ...]  # indexes into the new measures
    removed: tuple[MeasureId, ...]  # stored measure ids, to be archived
    candidates: dict[int, tuple[tuple[MeasureId, float], ...]] = field(default_factory=dict)  # by new index

    @property
    def changed(self) -> tuple[Match, ...]:
        """Return the matches whose text, units, deadline or chapter differ."""
        return tuple(m for m in self.matches if m.changes)

    @property
    def unchanged(self) -> tuple[Match, ...]:
        """Return the matches with nothing of substance changed (perhaps renumbered)."""
        return tuple(m for m in self.matches if not m.changes)

    def match_for(self, new_index: int) -> Match | None:
        """Return the match of a new measure, if it has one."""
        return next((m for m in self.matches if m.new_index == new_index), None)

    @property
    def is_identity(self) -> bool:
        """Return True when nothing was added, removed, changed or renumbered."""
        return not (self.added or self.removed or self.changed or any(m.renumbered for m in self.matches))


def _key(text: str) -> str:
    return squash(text)


def units_key(measure: Measure) -> tuple[tuple[str, str], ...]:
    """Return the responsible units as compared: name and role, in order."""
    return tuple((u.name, u.role.value) for u in measure.units)


def changes(old: Measure, new: Measure) -> tuple[Change, ...]:
    """Return what differs in substance between two versions of a measure."""
    found = []
    if _key(old.text) != _key(new.text):
        found.append(Change.TEXT)
    if units_key(old) != units_key(new):
        found.append(Change.UNITS)
    if (old.deadline or "") != (new.deadline or ""):
        found.append(Change.DEADLINE)
    if old.chapter != new.chapter:
        found.append(Change.CHAPTER)
    return tuple(found)


def _match(stored: Stored, new: Sequence[Measure], index: int, score: float, how: How) -> Match:
    measure = new[index]
    return Match(
        new_index=index,
        measure_id=stored.measure_id,
        score=round(score, 1),
        how=how,
        changes=changes(stored.measure, measure),
        renumbered=stored.measure.label != measure.label,
    )


def compare(old: Sequence[Stored], new: Sequence[Measure], *, similar: Similar) -> Review:
    """Match new measures to stored ones: by carried id, then identical text, then the most similar text."""
    by_id = {s.measure_id: s for s in old}
    free_old = {s.measure_id for s in old}
    free_new = set(range(len(new)))
    matches: list[Match] = []

    uids = {s.uid: s for s in old}
    for index, measure in enumerate(new):
        carried = uids.get(measure.uid) if measure.uid else None
        if carried is not None and carried.measure_id in free_old:
            matches.append(_match(carried, new, index, 100.0, How.UID))
            free_old.discard(carried.measure_id)
            free_new.discard(index)

    texts: dict[str, list[MeasureId]] = {}
    for s in old:
        if s.measure_id in free_old:
            texts.setdefault(_key(s.measure.text), []).append(s.measure_id)
    for index in sorted(free_new):
        same = [i for i in texts.get(_key(new[index].text), []) if i in free_old]
        if same:  # several identical texts: prefer the one with the same label
            chosen = next((i for i in same if by_id[i].measure.label == new[index].label), same[0])
            matches.append(_match(by_id[chosen], new, index, 100.0, How.SAME_TEXT))
            free_old.discard(chosen)
            free_new.discard(index)

    rest_old = sorted(free_old)
    choices = [_key(by_id[i].measure.text) for i in rest_old]
    pairs: list[tuple[float, int, MeasureId]] = []
    candidates: dict[int, tuple[tuple[MeasureId, float], ...]] = {}
    for index in sorted(free_new):
        found = similar(_key(new[index].text), choices) if choices else []
        scored = []
        for choice, score in found[: CANDIDATES * 2]:
            measure_id = rest_old[choice]
            bonus = LABEL_BONUS if by_id[measure_id].measure.label == new[index].label else 0.0
            scored.append((measure_id, score))
            if score >= THRESHOLD:
                pairs.append((score + bonus, index, measure_id))
        candidates[index] = tuple(scored[:CANDIDATES])
    for total, index, measure_id in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if index in free_new and measure_id in free_old:
            score = total - (LABEL_BONUS if by_id[measure_id].measure.label == new[index].label else 0.0)
            matches.append(_match(by_id[measure_id], new, index, score, How.SIMILAR))
            free_new.discard(index)
            free_old.discard(measure_id)
    matches.sort(key=lambda m: m.new_index)
    removed = tuple(s.measure_id for s in old if s.measure_id in free_old)
    return Review(tuple(matches), tuple(sorted(free_new)), removed, candidates)


def correct(
    review: Review,
    old: Sequence[Stored],
    new: Sequence[Measure],
    new_index: int,
    measure_id: MeasureId | None,
) -> Review:
    """Return the review with a new measure matched by hand to `measure_id`, or made a new measure (None).

    A stored measure matched elsewhere before is released from that match, whose new measure becomes added.
    """
    by_id = {s.measure_id: s for s in old}
    matches = [m for m in review.matches if m.new_index != new_index and m.measure_id != measure_id]
    added = set(review.added) | {m.new_index for m in review.matches if m.measure_id == measure_id}
    added.discard(new_index)
    if measure_id is None:
        added.add(new_index)
    else:
        if measure_id not in by_id:
            raise KeyError(measure_id)
        score = next((s for i, s in review.candidates.get(new_index, ()) if i == measure_id), 0.0)
        matches.append(_match(by_id[measure_id], new, new_index, score, How.CLERK))
    matches.sort(key=lambda m: m.new_index)
    kept = {m.measure_id for m in matches}
    removed = tuple(s.measure_id for s in old if s.measure_id not in kept)
    return Review(tuple(matches), tuple(sorted(added)), removed, review.candidates)


@dataclass(frozen=True)
class Segment:
    """A run of characters in a text comparison: kept, removed from the old, or inserted in the new."""

    kind: str  # "equal" | "delete" | "insert"
    text: str


def text_diff(old: str, new: str) -> list[Segment]:
    """Return the character-level differences between two wordings, in reading order."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", old[a1:a2]))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment("delete", old[a1:a2]))
        if op in ("insert", "replace"):
            segments.append(Segment("insert", new[b1:b2]))
    return segments
