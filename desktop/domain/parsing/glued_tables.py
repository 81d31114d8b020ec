"""Task tables whose cells lost every separator: a web page copied or scraped with the cells glued.

"序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给实施……4580个。何海平教育局经开区……2促进……"
Nothing marks a cell's end, but the header still names the columns and the cells have shapes: a task
ends at a full stop, a person's name (the 分管领导 column) is two or three characters, an organ's name ends
like one (局, 委, 公司, 街道 …), and the next row's number follows the last organ. Rows are read with that
grammar: text up to a full stop, then (a person and) the organs, repeated for a row of sub-rows, until the
next row number. The first organ after each person is a lead when the header has 牵头单位.

Edge cases: a table with a 完成时限 column is not read this way (a date has no shape to stop at); organs
glued together without a separator stay one name (经开区高新园（邹区镇）), which keeps every part findable.
"""

from __future__ import annotations

import re

from desktop.domain.parsing.flat_tables import COLUMN_NAMES, FlatTable
from desktop.domain.parsing.units import UNIT_END
from desktop.domain.parsing.vocabulary import HEADER_WORDS, alternation

# An organ's name glued among others is at most this long (a longer run is text).
_MAX_ORGAN = 12
_MIN_ORGAN = 3
_HEADER_WORD = re.compile(alternation(tuple(w for words in HEADER_WORDS.values() for w in words)))
_KIND_OF = {w: kind for kind, words in HEADER_WORDS.items() for w in words}
# Characters no person's name holds: they belong to organs and places.
_NOT_IN_NAME = set("市区县省镇乡街政府局委办部厅国全各党")
_ORGAN_END = re.compile(UNIT_END.pattern[:-1])  # an organ's ending anywhere, not only at the end
_LIST_MARKER = re.compile(r"^\d{1,2}、")
# What the first organ after a person ends with: a lead is an office, not a 社 or a 所 in running text.
_LEAD_END = re.compile(r"(?:局|委|办|厅|院|公司|中心|街道|政府|管委会|指挥部|集团)(?:[（(][^（()）]*[）)])?$")


def read_glued_table(lines: list[str]) -> FlatTable | None:
    """Return the rows (canonical header first) of a table glued into running text, or None."""
    text = "".join(_LIST_MARKER.sub("", line.strip()) if i else line.strip() for i, line in enumerate(lines))
    start = text.find(COLUMN_NAMES["seq"])
    first = text.find("1", start)
    if start < 0 or first < 0:
        return None
    kinds = [_KIND_OF[m.group(0)] for m in _HEADER_WORD.finditer(text[start:first])]
    units = [k for k in kinds if k in ("lead", "support", "responsible")]
    if not units or "deadline" in kinds:
        return None
    person = "leaders" in kinds
    rows = [[COLUMN_NAMES[k] for k in ("seq", "text", "leaders", "lead", "support")]]
    at, number = first + 1, 1
    while at < len(text):
        row, at = _row(text, at, number + 1, person=person)
        if not row[3]:  # a row names no organ: this is no such table
            return None
        rows.append([str(number), *row])
        number += 1
    if units[0] != "lead":  # a 责任单位 column: the first organ leads by convention, the rest support
        rows[0][3] = COLUMN_NAMES["responsible"]
    return FlatTable(rows, [text[:start]] if text[:start].strip() else []) if len(rows) > 1 else None


def _row(text: str, at: int, following: int, *, person: bool) -> tuple[list[str], int]:
    """Read one row from `at`: (text, people, leads, supports) and where the next row starts."""
    texts: list[str] = []
    people: list[str] = []
    leads: list[str] = []
    supports: list[str] = []
    while at < len(text):
        stop = text.find("。", at)
        end = len(text) if stop < 0 else stop + 1
        texts.append(text[at:end])
        at = end
        name, organs, after = _people_and_organs(text, at, person=person)
        if organs:
            people.extend([name] if name else [])
            leads.append(organs[0])
            supports.extend(organs[1:])
            at = after
            if _row_number_at(text, at, following):
                return ["".join(texts), "、".join(people), "、".join(leads), "、".join(supports)], at + len(
                    str(following)
                )
    return ["".join(texts), "、".join(people), "、".join(leads), "、".join(supports)], at


def _people_and_organs(text: str, at: int, *, person: bool) -> tuple[str, list[str], int]:
    """Read a person's name (when the table has that column) and the organs glued after it.

    The name is three characters or two (何海平 / 张菁), whichever leaves an organ of at least three
    characters with a lead's ending (局, 委, 办, 公司 …) right after it.
    """
    for size in (3, 2) if person else (0,):
        name = text[at : at + size]
        if size and (not re.fullmatch(r"[\u4e00-\u9fff]+", name) or _NOT_IN_NAME & set(name)):
            continue
        organs, after = _organs(text, at + size)
        if organs and _LEAD_END.search(organs[0]):
            return name, organs, after
    return "", [], at


def _organs(text: str, at: int) -> tuple[list[str], int]:
    """Read organ names glued one after another.

    Each ends at the first organ ending at least three characters from its start (人社局, not 人社).
    """
    organs: list[str] = []
    while True:
        window = text[at : at + _MAX_ORGAN]
        match = next((m for m in _ORGAN_END.finditer(window) if m.end() >= _MIN_ORGAN), None)
        if match is None or re.search(r"[，。；、：\d]", window[: match.end()]):
            return organs, at
        end = match.end()
        if window.count("（", 0, end) > window.count("）", 0, end) and window[end : end + 1] == "）":
            end += 1  # 高新园（邹区镇）: the bracket closes inside the name
        organs.append(window[:end])
        at += end


def _row_number_at(text: str, at: int, number: int) -> bool:
    digits = str(number)
    return text.startswith(digits, at) and bool(
        re.match(r"[\u4e00-\u9fff]", text[at + len(digits) : at + len(digits) + 1])
    )
