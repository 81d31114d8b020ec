"""Read a .docx's layout facts for the format check: page setup, grid, effective fonts, footers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer
from docx.styles.style import BaseStyle, CharacterStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.gongwen.format_facts import DocFacts, FooterFacts, ParaFacts, RunFacts
from desktop.importers.failures import unusable
from desktop.importers.safety import check_office_zip

_EMU_PER_MM = 36000


def _attr(element: BaseOxmlElement | None, tag: str, attr: str) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn(attr)) if found is not None else None


def _on(element: BaseOxmlElement | None, tag: str) -> bool | None:
    found = element.find(qn(tag)) if element is not None else None
    if found is None:
        return None
    return found.get(qn("w:val"), "true") not in ("0", "false", "off")


class _Resolver:
    """Effective run and paragraph properties: direct formatting, then the style chain, then the defaults."""

    def __init__(self, document: Document) -> None:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        self._rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")) if defaults is not None else None
        self._ppr = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr")) if defaults is not None else None

    @staticmethod
    def _chain(style: BaseStyle | None) -> Iterator[BaseOxmlElement]:
        seen = 0
        while style is not None and seen < 20:
            yield style.element
            style = style.base_style if isinstance(style, CharacterStyle) else None
            seen += 1

    def _r_props(
        self, run_rpr: BaseOxmlElement | None, style: BaseStyle | None
    ) -> list[BaseOxmlElement | None]:
        return [run_rpr, *(s.find(qn("w:rPr")) for s in self._chain(style)), self._rpr]

    def _p_props(self, ppr: BaseOxmlElement | None, style: BaseStyle | None) -> list[BaseOxmlElement | None]:
        return [ppr, *(s.find(qn("w:pPr")) for s in self._chain(style)), self._ppr]

    def run(self, rpr: BaseOxmlElement | None, style: BaseStyle | None) -> RunFacts:
        chain = self._r_props(rpr, style)

        def first(tag: str, attr: str) -> str | None:
            return next((v for v in (_attr(e, tag, attr) for e in chain) if v is not None), None)

        east = (
            first("w:rFonts", "w:eastAsia") or (first("w:rFonts", "w:eastAsiaTheme") and "（主题字体）") or ""
        )
        latin = first("w:rFonts", "w:ascii") or (first("w:rFonts", "w:asciiTheme") and "（主题字体）") or ""
        size = first("w:sz", "w:val")
        bold = next((b for b in (_on(e, "w:b") for e in chain) if b is not None), False)
        color = (first("w:color", "w:val") or "000000").upper()
        red = len(color) == 6 and color != "AUTO" and int(color[:2], 16) > 180 and int(color[2:4], 16) < 90
        return RunFacts(east, latin, float(size) / 2 if size else None, bold, red)

    def paragraph(self, paragraph: Paragraph, index: int, *, in_table: bool) -> ParaFacts:
        style = paragraph.style
        ppr = paragraph._p.pPr
        chain = self._p_props(ppr, style)
        align = next((v for v in (_attr(e, "w:jc", "w:val") for e in chain) if v), "left")
        line = next((v for v in (_attr(e, "w:spacing", "w:line") for e in chain) if v), None)
        rule = next((v for v in (_attr(e, "w:spacing", "w:lineRule") for e in chain) if v), None)
        runs = tuple(self.run(r._r.rPr, style) for r in paragraph.runs if r.text.strip())
        return ParaFacts(
            index=index,
            text=paragraph.text,
            align={"start": "left", "end": "right", "distribute": "both"}.get(align, align),
            runs=runs,
            line_twips=int(float(line)) if line else None,
            line_rule=rule or ("auto" if line else None),
            in_table=in_table,
        )


def _paragraphs(document: Document, resolver: _Resolver) -> tuple[ParaFacts, ...]:
    facts: list[ParaFacts] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        facts.append(resolver.paragraph(p, len(facts), in_table=True))
        else:
            facts.append(resolver.paragraph(block, len(facts), in_table=False))
    return tuple(facts)


def _footer(kind: str, footer: _Footer, resolver: _Resolver) -> FooterFacts | None:
    if footer.is_linked_to_previous and kind != "default":
        return None
    element = footer._element
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    paragraphs = [p for p in footer.paragraphs if p.text.strip() or any("PAGE" in i for i in instructions)]
    if not paragraphs:
        return None
    first = resolver.paragraph(paragraphs[0], 0, in_table=False)
    fonts = tuple(dict.fromkeys(f for r in first.runs for f in (r.east_asia, r.ascii) if f))
    return FooterFacts(
        kind=kind,
        text="".join(p.text for p in footer.paragraphs),
        has_page_field=any("PAGE" in i.upper() for i in instructions),
        align=first.align,
        size=next((r.size for r in first.runs if r.size), None),
        fonts=fonts,
    )


def read_layout(path: Path) -> DocFacts:
    """Return the layout facts of a .docx (first section's page setup; every footer)."""
    if path.suffix.lower() != ".docx":
        raise LuoshiError(ErrorCode.NOT_DOCX, path=str(path))
    check_office_zip(path)
    try:
        document = docx.Document(str(path))
        resolver = _Resolver(document)
        section = document.sections[0]
        grid = section._sectPr.find(qn("w:docGrid"))
        footers = []
        for sect in document.sections:
            for kind, footer in (
                ("default", sect.footer),
                ("even", sect.even_page_footer),
                ("first", sect.first_page_footer),
            ):
                found = _footer(kind, footer, resolver)
                if found is not None:
                    footers.append(found)
        return DocFacts(
            page_mm=((section.page_width or 0) / _EMU_PER_MM, (section.page_height or 0) / _EMU_PER_MM),
            margins_mm=tuple(  # type: ignore[arg-type]
                (m or 0) / _EMU_PER_MM
                for m in (
                    section.top_margin,
                    section.bottom_margin,
                    section.left_margin,
                    section.right_margin,
                )
            ),
            grid_type=grid.get(qn("w:type")) if grid is not None else None,
            grid_pitch=int(grid.get(qn("w:linePitch")))
            if grid is not None and grid.get(qn("w:linePitch"))
            else None,
            odd_even=document.settings.odd_and_even_pages_header_footer,
            paragraphs=_paragraphs(document, resolver),
            footers=tuple(footers),
        )
    except LuoshiError:
        raise
    except Exception as exc:  # a malformed part can fail python-docx in many ways: the file is unusable
        raise unusable(str(path), exc) from None
