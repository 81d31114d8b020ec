"""The report as HTML for the preview pane: the same content the .docx carries, in the same order."""

from __future__ import annotations

from html import escape

from desktop.domain.reporting.report import Report, date_text

_PAGE = "font-family:'仿宋_GB2312','仿宋','FangSong',serif; font-size:16pt; line-height:150%;"


def _p(text: str, style: str = "") -> str:
    return f"<p style='margin:0; text-indent:2em; {style}'>{escape(text)}</p>"


def report_html(report: Report) -> str:
    """Return the report laid out as simple HTML (版头, title, body, signature, 版记)."""
    parts = [f'<div style="{_PAGE}">']
    if report.letterhead:
        head = report.letterhead
        parts.append(
            f"<p align='center' style='color:#e00000; font-size:26pt; margin:0'>{escape(head.organ)}</p>"
            f"<table width='100%' style='border-bottom:2px solid #e00000'><tr><td>　{escape(head.doc_number)}</td>"
            f"<td align='right'>签发人：{escape(head.signer)}　</td></tr></table><br/>"
        )
    parts.append(f"<p align='center' style='font-size:22pt; margin:0 0 12pt 0'>{escape(report.title)}</p>")
    if report.addressee:
        parts.append(f"<p style='margin:0'>{escape(report.addressee.rstrip('：:'))}：</p>")
    parts.append(_p(report.opening))
    for section in report.sections:
        parts.append(_p(section.heading, "font-family:'黑体','SimHei',sans-serif"))
        for entry in section.entries:
            parts.append(
                f"<p style='margin:0; text-indent:2em'><b>{escape(entry.heading)}</b>{escape(entry.progress[0])}</p>"
            )
            parts.extend(_p(text) for text in entry.progress[1:])
            parts.extend(_p(("存在问题：" if i == 0 else "") + t) for i, t in enumerate(entry.problems))
            parts.extend(_p(("下步计划：" if i == 0 else "") + t) for i, t in enumerate(entry.next_steps))
            if entry.attachments:
                parts.append(_p("佐证材料：" + "；".join(entry.attachments) + "。"))
    parts.append(_p(report.closing))
    parts.append(f"<br/><p align='right' style='margin:0'>{escape(report.organ)}　　</p>")
    parts.append(f"<p align='right' style='margin:0'>{date_text(report.dated)}　　</p>")
    if report.colophon:
        c = report.colophon
        copy = f"抄送：{escape(c.copy_to.rstrip('。'))}。<br/>" if c.copy_to else ""
        parts.append(
            "<br/><p style='font-size:14pt; border-top:2px solid black; border-bottom:2px solid black'>"
            f"{copy}{escape(c.printer)}　　{date_text(c.printed_on)}印发</p>"
        )
    parts.append("</div>")
    return "".join(parts)
