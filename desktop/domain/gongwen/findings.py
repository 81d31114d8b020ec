"""The findings of 格式检查 and what the checks of a .docx and of its rendering share.

Each finding names the clause, says what is wrong (with where it was first seen and how often) and how to
fix it in Word or WPS.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from desktop.domain.gongwen.fonts import is_official_face
from desktop.domain.gongwen.format_facts import LineBox, is_wide
from desktop.domain.gongwen.title_layout import title_faults

TOLERANCE_MM = 1.0  # the standard's print tolerance (§6: type area ±1 mm)
# Cuts a title into words (a segmenter passed in by the service: the domain is standard library only).
Segmenter = Callable[[str], Sequence[str]]
TITLE_FIX = "在词语之间回行（按 Shift+Enter 换行），行末不留“的”“和”“及”或前引号、前书名号，排成梯形或菱形"

LEVELS = (
    (re.compile(r"^[一二三四五六七八九十]+、"), "一级标题", ("黑体", "SimHei"), "黑体"),
    (re.compile(r"^（[一二三四五六七八九十]+）"), "二级标题", ("楷体", "KaiTi"), "楷体_GB2312（或楷体）"),
    (re.compile(r"^\d+[.．]"), "三级标题", ("仿宋", "FangSong"), "仿宋_GB2312（或仿宋）"),
    (re.compile(r"^（\d+）"), "四级标题", ("仿宋", "FangSong"), "仿宋_GB2312（或仿宋）"),
)
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Finding:
    """One departure from the standard: clause, what is wrong, where, and how to fix it.

    `stand_in` names the faces that drew the measured text at other widths than the official fonts would
    (they stand in for fonts this PC lacks): such a finding may be the stand-in's doing, not the document's.
    """

    clause: str
    problem: str
    fix: str
    where: str = ""
    count: int = 1
    stand_in: str = ""

    def text(self) -> str:
        """Return the finding as one line for the CLI and the dialog."""
        where = (
            f"（{self.where}" + (f"，共 {self.count} 处" if self.count > 1 else "") + "）"
            if self.where
            else ""
        )
        line = f"【GB/T 9704-2012 {self.clause}】{self.problem}{where}。修改方法：{self.fix}"
        if self.stand_in:
            line += (
                f"（本机缺少文件指定的字体，此处以替代字体“{self.stand_in}”排版测得，"
                "可能是替代字体造成的，不算文件的问题）"
            )
        return line


class Collector:
    """Collect findings, one per kind, counting repeats and keeping the first place seen."""

    def __init__(self) -> None:
        self._first: dict[tuple[str, str, str], Finding] = {}
        self._count: Counter[tuple[str, str, str]] = Counter()

    def add(
        self, clause: str, problem: str, fix: str, where: str = "", drawn: Sequence[LineBox] = ()
    ) -> None:
        """Count a finding; `drawn` are the rendered lines it was measured on (their faces matter)."""
        stand_in = "、".join(sorted({face for line in drawn for face in _stand_ins(line)}))
        key = (clause, problem, stand_in)
        self._first.setdefault(key, Finding(clause, problem, fix, where, stand_in=stand_in))
        self._count[key] += 1

    def findings(self) -> list[Finding]:
        return [replace(f, count=self._count[key]) for key, f in self._first.items()]


def _stand_ins(line: LineBox) -> set[str]:
    """Return the faces standing in for missing official fonts that drew a glyph at another width.

    In the official fonts a 汉字 is one em and a digit half an em (仿宋_GB2312 and Times New Roman alike);
    a stand-in that keeps those widths (any CJK face, for 汉字) lays the line out the same. A Latin letter's
    width in Times New Roman is not known here, so a stand-in drawing one is always counted.
    """
    found = set()
    for ch, width, face in zip(line.text, line.widths, line.faces, strict=False):
        if not face or is_official_face(face) or ch.isspace():
            continue
        wanted = line.size if is_wide(ch) else line.size / 2 if ch.isdigit() else None
        if wanted is None or abs(width - wanted) > 0.03 * line.size:
            found.add(face)
    return found


def title_breaks(
    lines: list[str], segment: Segmenter | None, out: Collector, where: str, drawn: Sequence[LineBox] = ()
) -> None:
    """Flag a title (or 发文机关标志) broken inside a word or after 的/和/及/an opening mark (§7.3.1)."""
    lines = [line.replace(" ", "") for line in lines if line.strip()]
    if segment is None or len(lines) < 2:
        return
    for fault in title_faults(lines, segment("".join(lines))):
        out.add("7.3.1", fault, TITLE_FIX, where, drawn)
