"""Text similarity for matching measures across versions and returns (rapidfuzz, C speed)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

LIMIT = 10


def similar(query: str, choices: Sequence[str]) -> list[tuple[int, float]]:
    """Return the most similar choices as (index, score 0–100), best first."""
    found = process.extract(query, choices, scorer=fuzz.ratio, limit=LIMIT)
    return [(int(index), float(score)) for _, score, index in found]
