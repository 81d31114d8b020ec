"""Task tables that reached us as plain text: a row a line, or one cell a line.

A row a line has its cells split by tabs, wide spaces or '|'; one cell a line is how web pages and PDF
copies of a 任务分解表 come out. The header row is found by its names (序号, 工作任务, 责任单位, 完成时限 …, see desktop.domain.parsing.tables). In the
cell-a-line form the rows are cut at their sequence numbers (1, 2, 3 …) and each row's cells are laid on
the header's columns by a small alignment: merged cells leave a column empty, a unit cell may span
several lines, a row may hold a second sub-row (another task and deadline under one merged unit cell),
and a group cell (工作任务, 考核项目) printed before a row's number belongs to that row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from desktop.domain.parsing.cell_alignment import UNIT_KINDS, align_row, deadline_like, unit_like
from desktop.domain.parsing.clauses import has_clause
from desktop.domain.parsing.lines import heading_level
from desktop.domain.parsing.tables import header_kind
from desktop.domain.parsing.units import separate_listed_units
from desktop.domain.text import clean_spaces

_CELL_SEPARATOR = re.compile(r"\t+|\s{2,}|\s*[|｜]\s*")
_SEQ = re.compile(r"\d{1,3}")
_HEADER_CELL = re.compile(r"^[^。，；：,;:]{1,14}$")
# An unnamed column whose header says it holds part of the task (攻坚目标任务, 工作任务安排) joins the
# text wherever it stands; other unnamed columns join it only before the unit columns.
# The unnamed columns of a progress table after its units (进展情况, 下步举措, 完成状态).
_REPORT_HEADER = re.compile(r"情况|举措|进展|备注|计划|说明|成效|问题|状态|进度")
_TASK_LIKE_HEADER = re.compile(r"任务|目标|措施|举措|内容")
# How far row numbers may jump in an extract of a longer table (6, 52, 53 …).
_MAX_SEQ_JUMP = 200


# The header each column kind is given in the rows handed on (desktop.domain.parsing.tables reads them back).
COLUMN_NAMES = {
    "seq": "序号",
    "chapter": "类别",
    "task": "重点任务",
    "text": "具体措施",
    "lead": "牵头单位",
    "support": "配合单位",
    "responsible": "责任单位",
    "deadline": "完成时限",
    "leaders": "责任领导",
}


@dataclass(frozen=True)
class FlatTable:
    """A task table read from text: a header of known names, then one row of cells per task."""

    rows: list[list[str]]
    front: list[str]  # the lines before the table: the covering notice


def read_flat_table(lines: list[str]) -> FlatTable | None:
    """Return the task table flattened into `lines`, or None when the text holds none."""
    return _row_per_line(lines) or _cell_per_line(lines)


# ---- a row a line ---------------------------------------------------------------------------------


def split_row(line: str, width: int = 0) -> list[str]:
    """Split a table row printed on one line at tabs, wide spaces or '|' into its cells."""
    raw = [x for x in _CELL_SEPARATOR.split(line.strip()) if x.strip()]
    number = re.match(r"^(\d{1,3})\s+(\S.*)$", raw[0]) if raw else None
    if number and len(raw) == width - 1:  # '3 建设…': a single space after the row number
        raw = [number.group(1), number.group(2), *raw[1:]]
    return [c for c in (clean_spaces(separate_listed_units(x)) for x in raw) if c]


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Return kind → column for a header row naming at least two kinds, one of them a unit column; else None."""
    columns: dict[str, int] = {}
    for col, cell in enumerate(cells):
        kind = header_kind(cell)
        if kind and kind not in columns:
            columns[kind] = col
    if len(columns) >= 2 and set(UNIT_KINDS) & columns.keys():
        return columns
    return None


def _row_per_line(lines: list[str]) -> FlatTable | None:
    for index, line in enumerate(lines):
        header = split_row(line)
        if len(header) < 3:
            continue
        columns = _header_columns(header)
        if columns is None:
            continue
        rows = [header]
        for row_line in lines[index + 1 :]:
            cells = split_row(row_line, len(header) if columns.get("seq") == 0 else 0)
            if len(cells) >= 2:
                rows.append(cells + [""] * (len(header) - len(cells)))
            elif cells and heading_level(cells[0]).is_heading:  # 一、主要预期目标 | | |: a chapter row
                rows.append([cells[0]] * len(header))
            elif cells and len(rows) > 1:
                last = rows[-1]
                text_col = _text_column(columns, header)
                if text_col < len(last):
                    last[text_col] = last[text_col] + cells[0]
        if len(rows) < 3:
            continue
        text_col = _text_column(columns, header)
        if "text" not in columns and "task" not in columns:
            rows[0] = [COLUMN_NAMES["text"] if i == text_col else c for i, c in enumerate(header)]
        return FlatTable(rows, [x for x in lines[:index] if x.strip()])
    return None


def _text_column(columns: dict[str, int], header: list[str]) -> int:
    """Return the column holding the measure's text: 具体措施, else 重点任务, else the first unnamed column after 序号."""
    if "text" in columns:
        return columns["text"]
    if "task" in columns:
        return columns["task"]
    start = columns.get("seq", -1) + 1
    return next((c for c in range(start, len(header)) if header_kind(header[c]) is None), start)


# ---- a cell a line --------------------------------------------------------------------------------


def _cells(lines: list[str]) -> list[str]:
    cells = [clean_spaces(x) for x in lines]
    return _split_numbers(_join_broken_headers([c for c in cells if c and c not in ("|", "｜")]))


_NUMBERED_CELL = re.compile(r"^(\d{1,3})\s*[.．、﹒](?![\d%％])\s*(\S.*)$")


def _split_numbers(cells: list[str]) -> list[str]:
    """Give a row number printed inside its task cell ('1. 生产总值增长7.5%以上。') a cell of its own.

    Only when the table has no bare row numbers and the numbered cells run 1, 2, 3 … in order, so a
    numbered list inside a cell (1.强化… 2.强化… under 下步举措) is left alone once a bare number exists.
    """
    if any(_SEQ.fullmatch(c) for c in cells):
        return cells
    out: list[str] = []
    expected = 1
    for cell in cells:
        match = _NUMBERED_CELL.match(cell)
        if match and int(match.group(1)) == expected:
            out.extend([match.group(1), match.group(2)])
            expected += 1
        else:
            out.append(cell)
    # one numbered cell is a row only when organs follow it (a table of one row, cut short)
    return out if expected > 2 or (expected == 2 and any(unit_like(c) for c in out[-3:])) else cells


# A header word a narrow column wrapped (责任 / 科室) is at most this long on each line.
_BROKEN_HEADER_PART = 4
_BRACKETED = re.compile(r"[（(][^（()）]{1,8}[）)]")


def _join_broken_headers(cells: list[str]) -> list[str]:
    """Rejoin header names a narrow column broke over two lines (责任↵领导, 完成↵时限), before row 1.

    Two short cells are joined only when together they name a column and the second alone does not,
    so 序号↵重点工作 stay apart. Cells after the first row number are never touched.
    """
    out: list[str] = []
    for index, cell in enumerate(cells):
        if _SEQ.fullmatch(cell):
            return out + cells[index:]
        if (out and _BRACKETED.fullmatch(cell) and header_kind(out[-1]) is None) or (
            out
            and len(out[-1]) <= _BROKEN_HEADER_PART
            and len(cell) <= _BROKEN_HEADER_PART
            and header_kind(cell) is None
            and header_kind(out[-1] + cell)
        ):  # 落实情况↵（全年）
            out[-1] += cell
        else:
            out.append(cell)
    return out


def _find_header(cells: list[str]) -> tuple[int, int, int] | None:
    """Return (start, end, index of row 1) of a header run; group cells may stand before row 1."""
    for start in range(len(cells)):
        if heading_level(cells[start]).is_heading:  # a chapter heading above the header is no column
            continue
        end = start
        while (
            end < len(cells)
            and end - start < 16
            and not _SEQ.fullmatch(cells[end])
            and _HEADER_CELL.match(cells[end])
        ):
            end += 1
        window = cells[start:end]
        kinds = [header_kind(c) for c in window]
        if sum(1 for k in kinds if k) < 2 or not (
            set(UNIT_KINDS) & set(kinds) or _report_table(kinds, window)
        ):
            continue
        first = next((j for j in range(end, min(end + 4, len(cells))) if _SEQ.fullmatch(cells[j])), -1)
        if first < 0:
            if _unnumbered_header(kinds, window) and end < len(cells):
                return start, end, -1  # no row numbers: rows are told apart by their cells
            continue
        if "seq" in kinds and not (kinds[-1] and first == end):
            # the run may have swallowed row 1's group cells (类别 value printed before its number)
            header_end = min(end, first - kinds.index("seq"))
        else:
            header_end = start + max(i for i, k in enumerate(kinds) if k) + 1
        if header_end > start:
            return start, header_end, first
    return None


def _row_blocks(cells: list[str], first: int, width: int) -> list[list[str]]:
    """Cut the cells into rows at their numbers.

    A row ends at the next number, else (an extract of a longer table, numbered 6, 52, 53 …) at the
    first larger number standing at least `width` cells on.
    """
    blocks: list[list[str]] = []
    number = int(cells[first])
    at = first
    while at < len(cells):
        nxt = next((j for j in range(at + 1, len(cells)) if cells[j] == str(number + 1)), -1)
        if nxt < 0:
            nxt = next(
                (
                    j
                    for j in range(at + width, len(cells))
                    if _SEQ.fullmatch(cells[j]) and number < int(cells[j]) <= number + _MAX_SEQ_JUMP
                ),
                len(cells),
            )
        blocks.append(cells[at + 1 : nxt])
        at = nxt
        number = int(cells[nxt]) if nxt < len(cells) else number
    return blocks


def _report_table(kinds: list[str | None], names: list[str]) -> bool:
    """Return True for a progress table with no unit column (序号 | 工作内容 | 完成情况).

    Its units are in each task's own clause.
    """
    named = {"seq", "text"} <= set(kinds) or {"seq", "task"} <= set(kinds)
    return named and any(k is None and _REPORT_HEADER.search(n) for k, n in zip(kinds, names, strict=True))


def _unnumbered_header(kinds: list[str | None], names: list[str]) -> bool:
    """Return True when a header run with no row number after it still reads as a whole header.

    Its 序号, if any, comes first, and any unnamed column after the last named one reads as a report
    column (进展情况, 下步举措), never as a first row's text swallowed into the run.
    """
    if "seq" in kinds and kinds[0] != "seq":
        return False
    last_named = max(i for i, k in enumerate(kinds) if k)
    return all(_REPORT_HEADER.search(n) for n in names[last_named + 1 :])


def _unnumbered_blocks(cells: list[str], trailing: bool) -> list[list[str]]:
    """Cut rows that carry no number.

    With unit or deadline columns last, a row starts where a task cell follows them. With report columns
    after the units (`trailing`: 进展情况, 下步举措), a row starts at the task cell right before its units.
    """
    if trailing:
        starts = [
            i
            for i in range(len(cells) - 1)
            if not unit_like(cells[i]) and unit_like(cells[i + 1]) and not (i and unit_like(cells[i - 1]))
        ]
        if not starts:
            return []
        return [cells[a:b] for a, b in itertools.pairwise([*starts, len(cells)])]
    blocks: list[list[str]] = []
    closing = True  # the previous cell ended a row (or there is none yet)
    for cell in cells:
        ends_row = unit_like(cell) or deadline_like(cell)
        if closing and not ends_row:
            blocks.append([])
        if blocks:
            blocks[-1].append(cell)
        closing = ends_row
    return blocks if all(any(unit_like(c) for c in b) for b in blocks) else []


def _cell_per_line(lines: list[str]) -> FlatTable | None:
    """Read a table that came one cell a line.

    The header is found by its names; rows are cut at their numbers (or, unnumbered, at their unit cells);
    each row's cells are laid on the columns (cell_alignment) and group cells are carried down.
    """
    cells = _cells(lines)
    found = _find_header(cells)
    if found is None:
        return None
    start, header_end, first = found
    header = cells[start:header_end]
    kinds = [header_kind(c) for c in header]
    numbered = first >= 0
    if not numbered:
        first = header_end
    seq_at = kinds.index("seq") if "seq" in kinds else first - header_end
    before = [k or "group" for k in kinds[:seq_at]]
    after_kinds = kinds[seq_at + 1 :] if "seq" in kinds else kinds[seq_at:]
    if not after_kinds:  # nothing after the row numbers: not a task table
        return None
    text_at = _text_slot(after_kinds)
    after = ["text" if i == text_at else (k or "other") for i, k in enumerate(after_kinds)]
    first_unit = next((i for i, k in enumerate(after) if k in UNIT_KINDS), len(after))
    named = header[seq_at + 1 :] if "seq" in kinds else header[seq_at:]
    in_text = {
        i
        for i, k in enumerate(after)
        if i == text_at
        or (
            (k == "other" and not _REPORT_HEADER.search(named[i]))
            and (i < first_unit or _TASK_LIKE_HEADER.search(named[i]))
        )
    }
    kept = [i for i, k in enumerate(after) if k not in ("other", "group")]
    rows: list[list[str]] = []
    for chapter, part, part_first in _parts(cells, start, header_end, first):
        if numbered and not _SEQ.fullmatch(part[part_first] if part_first < len(part) else ""):
            continue
        blocks = (
            _row_blocks(part, part_first, len(after))
            if numbered
            else _unnumbered_blocks(part, trailing=after[-1] not in (*UNIT_KINDS, "deadline"))
        )
        groups = part[:part_first]
        for number, block in enumerate(blocks, start=1):
            row, next_groups = align_row(block, after, before, last=number == len(blocks))
            # Unnamed columns before the units (考核指标, 单位, 年度目标) are part of the task's text;
            # those after them (评分部门) are not the unit's business.
            row[text_at] = "；".join(row[i] for i in sorted(in_text) if row[i])
            group = "；".join(g for g in groups if g) or chapter
            rows.append([str(number), group, *(row[i] for i in kept)])
            groups = next_groups or [""] * len(before)
    if not rows or (len(rows) == 1 and not any(unit_like(c) or has_clause(c) for c in rows[0][2:])):
        return None
    _fill_down(rows, 1)
    header_row = [COLUMN_NAMES["seq"], COLUMN_NAMES["chapter"], *(COLUMN_NAMES[after[i]] for i in kept)]
    return FlatTable([header_row, *rows], lines_before(lines, cells[start]))


def _parts(cells: list[str], start: int, header_end: int, first: int) -> list[tuple[str, list[str], int]]:
    """Split a table whose header is printed again under each chapter heading (一、…牵头重点工作).

    Returns (chapter heading, the part's cells after its header, where its first row starts). A heading
    is the 一、/（一） line right before a header; it is taken off the rows above it.
    """
    header = cells[start:header_end]
    width = len(header)
    starts = [start] + [
        j for j in range(header_end, len(cells) - width + 1) if cells[j : j + width] == header
    ]
    parts: list[tuple[str, list[str], int]] = []
    for index, at in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(cells)
        if index + 1 < len(starts) and heading_level(cells[end - 1]).is_heading:
            end -= 1
        heading = cells[at - 1] if at and heading_level(cells[at - 1]).is_heading else ""
        part = cells[at + width : end]
        parts.append((heading, part, first - header_end if index == 0 else 0))
    return parts


def lines_before(lines: list[str], first_cell: str) -> list[str]:
    """Return the non-blank lines before the first line whose text is `first_cell`."""
    out: list[str] = []
    for line in lines:
        if clean_spaces(line) == first_cell:
            break
        if line.strip():
            out.append(line)
    return out


def _text_slot(kinds: list[str | None]) -> int:
    for wanted in ("text", "task"):
        if wanted in kinds:
            return kinds.index(wanted)
    return next((i for i, k in enumerate(kinds) if k is None), 0)


def _fill_down(rows: list[list[str]], col: int) -> None:
    last = ""
    for row in rows:
        if row[col]:
            last = row[col]
        else:
            row[col] = last
