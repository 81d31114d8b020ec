"""PDF 副本: a PDF beside the report or ledger, made by the office program installed on this PC."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.exporters import office_pdf
from desktop.exporters.atomic import write_atomically


def converters(suffix: str) -> list[str]:
    """Return the names of the programs here that can make a PDF of a `suffix` file, preferred first."""
    return [office.name for office in office_pdf.converters(suffix)]


def make_pdf_copy(
    source: Path,
    *,
    offices: list[office_pdf.Office] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Write <source>.pdf beside `source`, whole or not at all, with the first program that manages it.

    Uses the fonts this PC has (the PDF shows what its printer would print). Raises LuoshiError when no
    program is installed, or when each one tried failed.
    """
    if offices is None:
        offices = office_pdf.converters(source.suffix.lower())
    if not offices:
        code = ErrorCode.PDF_BY_HAND if office_pdf.wps_without_automation() else ErrorCode.NO_PDF_CONVERTER
        raise LuoshiError(code, path=source.name)
    target = source.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="luoshi-pdf-") as folder:
        for office in offices:
            try:
                pdf = office_pdf.to_pdf(source, Path(folder), office, should_stop=should_stop)
            except office_pdf.OfficeError:
                continue  # the next program may manage it
            write_atomically(target, partial(shutil.copyfile, pdf))
            return target
    raise LuoshiError(ErrorCode.PDF_FAILED, path=target.name, value="、".join(o.name for o in offices))
