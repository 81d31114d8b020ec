"""Read task tables (序号/重点任务/牵头单位/配合单位/完成时限 …) into measures."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from desktop.domain.models import Chapter, Deadline, Measure, Plan, UnitRef
from desktop.domain.parsing.clauses import (
    has_clause,
    merge_clauses,
    parse_clause,
    person_names,
    split_clauses,
)
from desktop.domain.parsing.deadlines import find_deadlines
from desktop.domain.parsing.doubts import find_doubts
from desktop.domain.parsing.front_matter import frame_document
from desktop.domain.parsing.lines import DOC_NUMBER, H1, H2, heading_level, iso_date, join_lines
from desktop.domain.parsing.units import separate_listed_units
from desktop.domain.parsing.vocabulary import HEADER_WORDS
from desktop.domain.terms import Role
from desktop.domain.text import clean_spaces

# Column kinds a header may name with a qualifier in front (计划完成时间, 主要责任单位), up to this long.
_QUALIFIABLE = ("lead", "support", "responsible", "deadline")
_MAX_QUALIFIER = 3
# How many rows are looked at to tell whether a unit-less table's tasks carry their own clauses.
_CLAUSE_SAMPLE = 5
# A line above a table's header is taken for its title from this length on (shorter: '附件1', '表一').
_MIN_TITLE = 6
_NONE_WORDS = {"", "无", "—", "-", "--", "/", "／", "——", "暂无"}


@dataclass
class TableLayout:
    """Where the header row is and which column holds what."""

    header_row: int
    columns: dict[str, int]


def header_kind(cell: str) -> str | None:
    """Return the column kind a header cell names (seq, chapter, task, text, lead, support, …), or None."""
    whole = re.sub(r"\s", "", clean_spaces(cell))
    name = re.sub(r"[\s（(].*$", "", clean_spaces(cell)) or clean_spaces(cell)
    name = re.sub(r"\s", "", name)
    for candidate in (whole, name):
        for kind, words in HEADER_WORDS.items():
            if candidate in words:
                return kind
    # 计划完成时间, 主要责任单位: a known unit or deadline word after a short qualifier
    endings = [(w, k) for k in _QUALIFIABLE for w in HEADER_WORDS[k] if len(w) >= 3 and name.endswith(w)]
    if endings:
        word, kind = max(endings, key=lambda e: len(e[0]))
        if len(name) - len(word) <= _MAX_QUALIFIER:
            return kind
    return None


def find_layout(rows: list[list[str]], *, scan: int = 15) -> TableLayout | None:
    """Return the header row and its columns when `rows` hold a task table, found by header names."""
    for index, row in enumerate(rows[:scan]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            kind = header_kind(cell)
            if kind and kind not in columns:
                columns[kind] = col
        if len(columns) < 2:
            continue
        # A two-row header: a band such as 责任单位 over 牵头单位 | 配合单位.
        if index + 1 < len(rows):
            for col, cell in enumerate(rows[index + 1]):
                kind = header_kind(cell)
                if kind and kind not in columns and sum(1 for c in rows[index + 1] if header_kind(c)) >= 2:
                    columns[kind] = col
                    if kind in ("lead", "support"):
                        columns.pop("responsible", None)
        has_units = bool({"lead", "support", "responsible"} & columns.keys())
        if "text" not in columns and "task" not in columns and has_units and "seq" in columns:
            # an unnamed task column (民生实事, 2022年预期目标): the first unnamed one after 序号
            unnamed = [
                c
                for c in range(columns["seq"] + 1, len(row))
                if header_kind(row[c]) is None and row[c].strip()
            ]
            if unnamed:
                columns["text"] = unnamed[0]
        has_text = "text" in columns or "task" in columns
        own_clauses = has_text and "seq" in columns and _texts_carry_clauses(rows[index + 1 :], columns)
        if has_text and (has_units or "deadline" in columns or own_clauses) and len(columns) >= 3:
            sub = (
                index + 1
                if index + 1 < len(rows) and sum(1 for c in rows[index + 1] if header_kind(c)) >= 2
                else index
            )
            return TableLayout(header_row=sub, columns=columns)
    return None


def _texts_carry_clauses(rows: list[list[str]], columns: dict[str, int]) -> bool:
    """Return True when most of the first rows' tasks carry their own clause (…（牵头单位：X）)."""
    col = columns.get("text", columns.get("task"))
    texts = [_cell(r, col) for r in rows[:_CLAUSE_SAMPLE]]
    texts = [t for t in texts if t]
    return bool(texts) and sum(1 for t in texts if has_clause(t)) * 2 > len(texts)


def _cell(row: list[str], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return clean_spaces(row[col])


def _unit_cell(row: list[str], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return clean_spaces(separate_listed_units(row[col]))


def _units_from(
    row: list[str], cols: dict[str, int], year: int | None
) -> tuple[list[UnitRef], list[Deadline]]:
    """Return a row's units and deadlines.

    牵头 cells lead; a 责任单位 cell supports beside a 牵头 cell, else its first unit leads. An unreadable
    完成时限 is kept as written, to be flagged.
    """
    parts = []
    lead = _unit_cell(row, cols.get("lead"))
    if lead not in _NONE_WORDS:
        parts.append(parse_clause(lead, default_year=year, default_role=Role.LEAD))
    responsible = _unit_cell(row, cols.get("responsible"))
    if responsible not in _NONE_WORDS:
        role = Role.SUPPORT if "lead" in cols and lead not in _NONE_WORDS else None
        parts.append(parse_clause(responsible, default_year=year, default_role=role))
    support = _unit_cell(row, cols.get("support"))
    if support not in _NONE_WORDS:
        parts.append(parse_clause(support, default_year=year, default_role=Role.SUPPORT))
    clause = merge_clauses(parts)
    deadline_cell = _cell(row, cols.get("deadline"))
    deadlines = [f.deadline for f in find_deadlines(deadline_cell, default_year=year)]
    if deadline_cell and not deadlines and deadline_cell not in _NONE_WORDS:
        deadlines = [Deadline(text=deadline_cell)]
    return list(clause.units), deadlines or list(clause.deadlines)


def _heading_row(row: list[str]) -> str | None:
    """Return the heading of a row whose cells were merged into one (every filled cell alike), else None."""
    values = [clean_spaces(c) for c in row if clean_spaces(c)]
    if values and len(set(values)) == 1 and (heading_level(values[0]).is_heading or len(values) > 1):
        return values[0]
    return None


def _label_shape(label: str) -> str:
    return re.sub(r"\d+", "9", clean_spaces(label))


def _group_row(row: list[str], following: list[list[str]], cols: dict[str, int]) -> str | None:
    """Return the text of a group row inside the table ('1 | 大力提振消费。 | |' above rows （8）, （9）).

    A row is a group when it names no unit and no deadline and its number is written in another style
    than the row below it; a row numbered like its neighbours is a task whose units were left out.
    """
    seq = cols.get("seq")
    if seq is None or not following:
        return None
    if any(_cell(row, cols.get(k)) for k in ("lead", "support", "responsible", "deadline")):
        return None
    label, below = _cell(row, seq), _cell(following[0], seq)
    if not label or not below or _label_shape(label) == _label_shape(below):
        return None
    return _cell(row, cols.get("text", cols.get("task"))) or None


def _strip_numeral(text: str) -> str:
    for pattern in (H1, H2):
        match = pattern.match(text)
        if match:
            return text[match.end() :].strip()
    return text


def parse_task_table(
    rows: list[list[str]], layout: TableLayout, *, title: str, front: list[str] | None = None
) -> tuple[str, str | None, str | None, list[Chapter], list[Measure]]:
    """Return (title, doc_number, issued_on, chapters, measures) read from a task table."""
    front = front or []
    above = [clean_spaces(c) for r in rows[: layout.header_row] for c in r if clean_spaces(c)]
    context = front + above
    doc_number = next((m.group(0) for t in context if (m := DOC_NUMBER.search(t))), None)
    issued_on = next((d for t in context if (d := iso_date(t))), None)
    if not title:
        title = next((t for t in above if len(t) >= _MIN_TITLE and not DOC_NUMBER.search(t)), "")
    year = int(issued_on[:4]) if issued_on else None
    cols = layout.columns
    text_col = cols.get("text", cols.get("task"))
    chapter_col = cols.get("chapter")
    section_col = cols.get("task") if "text" in cols else None
    chapters: list[Chapter] = []
    measures: list[Measure] = []
    current_chapter = ""
    numbered = False  # the last measure's row had a number of its own
    body = rows[layout.header_row + 1 :]
    for index, row in enumerate(body):
        heading = _heading_row(row) or _group_row(row, body[index + 1 : index + 2], cols)
        if heading:
            current_chapter = _strip_numeral(heading)
            continue
        text = _cell(row, text_col)
        if not text or header_kind(text):
            continue
        section = _cell(row, section_col)
        chapter = _strip_numeral(_cell(row, chapter_col)) or current_chapter or section
        section = "" if section == chapter else section
        if chapter and all(c.title != chapter for c in chapters):
            chapters.append(Chapter(numeral=str(len(chapters) + 1), title=chapter))
        units, deadlines = _units_from(row, cols, year)
        clause = "；".join(
            x for x in (_cell(row, cols.get(k)) for k in ("lead", "responsible", "support")) if x
        )
        if not units:  # no unit column, or it is empty: the task may carry its own （牵头单位：…）
            own_text, brackets = split_clauses(text)
            own = merge_clauses([parse_clause(b, default_year=year) for b in brackets])
            if own.units:
                text, units, clause = own_text, own.units, "；".join(brackets)
                deadlines = deadlines or own.deadlines
        label = _cell(row, cols.get("seq")) or str(len(measures) + 1)
        if label.endswith(".0"):
            label = label[:-2]
        measure = Measure(
            seq=len(measures) + 1,
            label=label,
            chapter=chapter,
            text=text,
            section=section,
            units=tuple(units),
            deadlines=tuple(deadlines),
            clause=clause,
            leaders=tuple(person_names(_cell(row, cols.get("leaders")))),
        )
        number = _cell(row, cols["seq"]) if "seq" in cols else ""
        # Rows under one merged 序号 cell: Word repeats the number, .doc and Excel leave it empty.
        if measures and numbered and (number == measures[-1].label or not number):
            measures[-1] = _join_rows(measures[-1], measure)
        else:
            measures.append(measure)
        numbered = bool(number)
    return title, doc_number, issued_on, chapters, measures


def _join_rows(first: Measure, second: Measure) -> Measure:
    """One measure from two rows under one merged 序号 cell (a task continued in the next row).

    The texts are joined unless the merged task cell repeats; units, deadlines and leaders are united,
    so a 责任单位 cell merged over both rows (read only on the first by some readers) is kept.
    """
    joint = "" if first.text.endswith(("。", "；")) else "；"
    text = first.text if second.text == first.text else f"{first.text}{joint}{second.text}"
    names = {u.name for u in first.units}
    units = first.units + tuple(u for u in second.units if u.name not in names)
    return replace(
        first,
        text=text,
        units=units,
        deadlines=first.deadlines + tuple(d for d in second.deadlines if d not in first.deadlines),
        clause=first.clause if second.clause in ("", first.clause) else f"{first.clause}；{second.clause}",
        leaders=first.leaders + tuple(x for x in second.leaders if x not in first.leaders),
    )


def plan_from_tables(
    tables: list[list[list[str]]],
    *,
    front_lines: list[str],
    fallback_title: str = "",
    path: str = "",
    layout: TableLayout | None = None,
) -> Plan | None:
    """Return a Plan read from every task table among `tables`, or None when none is one.

    `layout` gives the columns instead of finding them by their header names (the clerk named them).
    """
    front = join_lines(front_lines)
    frame = frame_document(front) if front else None
    title = frame.title if frame else ""
    measures: list[Measure] = []
    chapters: list[Chapter] = []
    doc_number = frame.doc_number if frame else None
    issued_on = frame.issued_on if frame else None
    for rows in tables:
        found = layout or find_layout(rows)
        if found is None:
            continue
        t_title, t_number, t_date, t_chapters, t_measures = parse_task_table(
            rows, found, title=title, front=front
        )
        title, doc_number, issued_on = title or t_title, doc_number or t_number, issued_on or t_date
        chapters.extend(c for c in t_chapters if all(c.title != x.title for x in chapters))
        measures.extend(replace(m, seq=len(measures) + i) for i, m in enumerate(t_measures, start=1))
    if not measures:
        return None
    gaps = {
        b.seq: f"{a.label} → {b.label}"
        for a, b in itertools.pairwise(measures)
        if a.label.isdigit()
        and b.label.isdigit()
        and int(b.label) != int(a.label) + 1
        and not (b.label == "1" and b.chapter != a.chapter)  # numbering restarts under each chapter
    }
    measures = find_doubts(measures, gaps)
    return Plan(
        title=title or fallback_title,
        doc_number=doc_number,
        issued_on=issued_on,
        chapters=tuple(chapters),
        measures=tuple(measures),
    )
