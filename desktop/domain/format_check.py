"""格式检查: GB/T 9704-2012 rules applied to the facts of a .docx and of its rendering.

Each finding names the clause, says what is wrong (with where it was first seen and how often) and how to
fix it in Word or WPS. Tolerances follow the standard's print tolerance (§6: type area ±1 mm).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, pairwise
from statistics import median

from desktop.domain.fonts import is_official_face
from desktop.domain.format_facts import (
    A4_MM,
    CHAR_PT,
    CHARS_PER_LINE,
    MARGINS_MM,
    MM_PER_PT,
    NO_LINE_END,
    NO_LINE_START,
    PAGE_NUMBER_GAP_MM,
    UNSEALED_DATE_SHIFT,
    UNSEALED_ORGAN_RIGHT,
    DocFacts,
    FooterFacts,
    LineBox,
    PageBox,
    ParaFacts,
    RenderFacts,
    is_wide,
    sealed_date_right,
    text_width,
)
from desktop.domain.title_layout import title_faults

# Cuts a title into words (a segmenter passed in by the service: the domain is standard library only).
Segmenter = Callable[[str], Sequence[str]]
_TITLE_FIX = "在词语之间回行（按 Shift+Enter 换行），行末不留“的”“和”“及”或前引号、前书名号，排成梯形或菱形"

TOLERANCE_MM = 1.0
PITCH_TWIPS = (560, 580)  # 22 lines in 225 mm: 28 pt (fills less) to 28.95 pt
LINE_PT = 225 / 22 / MM_PER_PT
# The space LibreOffice puts where 汉字 meet digits or Latin letters (中西文间距, a quarter of a character;
# it does not read Word's autoSpaceDE/autoSpaceDN switches, which the report sets off): a line with such
# joints holds that much less.
AUTOSPACE = 0.25

_LEVELS = (
    (re.compile(r"^[一二三四五六七八九十]+、"), "一级标题", ("黑体", "SimHei"), "黑体"),
    (re.compile(r"^（[一二三四五六七八九十]+）"), "二级标题", ("楷体", "KaiTi"), "楷体_GB2312（或楷体）"),
    (re.compile(r"^\d+[.．]"), "三级标题", ("仿宋", "FangSong"), "仿宋_GB2312（或仿宋）"),
    (re.compile(r"^（\d+）"), "四级标题", ("仿宋", "FangSong"), "仿宋_GB2312（或仿宋）"),
)
_FANGSONG = ("仿宋", "FangSong")
_TITLE_FONTS = ("小标宋", "XiaoBiaoSong")
_SONG = ("宋体", "SimSun")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CHINESE_DATE = re.compile(r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]+月")
_PADDED = re.compile(r"\d{4}年0\d月|月0\d日")


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


class _Collector:
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


def _has(font: str, names: tuple[str, ...]) -> bool:
    return any(name.lower() in font.lower() for name in names)


def _where(p: ParaFacts) -> str:
    head = p.text.strip()[:12]
    return f"第 {p.index + 1} 段“{head}{'…' if len(p.text.strip()) > 12 else ''}”"


def _page(doc: DocFacts, out: _Collector) -> None:
    width, height = doc.page_mm
    if abs(width - A4_MM[0]) > TOLERANCE_MM or abs(height - A4_MM[1]) > TOLERANCE_MM:
        out.add(
            "5.1",
            f"纸张为 {width:.0f}×{height:.0f} mm，不是 A4 纵向",
            "页面设置 → 纸张 → 选 A4（210×297 mm），方向选纵向",
        )
    names = ("上（天头）", "下", "左（订口）", "右")
    for name, found, wanted in zip(names, doc.margins_mm, MARGINS_MM, strict=True):
        if abs(found - wanted) > TOLERANCE_MM:
            out.add(
                "5.2.1",
                f"{name}页边距为 {found:.1f} mm，应为 {wanted:.0f} mm（版心 156×225 mm）",
                "页面设置 → 页边距：上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米",
            )
    if doc.grid_type not in ("lines", "linesAndChars") or not (
        doc.grid_pitch and PITCH_TWIPS[0] <= doc.grid_pitch <= PITCH_TWIPS[1]
    ):
        pitch = f"行距 {doc.grid_pitch / 20:.2f} 磅" if doc.grid_pitch else "未设置"
        out.add(
            "5.2.3",
            f"文档网格不是每页 22 行（{pitch}）",
            "页面设置 → 文档网格 → 指定行和字符网格，每页 22 行、每行 28 字（行跨度 28.95 磅）",
        )


def _fonts(p: ParaFacts, out: _Collector) -> None:
    first = next((r for r in p.runs if r.east_asia or r.size), None)
    if first is None:
        return
    for pattern, level, names, shown in _LEVELS:
        if pattern.match(p.text.strip()):
            if not _has(first.east_asia, names):
                out.add(
                    "7.3.3",
                    f"{level}应使用{shown}，实为“{first.east_asia or '未指定'}”",
                    f"选中{level}，字体设为{shown}",
                    _where(p),
                )
            sized = first
            break
    else:
        sized = first
        for run in p.runs:
            if run.east_asia and not _has(run.east_asia, (*_FANGSONG, "黑体", "楷体", "KaiTi", "SimHei")):
                out.add(
                    "5.2.2",
                    f"正文应使用 3 号仿宋，实为“{run.east_asia}”",
                    "选中正文，中文字体设为仿宋_GB2312（或仿宋）",
                    _where(p),
                )
                break
    if sized.size is not None and abs(sized.size - 16) > 0.1:
        out.add(
            "5.2.2",
            f"正文及各级标题应为 3 号字（16 磅），实为 {sized.size:g} 磅",
            "选中该段，字号设为三号",
            _where(p),
        )
    if p.line_rule == "exact" and p.line_twips and not PITCH_TWIPS[0] <= p.line_twips <= PITCH_TWIPS[1]:
        out.add(
            "5.2.3",
            f"行距为固定值 {p.line_twips / 20:g} 磅，每页排不下或排不满 22 行",
            "段落 → 行距选“固定值”28.95 磅（或 28 磅）",
            _where(p),
        )


def _title_breaks(
    lines: list[str], segment: Segmenter | None, out: _Collector, where: str, drawn: Sequence[LineBox] = ()
) -> None:
    """Flag a title (or 发文机关标志) broken inside a word or after 的/和/及/an opening mark (§7.3.1)."""
    lines = [line.replace(" ", "") for line in lines if line.strip()]
    if segment is None or len(lines) < 2:
        return
    for fault in title_faults(lines, segment("".join(lines))):
        out.add("7.3.1", fault, _TITLE_FIX, where, drawn)


def _title(p: ParaFacts, out: _Collector, segment: Segmenter | None = None) -> None:
    _title_breaks(p.text.split("\n"), segment, out, _where(p))
    size = max((r.size or 0) for r in p.runs)
    font = next((r.east_asia for r in p.runs if r.east_asia), "")
    if abs(size - 22) > 0.1:
        out.add("7.3.1", f"标题应为 2 号字（22 磅），实为 {size:g} 磅", "选中标题，字号设为二号", _where(p))
    if not _has(font, _TITLE_FONTS):
        out.add(
            "7.3.1",
            f"标题应使用小标宋体，实为“{font or '未指定'}”",
            "选中标题，字体设为方正小标宋简体",
            _where(p),
        )
    if p.align != "center":
        out.add("7.3.1", "标题应居中排布", "选中标题，设为居中", _where(p))


def _dates(p: ParaFacts, out: _Collector) -> None:
    text = p.text.strip()
    if _CHINESE_DATE.search(text):
        out.add(
            "7.3.5.4",
            "日期应使用阿拉伯数字（如 2026年3月31日），不用汉字数字",
            "把日期改为阿拉伯数字，年份写全",
            _where(p),
        )
    elif _DATE.search(text) and _PADDED.search(text):
        out.add(
            "7.3.5.4",
            "日期的月、日不编虚位（写 2026年3月1日，不写 2026年03月01日）",
            "去掉月、日前面的 0",
            _where(p),
        )


def _colophon(p: ParaFacts, out: _Collector) -> None:
    text = p.text.strip()
    size = next((r.size for r in p.runs if r.size), None)
    if size is not None and abs(size - 14) > 0.1:
        out.add(
            "7.4",
            f"版记（抄送、印发机关和印发日期）应为 4 号字（14 磅），实为 {size:g} 磅",
            "选中版记各行，字号设为四号",
            _where(p),
        )
    if text.startswith("抄送") and not text.endswith("。"):
        out.add("7.4.2", "抄送机关最后一个名称后应标句号", "在最后一个抄送机关名称后加“。”", _where(p))


def _footers(doc: DocFacts, out: _Collector) -> None:
    numbered = [f for f in doc.footers if f.has_page_field and f.kind != "first"]
    if not numbered:
        out.add("7.5", "没有页码", "插入 → 页码，页面底端，格式“— 1 —”，4 号半角宋体")
        return
    for footer in numbered:
        _footer(footer, doc.odd_even, out)
    if not doc.odd_even:
        out.add(
            "7.5",
            "页码未区分奇偶页（单页码居右、双页码居左）",
            "页面设置 → 版式 → 勾选“奇偶页不同”，奇数页页码右对齐、偶数页左对齐",
        )


def _footer(footer: FooterFacts, odd_even: bool, out: _Collector) -> None:
    side = "偶数页" if footer.kind == "even" else "奇数页"
    if footer.size is not None and abs(footer.size - 14) > 0.1:
        out.add("7.5", f"{side}页码应为 4 号字（14 磅），实为 {footer.size:g} 磅", "选中页码，字号设为四号")
    if footer.fonts and not any(_has(f, _SONG) for f in footer.fonts):
        out.add(
            "7.5",
            f"{side}页码应使用宋体，实为“{'、'.join(footer.fonts)}”",
            "选中页码，字体（含西文字体）设为宋体",
        )
    if "—" not in footer.text and "－" not in footer.text:
        out.add("7.5", f"{side}页码两侧应各有一条一字线（— 1 —）", "在页码数字两侧加一字线“—”")
    wanted = "left" if footer.kind == "even" else "right"
    if odd_even and footer.align != wanted:
        out.add(
            "7.5",
            f"{side}页码应{'居左' if wanted == 'left' else '居右'}空一字",
            f"选中{side}页码，设为{'左' if wanted == 'left' else '右'}对齐并缩进一字",
        )


def check_document(doc: DocFacts, segment: Segmenter | None = None) -> list[Finding]:
    """Return the findings on page setup, fonts and sizes per level, title, dates, 版记 and page numbers.

    With `segment`, a title broken by hand (line breaks) is checked for whole words.
    """
    out = _Collector()
    _page(doc, out)
    title_done = False
    for p in doc.paragraphs:
        text = p.text.strip()
        if not text or not p.runs:
            continue
        if text.startswith("抄送") or ("印发" in text and _DATE.search(text)):
            _colophon(p, out)
            _dates(p, out)
            continue
        if p.in_table:
            continue
        if any(r.red for r in p.runs):  # 发文机关标志
            continue
        if not title_done and p.align == "center" and max((r.size or 0) for r in p.runs) >= 18:
            _title(p, out, segment)
            title_done = True
            continue
        _fonts(p, out)
        _dates(p, out)
    if not title_done:
        out.add(
            "7.3.1",
            "没有找到公文标题（居中的 2 号小标宋体）",
            "在正文前加居中的标题，字体方正小标宋简体、字号二号",
        )
    _footers(doc, out)
    return out.findings()


def _body_lines(page_height: float) -> float:
    """Return the y (pt) below which text belongs to the footer (a little under the type area)."""
    return min(page_height, (A4_MM[1] - MARGINS_MM[1] + 3) / MM_PER_PT)


def check_rendering(render: RenderFacts, segment: Segmenter | None = None) -> list[Finding]:
    """Return the findings on the laid-out pages: A4, type area, 22 × 28, page-number position.

    With `segment`, the lines of the title and the 发文机关标志 are checked for whole words.
    """
    out = _Collector()
    if render.pages:
        for group in _large_line_groups(render.pages[0]):
            _title_breaks([line.text for line in group], segment, out, "第 1 页标题", group)
    left, right = MARGINS_MM[2] / MM_PER_PT, (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    top, bottom = MARGINS_MM[0] / MM_PER_PT, (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT
    slack = TOLERANCE_MM / MM_PER_PT
    limits = [_body_lines(page.height) for page in render.pages]
    bodies = [
        [line for line in page.lines if line.top < limit]
        for page, limit in zip(render.pages, limits, strict=True)
    ]
    for index, (page, limit, body) in enumerate(zip(render.pages, limits, bodies, strict=True)):
        where = f"第 {page.number} 页"
        if abs(page.width * MM_PER_PT - A4_MM[0]) > 1 or abs(page.height * MM_PER_PT - A4_MM[1]) > 1:
            out.add("5.1", "排版后的页面不是 A4 纵向", "页面设置 → 纸张选 A4，方向纵向", where)
        footer = [line for line in page.lines if line.top >= limit]
        for line in body:
            if (
                line.x0 < left - slack
                or line.x1 > right + slack
                or line.top < top - slack
                or line.bottom > bottom + slack
            ):
                out.add(
                    "5.2.1",
                    "有文字排到了版心（156×225 mm）之外",
                    "检查页边距和段落缩进，文字应在版心之内",
                    where,
                    [line],
                )
                break
        _lines_per_page(page.number, body, bodies[index + 1] if index + 1 < len(bodies) else [], out)
        _line_fill(page.number, body, out)
        _page_number(page.number, footer, out)
    _signature(render, right, out)
    _colophon_place(render, bottom, out)
    return out.findings()


def _large_line_groups(page: PageBox) -> list[list[LineBox]]:
    """Return the runs of consecutive lines set larger than 二号 less a point: the title, the 发文机关标志."""
    return [list(group) for large, group in groupby(page.lines, key=lambda line: line.size >= 21) if large]


def _colophon_place(render: RenderFacts, bottom: float, out: _Collector) -> None:
    """Flag a 版记 off the bottom of the last page's type area or on an odd page (§7.4.1).

    Also flags page numbers on the 版记 page and on the blank page before it (§7.5).
    """
    for index, page in enumerate(render.pages):
        printed = [
            line
            for line in page.lines
            if "印发" in line.text and _DATE.search(line.text.replace(" ", "")) and abs(line.size - 14) < 0.6
        ]
        if not printed:
            continue
        line, where = printed[-1], f"第 {page.number} 页"
        if page is not render.pages[-1] or bottom - line.bottom > LINE_PT:
            out.add(
                "7.4.1",
                f"版记没有排在最后一页版心的下边缘（印发日期一行距版心下边缘 "
                f"{(bottom - line.bottom) * MM_PER_PT:.0f} mm）",
                "把版记（抄送、印发机关和印发日期）移到最后一页的最下方，末条分隔线与版心下边缘重合",
                where,
            )
        if page.number % 2:
            out.add(
                "7.4.1",
                "版记应排在偶数页（最后一页为封四）",
                "在版记前插入“偶数页”分节符（布局 → 分隔符 → 偶数页），正文末页为偶数页时会留一空白页",
                where,
            )
        before = render.pages[index - 1] if index else None
        if before is not None and not [x for x in before.lines if x.top < _body_lines(before.height)]:
            numbered = [p.number for p in (before, page) if _numbered(p)]
            if numbered:
                out.add(
                    "7.5",
                    "版记页前有空白页的，空白页和版记页均不编排页码",
                    "版记所在节的页脚取消“链接到前一节”，删去页码",
                    "、".join(f"第 {n} 页" for n in numbered),
                )


def _numbered(page: PageBox) -> bool:
    """Return True when the page shows a page number under its type area."""
    limit = _body_lines(page.height)
    return any(line.top >= limit and any(ch.isdigit() for ch in line.text) for line in page.lines)


def _signature(render: RenderFacts, right: float, out: _Collector) -> None:
    """Measure 署名 and 成文日期 (§7.3.5), sealed or unsealed.

    Sealed: the date 右空四字, the organ centred over it. Unsealed: the organ 右空二字 and the date's first
    character two characters right of the organ's (a longer date 右空二字 instead). A date whose digits
    render wider than half a character (a substituted font) moves what is placed from it by that excess:
    within it, the position is the font's doing, not the document's.
    """
    found = _signature_lines(render)
    if found is None:
        return
    page, organ, dated = found
    size = CHAR_PT
    organ_gap, date_gap = (right - organ.x1) / size, (right - dated.x1) / size
    shift = (dated.x0 - organ.x0) / size
    centre = ((dated.x0 + dated.x1) - (organ.x0 + organ.x1)) / 2 / size
    excess = max(0.0, (dated.x1 - dated.x0) / size - text_width(dated.text.strip()))
    close = 0.35
    wanted = sealed_date_right(text_width(organ.text.strip()), text_width(dated.text.strip()))
    sealed = abs(date_gap - wanted) <= close and abs(centre) <= close + excess / 2
    unsealed = abs(shift - UNSEALED_DATE_SHIFT) <= close + excess and (
        abs(organ_gap - UNSEALED_ORGAN_RIGHT) <= close or abs(date_gap - UNSEALED_ORGAN_RIGHT) <= close
    )
    if not (sealed or unsealed):
        out.add(
            "7.3.5",
            f"署名右空 {organ_gap:.1f} 字、日期右空 {date_gap:.1f} 字，日期首字比署名首字右移 {shift:.1f} 字："
            "加盖印章时日期应右空四字、署名居中其上；不加盖印章时署名右空二字、日期首字右移二字",
            "按 GB/T 9704 7.3.5 调整署名和成文日期的缩进",
            f"第 {page} 页",
            [organ, dated],
        )


def _signature_lines(render: RenderFacts) -> tuple[int, LineBox, LineBox] | None:
    """Return the page, the organ's line and the date's line of the signature (the last dated line)."""
    for page in reversed(render.pages):
        lines = [line for line in page.lines if line.text.strip()]
        for index in range(len(lines) - 1, 0, -1):
            line = lines[index]
            if _DATE.fullmatch(line.text.replace(" ", "")) and lines[index - 1].top < line.top:
                above = lines[index - 1]
                if line.top - above.bottom < LINE_PT and not _DATE.search(above.text):
                    return page.number, above, line
    return None


def _lines_per_page(number: int, body: list[LineBox], following: list[LineBox], out: _Collector) -> None:
    """Flag a full page of 三号 text that does not hold 22 lines.

    A page is full when the body text goes on overleaf; it may end short when what follows is a heading
    kept with its text (§5.2.3 allows it), and the body's last page is not counted.
    """
    text = [line for line in following if line.text.strip()]
    top = MARGINS_MM[0] / MM_PER_PT
    if (
        not text
        or not _body_size(text[0])
        or _heading_start(text[0])  # a heading kept with its text
        or text[0].top > top + LINE_PT / 2  # the page ended in empty lines
        or any(_DATE.fullmatch(line.text) for line in text)  # the closing kept with the signature
    ):
        return
    if not body or not all(_body_size(line) for line in body):
        return  # a page with the title, the letterhead or other sizes: lines are not counted
    tops = sorted(line.top for line in body)
    lines = round((tops[-1] - tops[0]) / LINE_PT) + 1
    if lines != 22 and (tops[-1] - tops[0]) > 15 * LINE_PT:
        out.add(
            "5.2.3",
            f"满页排了 {lines} 行，应为 22 行",
            "段落行距设为固定值 28.95 磅，文档网格每页 22 行",
            f"第 {number} 页",
        )


def _line_fill(number: int, body: list[LineBox], out: _Collector) -> None:
    """Flag a line running on into the next that does not hold 28 characters, in character widths.

    Digits and Latin letters count as the fraction of a character they measure (half in 仿宋_GB2312). A line
    may hold less when the next line's first token could not fit (an unbreakable number or word, or a
    character with the punctuation that may not begin a line: NO_LINE_START in format_facts).
    """
    left, right = MARGINS_MM[2] / MM_PER_PT, (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    for line, after in pairwise(body):
        runs_on = (
            _body_size(line)
            and _body_size(after)
            and abs(after.top - line.top - LINE_PT) < 3
            and abs(after.x0 - left) < 3
            and line.x1 > right - CHAR_PT
            and line.x0 < left + 2 * CHAR_PT + 3
        )
        if not runs_on:
            continue
        indent = round((line.x0 - left) / CHAR_PT)
        held = indent + _units(line.text, line)
        token = _first_token(after.text)
        lead = _units(token, after) + AUTOSPACE * _joints(line.text[-1:] + token)
        spaced = held + AUTOSPACE * _joints(line.text)
        if held > CHARS_PER_LINE + 0.3 or spaced + lead <= CHARS_PER_LINE + 0.02:
            out.add(
                "5.2.3",
                f"满行排了 {held:.3g} 个字，应为 {CHARS_PER_LINE} 个字",
                "正文字符间距设为紧缩 0.25 磅（或文档网格每行 28 字），段落设为两端对齐",
                f"第 {number} 页“{line.text[:8]}…”",
                [line, after],
            )


def _body_size(line: LineBox) -> bool:
    return abs(line.size - 16) < 0.6


def _heading_start(line: LineBox) -> bool:
    """Return True when `line` begins a heading (一、 （一） 1. （1）) at the paragraph indent."""
    indent = line.x0 - MARGINS_MM[2] / MM_PER_PT
    return abs(indent - 2 * CHAR_PT) < 4 and any(pattern.match(line.text) for pattern, *_ in _LEVELS)


def _units(text: str, line: LineBox) -> float:
    """Return the width of the start of `line`'s text in characters: 汉字 one, others as measured."""
    wide = [w for ch, w in zip(line.text, line.widths, strict=False) if is_wide(ch)]
    em = median(wide) if wide else line.size
    widths = line.widths or tuple(em if is_wide(ch) else em / 2 for ch in line.text)
    return sum(1.0 if is_wide(ch) else w / em for ch, w in zip(text, widths, strict=False))


def _joints(text: str) -> int:
    """Count where full-width characters meet digits, Latin letters or signs: renderers may space them."""
    kinds = [is_wide(ch) if (ch.isascii() and ch.isprintable()) or is_wide(ch) else None for ch in text]
    return sum(1 for a, b in pairwise(kinds) if a is not None and b is not None and a != b)


def _first_token(text: str) -> str:
    """Return the start of a line that could not be split from its first character."""
    i = 0
    while i < len(text) and text[i] in NO_LINE_END:
        i += 1
    if i < len(text):
        if text[i].isascii() and text[i].isalnum():
            while i < len(text) and text[i].isascii() and (text[i].isalnum() or text[i] in ".,%-+/:'"):
                i += 1
        elif text[i] in "—…":
            first = text[i]
            while i < len(text) and text[i] == first:
                i += 1
        else:
            i += 1
    while i < len(text) and (text[i] in NO_LINE_START or text[i] in ")]%"):
        i += 1
    if 0 < i < len(text) and text[i - 1] in NO_LINE_START and text[i].isascii():
        i += len(_first_token(text[i:]))  # a Latin word or number after a 。 or ， is not broken from it
    return text[:i]


def _page_number(number: int, footer: list, out: _Collector) -> None:  # type: ignore[type-arg]
    where = f"第 {number} 页"
    digits = [line for line in footer if any(ch.isdigit() for ch in line.text)]
    if not digits:
        return
    line = digits[0]
    right_edge = (A4_MM[0] - MARGINS_MM[3]) / MM_PER_PT
    left_edge = MARGINS_MM[2] / MM_PER_PT
    one_char = 14
    if number % 2 and abs(line.x1 - (right_edge - one_char)) > 4 / MM_PER_PT:
        out.add("7.5", "单页码应居右空一字", "奇数页页码右对齐，右缩进一字", where, [line])
    if not number % 2 and abs(line.x0 - (left_edge + one_char)) > 4 / MM_PER_PT:
        out.add("7.5", "双页码应居左空一字", "偶数页页码左对齐，左缩进一字", where, [line])
    # a CJK 一字线 is drawn across the middle of its em box: that is where the 7 mm are measured
    dash_mm = ((line.top + line.bottom) / 2 - (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT) * MM_PER_PT
    if abs(dash_mm - PAGE_NUMBER_GAP_MM) > 1.5:
        out.add(
            "7.5",
            f"页码的一字线距版心下边缘 {dash_mm:.1f} mm，应为 {PAGE_NUMBER_GAP_MM:g} mm",
            "调整页脚距边界（约 2.6 厘米）",
            where,
        )
