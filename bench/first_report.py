"""The first report of a fresh process: python-docx already loaded, the title segmenter not yet.

Prints two numbers (seconds): writing the report (rjieba's dictionary built on the way), then the bare
python-docx floor for the same paragraphs, written right after. Run by bench/exports.py as a subprocess.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.exports import NOTE, Q1, _bare_docx, _measures, _report_paragraphs
from desktop.domain.reporting.report import ReportOptions, build_report
from desktop.exporters.report_docx import write_report


def main() -> None:
    """Time the first write_report and a bare write in this fresh process."""
    assert NOTE and Q1 is not None
    report = build_report(
        _measures(17),
        period=Q1,
        options=ReportOptions(),
        organ="单位",
        plan_refs="《某方案》",
        today=date(2026, 4, 3),
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _bare_docx(["预热"], folder / "warm.docx")  # python-docx's own first use is not ours to count
        assert "rjieba" not in sys.modules
        start = time.perf_counter()
        write_report(report, folder / "first.docx")
        ours = time.perf_counter() - start
        start = time.perf_counter()
        _bare_docx(_report_paragraphs(report), folder / "bare.docx")
        print(ours, time.perf_counter() - start)


if __name__ == "__main__":
    main()
