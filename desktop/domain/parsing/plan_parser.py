"""Turn a plan's paragraphs into a Plan: measures, chapters, units, deadlines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Chapter, Doubt, Measure, Plan, UnitRef
from desktop.domain.parsing.clauses import (
    Clause,
    global_rule_units,
    has_clause,
    merge_clauses,
    parse_clause,
    split_clauses,
    split_trailing_clauses,
)
from desktop.domain.parsing.deadlines import deadlines_in_text
from desktop.domain.parsing.doubts import NUMBERING, find_doubts
from desktop.domain.parsing.flat_tables import read_flat_table
from desktop.domain.parsing.front_matter import frame_document
from desktop.domain.parsing.glued_tables import read_glued_table
from desktop.domain.parsing.lines import HeadingLevel, join_lines
from desktop.domain.parsing.outline import Node, build_outline, heading_title
from desktop.domain.parsing.tables import plan_from_tables
from desktop.domain.terms import Role


@dataclass
class _Leaf:
    node: Node
    chain: list[Node]  # ancestors below the root, outermost first


def parse_plan_lines(lines: list[str], *, fallback_title: str = "", path: str = "") -> Plan:
    """Parse raw text lines (possibly broken by PDF extraction, or a task table flattened to text).

    The text is read as a flattened table and as a document; the reading whose measures name more units
    wins. When neither finds a measure, a table whose cells were glued together is tried last.
    """
    table = read_flat_table(lines)
    try:
        plan: Plan | None = parse_plan_paragraphs(join_lines(lines), fallback_title=fallback_title, path=path)
    except LuoshiError:
        plan = None
    if table is not None:
        from_table = plan_from_tables([table.rows], front_lines=table.front, fallback_title=fallback_title)
        if from_table and (plan is None or reading_weight(from_table) >= reading_weight(plan)):
            return from_table
    if plan is None:
        glued = read_glued_table(lines)
        plan = (
            plan_from_tables([glued.rows], front_lines=glued.front, fallback_title=fallback_title)
            if glued
            else None
        )
    if plan is None:
        raise LuoshiError(ErrorCode.NO_MEASURES, path=path)
    return plan


def reading_weight(plan: Plan) -> tuple[int, int]:
    """How much a reading found: measures that name a unit first, then measures."""
    return sum(1 for m in plan.measures if m.units), len(plan.measures)


def parse_plan_paragraphs(paragraphs: list[str], *, fallback_title: str = "", path: str = "") -> Plan:
    """Parse whole paragraphs into a Plan; raise NO_MEASURES when none is found."""
    frame = frame_document(paragraphs)
    year = plan_year(frame.issued_on, frame.doc_number)
    root, warnings = build_outline(frame.body)
    leaves = _leaves(root)
    if not leaves and frame.attachments:
        root, warnings = build_outline(frame.attachments[1:] if frame.attachments else [])
        leaves = _leaves(root)
    global_units = global_rule_units("".join(frame.front + root.paragraphs))
    measures, chapters = _measures(leaves, year, global_units, _restarting_styles(root))
    if not measures:
        raise LuoshiError(ErrorCode.NO_MEASURES, path=path)
    measures = find_doubts(measures)
    return Plan(
        title=frame.title or fallback_title,
        doc_number=frame.doc_number,
        issued_on=frame.issued_on,
        chapters=tuple(chapters),
        measures=tuple(measures),
        warnings=tuple(warnings),
    )


def plan_year(issued_on: str | None, doc_number: str | None) -> int | None:
    """Return the year a plan was issued in (its date, else its 文号), for deadlines such as 年底前."""
    for text in (issued_on, doc_number):
        match = re.search(r"(\d{4})", text or "")
        if match:
            return int(match.group(1))
    return None


def _collapse_enumerations(node: Node) -> None:
    """Fold （1）/① sub-items back into an item when only the item carries a clause."""
    for child in node.children:
        _collapse_enumerations(child)
    if (
        not node.children
        or node.style == HeadingLevel.NONE
        or min(c.style for c in node.children) < HeadingLevel.SUB_ITEM
    ):
        return
    if any(has_clause(c.text) or c.labels for c in node.children):
        return
    node.paragraphs.extend(c.marker + c.text for c in node.children)
    node.labels.extend(label for c in node.children for label in c.labels)
    node.children = []


def _leaves(root: Node) -> list[_Leaf]:
    """Return the outline's measures: its leaves, with the headings above each.

    In a nested outline a top-level leaf with no heading above it is a preamble item, kept only when it
    names its own unit.
    """
    _collapse_enumerations(root)
    nested = any(child.children for child in root.children)
    leaves: list[_Leaf] = []

    def walk(node: Node, chain: list[Node]) -> None:
        for child in node.children:
            if child.children:
                walk(child, [*chain, child])
            elif chain or not nested or _own_clause(child).units:
                leaves.append(_Leaf(child, chain))

    walk(root, [])
    return leaves


def _own_clause(node: Node, year: int | None = None) -> Clause:
    """Return the responsibility written in the item itself: its bracketed clauses and its label lines."""
    _, brackets = split_clauses(node.text)
    parts = [parse_clause(b, default_year=year) for b in brackets]
    parts += [parse_clause(label, default_year=year) for label in node.labels]
    return merge_clauses(parts)


def _heading_clause(node: Node, year: int | None) -> Clause:
    """Return the responsibility a heading gives its items: a bracket closing its first sentence, else its text's end."""
    first = node.paragraphs[0] if node.paragraphs else ""
    _, brackets = split_trailing_clauses(re.split(r"(?<=[）)〕])[。；]", first, maxsplit=1)[0])
    if not brackets:
        _, brackets = split_trailing_clauses(node.text)
    return merge_clauses([parse_clause(b, default_year=year) for b in brackets])


def _markers_by_style(root: Node) -> Counter[tuple[int, str]]:
    """Count the outline's items by (heading level, number marker) over the whole tree."""
    counts: Counter[tuple[int, str]] = Counter()
    stack = list(root.children)
    while stack:
        node = stack.pop()
        counts[(node.style, node.marker)] += 1
        stack.extend(node.children)
    return counts


def _restarting_styles(root: Node) -> set[int]:
    """Return the numbering styles whose numbers repeat somewhere (they restart under each parent)."""
    return {style for (style, _), n in _markers_by_style(root).items() if n > 1}


def _label(leaf: _Leaf, restarting: set[int]) -> str:
    """Return the measure's own number, prefixed by its parents' where numbering restarts."""
    label = leaf.node.marker
    style = leaf.node.style
    for ancestor in reversed(leaf.chain):
        # Sub-items （1） are always named with their item: 1（1）, 1（2）.
        if style not in restarting and not (
            style >= HeadingLevel.SUB_ITEM and ancestor.style in (HeadingLevel.ITEM, HeadingLevel.SUB_ITEM)
        ):
            break
        label = ancestor.marker + label
        style = ancestor.style
    return label


def _measures(
    leaves: list[_Leaf], year: int | None, global_units: list[UnitRef], restarting: set[int]
) -> tuple[list[Measure], list[Chapter]]:
    """Make a measure of each leaf, and the chapters that hold one.

    A leaf's units are its own clause's; with none, the nearest heading's above it; with none there, the
    last clause that carries forward ('以下各项由…负责'). Plan-wide rules add their units as supporting.
    Chapters naming no unit of their own (a preamble's 工作目标) are dropped unless a global rule covers them.
    """
    carried: Clause | None = None
    drafts: list[tuple[_Leaf, Measure]] = []
    rules = list(global_units)
    previous: dict[int, Node] = {}  # the last numbered item under each parent
    for leaf in leaves:
        node = leaf.node
        gap = _numbering_gap(previous, node)
        own = _own_clause(node, year)
        rules.extend(u for u in own.global_units if u not in rules)
        clause = own
        if not own.units:
            inherited = [_heading_clause(a, year) for a in reversed(leaf.chain)]
            clause = next((c for c in inherited if c.units), carried or own)
            clause = merge_clauses([own, clause]) if clause is not own else own
        if own.carries_forward:
            carried = own
        body, brackets = split_clauses(node.text)
        deadlines = clause.deadlines or deadlines_in_text(body, default_year=year)
        units = list(clause.units)
        names = {u.name for u in units}
        units.extend(
            UnitRef(u.name, Role.SUPPORT, u.wildcard, u.category) for u in rules if u.name not in names
        )
        measure = Measure(
            seq=len(drafts) + 1,
            label=_label(leaf, restarting),
            chapter=heading_title(leaf.chain[0]) if leaf.chain else "",
            section=_section(leaf),
            text=body,
            units=tuple(units),
            deadlines=tuple(deadlines),
            clause="；".join([*brackets, *node.labels]),
            leaders=tuple(clause.leaders),
            doubts=(Doubt(NUMBERING, gap),) if gap else (),
        )
        drafts.append((leaf, measure))
    kept = _drop_non_task_chapters(drafts, {u.name for u in rules})
    measures = [_renumber(m, i) for i, m in enumerate(kept, start=1)]
    chapters: list[Chapter] = []
    for leaf, _ in drafts:
        title = heading_title(leaf.chain[0]) if leaf.chain else ""
        if title and all(c.title != title for c in chapters) and any(m.chapter == title for m in measures):
            chapters.append(Chapter(numeral=leaf.chain[0].marker, title=title))
    return measures, chapters


def _section(leaf: _Leaf) -> str:
    """Return the group a measure sits in: its second-level heading, or the item whose paragraphs it shares."""
    node = leaf.node
    if node.part_of is not None or node.parts:
        return heading_title(node.part_of or node)
    return heading_title(leaf.chain[-1]) if len(leaf.chain) > 1 else ""


def _numbering_gap(previous: dict[int, Node], node: Node) -> str:
    """Return '3 → 5' when an item's number skips or repeats the one before it under the same parent."""
    if node.part_of is not None:
        return ""
    before = previous.get(id(node.parent))
    previous[id(node.parent)] = node
    if before is None or before.style != node.style or node.number == before.number + 1:
        return ""
    return f"{before.marker} → {node.marker}"


def _drop_non_task_chapters(drafts: list[tuple[_Leaf, Measure]], ruled: set[str]) -> list[Measure]:
    """Drop the items of a chapter that names no unit anywhere, when other chapters do.

    Such chapters are 目标任务, 基本原则, 保障措施 and the like: numbered, but nobody is assigned.
    A plan that names no unit at all keeps everything (the clerk assigns units in 核对方案). Units added
    to every item by a global rule (`ruled`: 以下…均需X落实) do not make a chapter one of measures.
    """
    by_chapter: dict[str, list[Measure]] = {}
    for _, measure in drafts:
        by_chapter.setdefault(measure.chapter, []).append(measure)

    def assigned(m: Measure) -> bool:
        return bool(m.clause) or any(u.name not in ruled for u in m.units)

    any_units = any(assigned(m) for _, m in drafts)
    dropped = {
        chapter
        for chapter, items in by_chapter.items()
        if any_units and chapter and not any(assigned(m) for m in items)
    }
    return [m for _, m in drafts if m.chapter not in dropped]


def _renumber(measure: Measure, seq: int) -> Measure:
    return measure if measure.seq == seq else replace(measure, seq=seq)
