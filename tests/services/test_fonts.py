"""The missing-font note of 生成报告 and the font-dependent findings of 格式检查."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.gongwen.findings import Finding
from desktop.domain.gongwen.fonts import OFFICIAL_FONTS, font_gaps
from desktop.importers.font_files import installed_families
from desktop.services import fonts as font_service
from desktop.services.format_check import CheckResult


def test_the_missing_fonts_are_those_this_pcs_font_folders_lack() -> None:
    gaps = font_service.missing_fonts()
    assert gaps == font_gaps(installed_families())
    assert {gap.font.name for gap in gaps} <= {font.name for font in OFFICIAL_FONTS}


def test_only_findings_measured_in_the_documents_own_widths_fail_a_file() -> None:
    own = Finding("5.2.3", "满行排了 27 个字，应为 28 个字", "…", "第 1 页")
    stood = Finding("5.2.3", "满行排了 26 个字，应为 28 个字", "…", "第 2 页", stand_in="MicrosoftYaHei")
    assert not CheckResult(Path("a.docx"), [own, stood], rendered=True).passed
    excused = CheckResult(Path("a.docx"), [stood], rendered=True)
    assert excused.passed and excused.font_dependent == [stood] and excused.faults == []
