"""Render Word's automatic list numbers (w:numPr) as the text a reader sees: '1.', '（一）', '①'."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from desktop.domain.parsing.list_numbers import Level, ListCounters


def _val(element: Any, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None
    return (
        str(child.get(qn("w:val"))) if child is not None and child.get(qn("w:val")) is not None else default
    )


@dataclass
class ListNumbers:
    """Counters for every list in a document, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: ListCounters = field(default_factory=ListCounters)  # by abstractNumId

    @classmethod
    def from_document(cls, document: Any) -> ListNumbers:
        """Read numbering.xml (if any) into level definitions."""
        numbers = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbers
        abstracts: dict[str, dict[int, Level]] = {}
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
                    start=int(_val(lvl, "w:start", "1") or 1),
                    fmt=_val(lvl, "w:numFmt", "decimal"),
                    text=_val(lvl, "w:lvlText", "%1."),
                )
            abstracts[str(abstract.get(qn("w:abstractNumId")))] = levels
        for num in root.findall(qn("w:num")):
            num_id = str(num.get(qn("w:numId")))
            abstract_id = _val(num, "w:abstractNumId")
            numbers.abstract_of[num_id] = abstract_id
            numbers.levels[num_id] = dict(abstracts.get(abstract_id, {}))
        return numbers

    def prefix(self, paragraph: Any) -> str:
        """Return the number Word shows before `paragraph`, advancing the list's counters."""
        num_id, ilvl = self._num_pr(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.levels:
            return ""
        return self.counters.advance(self.abstract_of.get(num_id, num_id), self.levels[num_id], ilvl)

    @staticmethod
    def _num_pr(paragraph: Any) -> tuple[str | None, int]:
        for holder in (paragraph._p.pPr, getattr(paragraph.style, "element", None)):
            ppr = holder if holder is None or holder.tag == qn("w:pPr") else holder.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                return _val(num_pr, "w:numId") or None, int(_val(num_pr, "w:ilvl", "0") or 0)
        return None, 0
