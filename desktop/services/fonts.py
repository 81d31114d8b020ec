"""字体: which of the fonts a report names are missing on this PC, and what shows in their place."""

from __future__ import annotations

from functools import lru_cache

from desktop.domain.gongwen.fonts import FontGap, font_gaps


@lru_cache(maxsize=1)
def _installed() -> frozenset[str]:
    # Read once per session: fonts are seldom installed while the program runs, and a Windows font
    # folder of several hundred files takes about half a second to read.
    from desktop.importers.font_files import installed_families  # fontTools: loaded to read names

    return installed_families()


def missing_fonts() -> list[FontGap]:
    """Return the official fonts this PC lacks, each with the face Word/WPS show instead."""
    return font_gaps(_installed())
