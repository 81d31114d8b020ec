"""Web pages saved as plans: HTML and MHT (a web archive), whatever their name (.doc, .wps, .htm).

Government sites and OA systems often export a 'Word' file that is really HTML, or a single-file web
archive (MIME, as Word's 另存为单个文件网页 writes it). The page is parsed with lxml's HTML parser: block
elements become lines, tables stay tables (a cell's paragraphs and line breaks kept as line breaks), and
the plan is read from them as from a .docx. Scripts, styles and comments are never read.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

import lxml.html
from lxml import etree

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers.extracted import Extracted, plan_of
from desktop.importers.text_file import decode

# Elements whose end is a line break in the page as a browser shows it.
_BLOCKS = frozenset(
    ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "section", "article")
)
_MAX_SPAN = 60  # a colspan larger than any real task table (a hostile page's 10**9)
_SKIPPED = frozenset(("script", "style", "head", "noscript", "template", "xml"))
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def read_html(path: Path) -> Plan:
    """Return the plan in an HTML page."""
    return plan_of(extract_html(path), path)


def read_mht(path: Path) -> Plan:
    """Return the plan in a MHT web archive."""
    return plan_of(extract_mht(path), path)


def extract_html(path: Path) -> Extracted:
    """Return the lines and tables of an HTML page."""
    return _extract(_decode(path.read_bytes(), path), path)


def extract_mht(path: Path) -> Extracted:
    """Return the lines and tables of a MHT web archive: its first HTML part (else its text part)."""
    try:
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    except (ValueError, TypeError, LookupError):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    part = _part(message, "html") or _part(message, "plain")
    if part is None:
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path))
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path))
    charset = part.get_content_charset()
    text = _decode(payload, path, charset)
    if part.get_content_subtype() == "plain":
        text = "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
    return _extract(text, path)


def _part(message: email.message.Message, subtype: str) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_maintype() == "text" and part.get_content_subtype() == subtype:
            return part  # type: ignore[return-value]
    return None


def _decode(data: bytes, path: Path, charset: str | None = None) -> str:
    """Decode a page by its declared charset (header or <meta>), else by detection."""
    declared = charset or _meta_charset(data[:4096])
    if declared:
        try:
            return data.decode(_codec(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path=str(path))


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str) -> str:
    # Pages that say gb2312 or gbk hold GB18030's wider set in practice.
    return "gb18030" if name.lower().replace("-", "") in ("gb2312", "gbk", "gb18030", "cp936") else name


def _extract(markup: str, path: Path) -> Extracted:
    if not markup.strip():
        raise LuoshiError(ErrorCode.FILE_EMPTY, path=str(path))
    try:
        root = lxml.html.document_fromstring(
            markup.encode("utf-8"),
            parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True),
        )
    except (etree.ParserError, ValueError):
        raise LuoshiError(ErrorCode.CORRUPT, path=str(path)) from None
    found = Extracted()
    line: list[str] = []
    _walk(root, found, line)
    found.add_lines("".join(line))
    return found


def _walk(element: etree._Element, found: Extracted, line: list[str]) -> None:
    """Add the element's text to `line`, ending the line after a block and at <br>; tables as tables."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "table":
        _end(found, line)
        found.add_table([_row(tr) for tr in _rows(element)])
    elif tag not in _SKIPPED:
        if tag == "br":
            _end(found, line)
        line.append(element.text or "")
        for child in element:
            _walk(child, found, line)
        if tag in _BLOCKS:
            _end(found, line)
    line.append(element.tail or "")


def _end(found: Extracted, line: list[str]) -> None:
    text = "".join(line)
    if text.strip():
        found.add_lines(text)
    line.clear()


def _rows(table: etree._Element) -> list[etree._Element]:
    """Return the table's own rows (thead/tbody/tfoot included), not those of tables in its cells."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _row(tr: etree._Element) -> list[str]:
    cells: list[str] = []
    for cell in tr:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
            continue
        inner = Extracted()
        line: list[str] = [cell.text or ""]
        for child in cell:
            _walk(child, inner, line)
        _end(inner, line)
        lines = [x.strip() for x in inner.lines if x.strip()]
        lines += [c for t in inner.tables for r in t for c in r if c]  # a nested table's cells, as lines
        cells.extend(["\n".join(lines)] * _span(cell.get("colspan")))
    return cells


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), _MAX_SPAN))
    except ValueError:
        return 1
