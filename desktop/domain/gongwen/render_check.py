"""格式检查 of a rendering: GB/T 9704-2012 measured on the laid-out pages.

A4, the type area, 22 lines of 28 characters, page numbers, the signature and the 版记, within the
standard's print tolerance (§6: type area ±1 mm).
"""

from __future__ import annotations

from itertools import groupby, pairwise
from statistics import median

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
    CHAR_PT,
    CHARS_PER_LINE,
    DASH_INK_EM,
    MARGINS_MM,
    MM_PER_PT,
    NO_LINE_END,
    NO_LINE_START,
    PAGE_NUMBER_GAP_MM,
    UNSEALED_DATE_SHIFT,
    UNSEALED_ORGAN_RIGHT,
    LineBox,
    PageBox,
    RenderFacts,
    is_wide,
    sealed_date_right,
    text_width,
)

LINE_PT = 225 / 22 / MM_PER_PT
# The signature as found on the pages: its page, the organ's last line, the date's line, the organ's width.
Signed = tuple[int, LineBox, LineBox, float]
# The space LibreOffice puts where 汉字 meet digits or Latin letters (中西文间距, a quarter of a character;
# it does not read Word's autoSpaceDE/autoSpaceDN switches, which the report sets off): a line with such
# joints holds that much less.
AUTOSPACE = 0.25


def _body_lines(page_height: float) -> float:
    """Return the y (pt) below which text belongs to the footer (a little under the type area)."""
    return min(page_height, (A4_MM[1] - MARGINS_MM[1] + 3) / MM_PER_PT)


def check_rendering(render: RenderFacts, segment: Segmenter | None = None) -> list[Finding]:
    """Return the findings on the laid-out pages: A4, type area, 22 × 28, page-number position.

    With `segment`, the lines of the title and the 发文机关标志 are checked for whole words.
    """
    out = Collector()
    if render.pages:
        for group in _large_line_groups(render.pages[0]):
            title_breaks([line.text for line in group], segment, out, "第 1 页标题", group)
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
    signed = _signature_lines(render)
    if signed is not None:
        _signature(signed, right, out)
        _signature_alone(render, signed, out)
    _colophon_place(render, bottom, out)
    return out.findings()


def _large_line_groups(page: PageBox) -> list[list[LineBox]]:
    """Return the runs of consecutive lines set larger than 二号 less a point: the title, the 发文机关标志."""
    return [list(group) for large, group in groupby(page.lines, key=lambda line: line.size >= 21) if large]


def _colophon_place(render: RenderFacts, bottom: float, out: Collector) -> None:
    """Flag a 版记 off the bottom of the last page's type area or on an odd page (§7.4.1).

    Also flags page numbers on the 版记 page and on the blank page before it (§7.5).
    """
    for index, page in enumerate(render.pages):
        lines = [line for line in page.lines if "印发" in line.text and abs(line.size - 14) < 0.6]
        printed = [line for line in lines if DATE.search(line.text.replace(" ", ""))]
        split = [line for line in lines if line not in printed]
        if split:
            out.add(
                "7.4.2",
                "印发日期被拆到了两行（如“2026 / 年4月3日印发”）",
                "印发机关太长时让它自己回行，印发日期另起一行居右，保持完整",
                f"第 {page.number} 页",
                split,
            )
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
            _blank_wasted(render.pages[index - 2] if index >= 2 else None, page, bottom, out)
            numbered = [p.number for p in (before, page) if _numbered(p)]
            if numbered:
                out.add(
                    "7.5",
                    "版记页前有空白页的，空白页和版记页均不编排页码",
                    "版记所在节的页脚取消“链接到前一节”，删去页码",
                    "、".join(f"第 {n} 页" for n in numbered),
                )


def _blank_wasted(body_page: PageBox | None, page: PageBox, bottom: float, out: Collector) -> None:
    """Flag a blank page before the 版记 when the body's last page, even, had room for it (§7.4.1).

    The 版记's height is measured on its own page, from its first line (抄送 or 印发机关) to the type
    area's bottom edge, plus a line between it and the signature.
    """
    if body_page is None or body_page.number % 2:
        return
    limit = _body_lines(body_page.height)
    body = [line for line in body_page.lines if line.top < limit]
    colophon = [line for line in page.lines if line.top < _body_lines(page.height)]
    if not body or not colophon:
        return
    height = bottom - min(line.top for line in colophon) + LINE_PT
    if bottom - max(line.bottom for line in body) >= height + LINE_PT:
        out.add(
            "7.4.1",
            f"第 {body_page.number} 页（偶数页）正文下方还有位置排版记，却另起一页并多出一张空白页",
            "删去版记前的“偶数页”分节符，把版记排在正文末页的最下方",
            f"第 {page.number} 页",
        )


def _numbered(page: PageBox) -> bool:
    """Return True when the page shows a page number under its type area."""
    limit = _body_lines(page.height)
    return any(line.top >= limit and any(ch.isdigit() for ch in line.text) for line in page.lines)


def _signature(signed: Signed, right: float, out: Collector) -> None:
    """Measure 署名 and 成文日期 (§7.3.5), sealed or unsealed.

    Sealed: the date 右空四字, the organ centred over it. Unsealed: the organ 右空二字 and the date's first
    character two characters right of the organ's (a longer date 右空二字 instead). A date whose digits
    render wider than half a character (a substituted font) moves what is placed from it by that excess:
    within it, the position is the font's doing, not the document's.
    """
    page, organ, dated, widest = signed
    size = CHAR_PT
    organ_gap, date_gap = (right - organ.x1) / size, (right - dated.x1) / size
    shift = (dated.x0 - organ.x0) / size
    centre = ((dated.x0 + dated.x1) - (organ.x0 + organ.x1)) / 2 / size
    excess = max(0.0, (dated.x1 - dated.x0) / size - text_width(dated.text.strip()))
    close = 0.35
    wanted = sealed_date_right(widest, text_width(dated.text.strip()))
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


CLOSINGS = ("特此报告。", "特此报告", "特此函告。", "特此请示。", "特此通知。", "以上报告，请审阅。")


def _signature_alone(render: RenderFacts, signed: Signed, out: Collector) -> None:
    """Flag a signature page with no body text above the signature but a closing phrase (§7.3.5).

    A signature may not stand on a page of its own; "特此报告。" alone above it is no better.
    """
    number, organ, _, _ = signed
    page = next(p for p in render.pages if p.number == number)
    limit = _body_lines(page.height)
    above = [
        line.text.replace(" ", "")
        for line in page.lines
        if line.top < limit and line.bottom <= organ.top and abs(line.size - 16) < 0.6
    ]
    if number > 1 and all(text in CLOSINGS or not text for text in above):
        out.add(
            "7.3.5",
            "署名和日期所在页除“特此报告”外没有正文",
            "调整行距或字距，使正文最后几行与署名、日期同页",
            f"第 {number} 页",
        )


def _signature_lines(render: RenderFacts) -> Signed | None:
    """Return the signature's page, the organ's last line, the date's line and the organ's widest width.

    The signature is the last dated line; a long organ takes two lines or more, the widest of which
    places the sealed date.
    """
    for page in reversed(render.pages):
        lines = [line for line in page.lines if line.text.strip()]
        for index in range(len(lines) - 1, 0, -1):
            line = lines[index]
            if DATE.fullmatch(line.text.replace(" ", "")) and lines[index - 1].top < line.top:
                above = lines[index - 1]
                if line.top - above.bottom < LINE_PT and not DATE.search(above.text):
                    widths = [text_width(above.text.strip())]
                    for upper in reversed(lines[: index - 1]):  # the organ's earlier lines, right above
                        if above.top - upper.bottom >= LINE_PT or upper.top >= above.top:
                            break
                        widths.append(text_width(upper.text.strip()))
                        above = upper
                    return page.number, lines[index - 1], line, max(widths)
    return None


def _lines_per_page(number: int, body: list[LineBox], following: list[LineBox], out: Collector) -> None:
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
        or any(DATE.fullmatch(line.text) for line in text)  # the closing kept with the signature
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


def _line_fill(number: int, body: list[LineBox], out: Collector) -> None:
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
    return abs(indent - 2 * CHAR_PT) < 4 and any(pattern.match(line.text) for pattern, *_ in LEVELS)


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


def _page_number(number: int, footer: list, out: Collector) -> None:  # type: ignore[type-arg]
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
    # the 7 mm are measured to the dash's ink, DASH_INK_EM above the baseline (the line's bottom)
    ink = line.bottom - DASH_INK_EM * line.size
    dash_mm = (ink - (A4_MM[1] - MARGINS_MM[1]) / MM_PER_PT) * MM_PER_PT
    if abs(dash_mm - PAGE_NUMBER_GAP_MM) > TOLERANCE_MM:
        out.add(
            "7.5",
            f"页码的一字线距版心下边缘 {dash_mm:.1f} mm，应为 {PAGE_NUMBER_GAP_MM:g} mm",
            "调整页脚距边界（约 2.6 厘米）",
            where,
        )
