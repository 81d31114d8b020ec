"""格式检查: check any .docx against GB/T 9704-2012, from its XML and (with LibreOffice) from its layout."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.gongwen.findings import Finding
from desktop.domain.gongwen.format_check import check_document
from desktop.domain.gongwen.render_check import check_rendering
from desktop.exporters import office_pdf
from desktop.exporters.words import words
from desktop.importers import rendering
from desktop.services.locations import resource_path

# The readers (python-docx, pdfplumber) are imported when a check runs: the window starts without them.


@dataclass(frozen=True)
class CheckResult:
    """The findings, and whether the layout was measured in a real rendering."""

    path: Path
    findings: list[Finding]
    rendered: bool
    pages: int | None = None

    @property
    def faults(self) -> list[Finding]:
        """Return the findings that are the document's: measured in its own fonts, or not by font."""
        return [f for f in self.findings if not f.stand_in]

    @property
    def font_dependent(self) -> list[Finding]:
        """Return the findings measured in faces standing in for fonts this PC lacks: maybe theirs."""
        return [f for f in self.findings if f.stand_in]

    @property
    def passed(self) -> bool:
        """Return True when nothing departs from the standard (font-dependent findings aside)."""
        return not self.faults


def fontconfig_file() -> Path:
    """Return the font aliases that map the Windows 公文 fonts to free faces when rendering on Linux."""
    return resource_path("fonts", "fonts.conf")


def office_available() -> bool:
    """Return True when LibreOffice is installed for measuring layouts and previews."""
    return office_pdf.find_libreoffice() is not None


def render_pdf(source: Path, out_dir: Path, *, should_stop: Callable[[], bool] | None = None) -> Path:
    """Lay a .docx or .xlsx out with LibreOffice, the renderer the checks are measured against, as PDF.

    Raises office_pdf.OfficeError when LibreOffice is missing or makes no PDF.
    """
    office = office_pdf.libreoffice()
    if office is None:
        raise office_pdf.OfficeError("LibreOffice is not installed")
    return office_pdf.to_pdf(source, out_dir, office, fontconfig=fontconfig_file(), should_stop=should_stop)


def check_file(
    path: Path, *, render: bool = True, should_stop: Callable[[], bool] | None = None
) -> CheckResult:
    """Check `path`; raises LuoshiError when it is not a readable .docx."""
    from desktop.importers.docx_layout import read_layout  # python-docx: loaded to read

    findings = check_document(read_layout(path), words)
    if not (render and office_available()):
        return CheckResult(path, findings, rendered=False)
    with tempfile.TemporaryDirectory(prefix="luoshi-check-") as folder:
        try:
            pdf = render_pdf(path, Path(folder), should_stop=should_stop)
        except office_pdf.OfficeError:
            return CheckResult(path, findings, rendered=False)
        layout = rendering.read_pdf_layout(pdf)
    return CheckResult(
        path, findings + check_rendering(layout, words), rendered=True, pages=len(layout.pages)
    )
