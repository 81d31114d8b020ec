"""格式检查 of a .docx: GB/T 9704-2012 rules applied to its XML (page, grid, fonts, sizes, dates, footers).

The rendered layout is measured in desktop.domain.gongwen.render_check; both report desktop.domain.gongwen.findings.
"""

from __future__ import annotations

import re

from desktop.domain.gongwen.findings import (
    DATE,
    LEVELS,
    TOLERANCE_MM,
    Collector,
    Finding,
    Segmenter,
    title_breaks,
)
from desktop.domain.gongwen.format_facts import (
    A4_MM,
    MARGINS_MM,
    DocFacts,
    FooterFacts,
    ParaFacts,
)

PITCH_TWIPS = (560, 580)  # 22 lines in 225 mm: 28 pt (fills less) to 28.95 pt
_FANGSONG = ("仿宋", "FangSong")
_TITLE_FONTS = ("小标宋", "XiaoBiaoSong")
_SONG = ("宋体", "SimSun")
_CHINESE_DATE = re.compile(r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]+月")
_PADDED = re.compile(r"\d{4}年0\d月|月0\d日")


def _has(font: str, names: tuple[str, ...]) -> bool:
    return any(name.lower() in font.lower() for name in names)


def _where(p: ParaFacts) -> str:
    head = p.text.strip()[:12]
    return f"第 {p.index + 1} 段“{head}{'…' if len(p.text.strip()) > 12 else ''}”"


def _page(doc: DocFacts, out: Collector) -> None:
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


# A 层次序数 followed by a Latin or full-width full stop it does not take: "（一）." "一、." "1（1）." (§7.3.3)
_LABEL_STOP = re.compile(
    r"^(（[一二三四五六七八九十百]+）|[一二三四五六七八九十百]+、|\d+（\d+）|（\d+）)\s*[.．。]"
)


def _label(p: ParaFacts, out: Collector) -> None:
    found = _LABEL_STOP.match(p.text.strip())
    if found:
        out.add(
            "7.3.3",
            f"层次序数“{found.group(1)}”后多了“{found.group(0)[-1]}”（序数为一、（一）1.（1），括号和顿号后不加点号）",
            f"删去“{found.group(1)}”后的“{found.group(0)[-1]}”",
            _where(p),
        )


def _fonts(p: ParaFacts, out: Collector) -> None:
    first = next((r for r in p.runs if r.east_asia or r.size), None)
    if first is None:
        return
    for pattern, level, names, shown in LEVELS:
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


def _title(p: ParaFacts, out: Collector, segment: Segmenter | None = None) -> None:
    title_breaks(p.text.split("\n"), segment, out, _where(p))
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


def _dates(p: ParaFacts, out: Collector) -> None:
    text = p.text.strip()
    if _CHINESE_DATE.search(text):
        out.add(
            "7.3.5.4",
            "日期应使用阿拉伯数字（如 2026年3月31日），不用汉字数字",
            "把日期改为阿拉伯数字，年份写全",
            _where(p),
        )
    elif DATE.search(text) and _PADDED.search(text):
        out.add(
            "7.3.5.4",
            "日期的月、日不编虚位（写 2026年3月1日，不写 2026年03月01日）",
            "去掉月、日前面的 0",
            _where(p),
        )


def _colophon(p: ParaFacts, out: Collector) -> None:
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


def _footers(doc: DocFacts, out: Collector) -> None:
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


def _footer(footer: FooterFacts, odd_even: bool, out: Collector) -> None:
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


def _colophon_start(paragraphs: tuple[ParaFacts, ...] | list[ParaFacts]) -> int:
    """Return the index where the 版记 starts (its 抄送, or its 印发 line), or one past the end.

    A long 印发机关 stands on its own line above the date ('2026年4月3日印发' alone): it belongs to the 版记.
    """
    filled = [p for p in paragraphs if p.text.strip()]
    for i, p in enumerate(filled):
        text = p.text.strip()
        if text.startswith("抄送"):
            return p.index
        if "印发" in text and DATE.search(text):
            alone = DATE.sub("", text).replace("印发", "").strip() == ""
            return filled[i - 1].index if alone and i else p.index
    return max((p.index for p in paragraphs), default=-1) + 1


def check_document(doc: DocFacts, segment: Segmenter | None = None) -> list[Finding]:
    """Return the findings on page setup, fonts and sizes per level, title, dates, 版记 and page numbers.

    With `segment`, a title broken by hand (line breaks) is checked for whole words.
    """
    out = Collector()
    _page(doc, out)
    title_done = False
    colophon = _colophon_start(doc.paragraphs)
    for p in doc.paragraphs:
        text = p.text.strip()
        if not text or not p.runs:
            continue
        if p.index >= colophon:
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
        _label(p, out)
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
