"""The guided path: the clerk names what the parser could not, and the plan is read with it.

When a file's text yields no measure, or its table's columns cannot be named, the clerk either gives each
column of the detected grid a role (序号, 任务, 牵头单位 …) or picks the numbering that starts a measure
(1. / （一） / 一是 / ① / a paragraph each). Both end in the ordinary readers: a grid with named columns
goes through `tables.plan_from_tables`, renumbered paragraphs through `plan_parser.parse_plan_paragraphs`.
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.domain.parsing.cell_alignment import deadline_like, unit_like
from desktop.domain.parsing.flat_tables import COLUMN_NAMES, split_row
from desktop.domain.parsing.lines import H1, H2, H3, H5, join_lines
from desktop.domain.parsing.plan_parser import parse_plan_paragraphs
from desktop.domain.parsing.tables import TableLayout, header_kind, plan_from_tables

# The roles a column can take, as the clerk reads them, and the column kind each stands for.
ROLES: dict[str, str | None] = {
    "序号": "seq",
    "任务": "text",
    "牵头单位": "lead",
    "责任单位": "responsible",
    "配合单位": "support",
    "完成时限": "deadline",
    "责任领导": "leaders",
    "忽略": None,
}
# The numberings a clerk can choose to start a measure, and the paragraph start each matches.
NUMBERINGS: dict[str, re.Pattern[str] | None] = {
    "1.": H3,
    "（一）": H2,
    "一、": H1,
    "一是": re.compile(r"^[一二三四五六七八九十]{1,3}是"),
    "①": H5,
    "每段一项": None,
}
# A grid is the rows of at least this many lines that split into the same number of cells.
_MIN_GRID_ROWS = 2
# Paragraphs of the 公文's frame, never a measure when every paragraph is one: the salutation (…：), the
# lead-in (提出如下意见。) and the closing (特此通知。).
_FRAME_PARAGRAPH = re.compile(r"[：:]$|^特此|如下[^。]{0,6}[。：]$|^附件")
_SEQ_CELL = re.compile(r"^[（(]?\d{1,3}[）).、．]?$")
_ONE_IS = re.compile(r"(?<=[。；，）)])(?=[二三四五六七八九十]{1,3}是)")


def text_grid(lines: list[str]) -> tuple[list[list[str]], int]:
    """Return the rows of a table flattened a row a line ('1 | 甲 | 乙') and the index of its first line.

    There is no grid ([] and 0) when fewer than two lines split alike.

    The grid is the lines that split into the most common cell count (at least two cells); a line that
    does not is kept only as the continuation of the cell text above (a wrapped task).
    """
    split = [split_row(line) for line in lines]
    widths = Counter(len(cells) for cells in split if len(cells) >= 2)
    if not widths:
        return [], 0
    width, count = widths.most_common(1)[0]
    if count < _MIN_GRID_ROWS:
        return [], 0
    rows: list[list[str]] = []
    first = 0
    for index, cells in enumerate(split):
        if len(cells) == width:
            first = first if rows else index
            rows.append(cells)
        elif rows and 0 < len(cells) < width:
            rows[-1][-1] += "".join(cells)
    return rows, first


def guess_roles(rows: list[list[str]]) -> dict[int, str]:
    """Guess each column's role from its header word, else from what its cells hold.

    Numbers only: 序号; organs' names: 责任单位 (牵头单位 when another unit column follows); dates:
    完成时限; the column of the longest texts: 任务. Anything else is left for the clerk (忽略).
    """
    width = max((len(r) for r in rows), default=0)
    body = rows[1:] or rows
    kinds: dict[int, str] = {}
    for col in range(width):
        cells = [r[col].strip() for r in body if col < len(r) and r[col].strip()]
        named = header_kind(rows[0][col]) if rows and col < len(rows[0]) else None
        if named is not None and named in ROLES.values():
            kinds[col] = named
        elif cells and all(_SEQ_CELL.match(c) for c in cells):
            kinds[col] = "seq"
        elif cells and sum(map(unit_like, cells)) * 2 > len(cells):
            kinds[col] = "responsible"
        elif cells and sum(map(deadline_like, cells)) * 2 > len(cells):
            kinds[col] = "deadline"
    if "text" not in kinds.values() and width:
        free = [c for c in range(width) if c not in kinds]
        longest = max(free or range(width), key=lambda c: sum(len(r[c]) for r in body if c < len(r)))
        kinds[longest] = "text"
    units = sorted(c for c, k in kinds.items() if k == "responsible")
    if len(units) > 1 and "lead" not in kinds.values():
        kinds[units[0]], kinds[units[1]] = "lead", "support"
    names = {kind: name for name, kind in ROLES.items() if kind}
    return {col: names[kind] for col, kind in kinds.items() if kind in names}


def parse_columns(spec: str, width: int) -> dict[int, str]:
    """Read '任务=2,牵头单位=3' (columns counted from 1) into {column index: kind}."""
    chosen: dict[int, str] = {}
    for part in re.split(r"[,，;；\s]+", spec.strip()):
        if not part:
            continue
        role, _, number = part.partition("=")
        kind = ROLES.get(role.strip(), "?")
        if kind == "?" or not number.strip().isdigit() or not 1 <= int(number) <= width:
            raise LuoshiError(ErrorCode.BAD_COLUMNS, spec=spec, width=width)
        if kind is not None:
            chosen[int(number) - 1] = kind
    if "text" not in chosen.values():
        raise LuoshiError(ErrorCode.BAD_COLUMNS, spec=spec, width=width)
    return chosen


def plan_from_grid(
    rows: list[list[str]],
    roles: dict[int, str],
    *,
    front_lines: list[str],
    fallback_title: str,
    path: str = "",
) -> Plan:
    """Return the plan the grid gives once its columns have roles ({column index: kind}).

    The first row whose cells name no measure (no number in the 序号 column, or the header's own words)
    is taken as the header and dropped; every other row is a measure.
    """
    width = max((len(r) for r in rows), default=0)
    body = [r + [""] * (width - len(r)) for r in rows if any(cell.strip() for cell in r)]
    seq = next((c for c, kind in roles.items() if kind == "seq"), None)
    if body and seq is not None and not re.search(r"\d", body[0][seq]):
        body = body[1:]  # the file's own header row
    header = [COLUMN_NAMES[roles[c]] if c in roles else "" for c in range(width)]
    plan = plan_from_tables(
        [[header, *body]],
        front_lines=front_lines,
        fallback_title=fallback_title,
        path=path,
        layout=TableLayout(header_row=0, columns={kind: col for col, kind in roles.items()}),
    )
    if plan is None:
        raise LuoshiError(ErrorCode.NO_MEASURES, path=path)
    return plan


def plan_by_numbering(lines: list[str], numbering: str, *, fallback_title: str, path: str = "") -> Plan:
    """Return the plan read with `numbering` starting each measure (a key of NUMBERINGS)."""
    if numbering not in NUMBERINGS:
        raise LuoshiError(ErrorCode.BAD_NUMBERING, numbering=numbering, choices="、".join(NUMBERINGS))
    paragraphs = join_lines(lines)
    if numbering == "一是":
        paragraphs = [piece for p in paragraphs for piece in _ONE_IS.split(p)]
    pattern = NUMBERINGS[numbering]
    renumbered: list[str] = []
    count = 0
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        match = pattern.match(text) if pattern is not None else None
        if match or (pattern is None and index and text and not _FRAME_PARAGRAPH.search(text)):
            count += 1
            renumbered.append(f"{count}.{text[match.end() :] if match else text}")
        elif text:
            renumbered.append(text)
    if not count:
        raise LuoshiError(ErrorCode.NO_MEASURES, path=path)
    return parse_plan_paragraphs(renumbered, fallback_title=fallback_title, path=path)
