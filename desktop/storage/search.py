"""Find measures by words in their text or in any note: the FTS5 character index, or a scan.

The scan serves databases made by an SQLite without FTS5.
"""

from __future__ import annotations

import sqlite_utils

from desktop.storage import char_index

_CURRENT = "SELECT current_version_id FROM plans"
_NARROW_LIMIT = 500  # candidates few enough to read by the measure_id index


def has_index(db: sqlite_utils.Database) -> bool:
    """Return True when the database has the search index."""
    return char_index.present(db)


def _scanned(db: sqlite_utils.Database, word: str, among: set[int] | None) -> set[int]:
    """Return measures holding `word` in their text or some note: one pass over the rows.

    When earlier words left few candidates, only their rows are read.
    """
    narrow = ""
    if among is not None and len(among) <= _NARROW_LIMIT:
        narrow = f"AND measure_id IN ({', '.join(str(int(i)) for i in among)})"
    rows = db.execute(
        f"""SELECT measure_id FROM measure_revisions
            WHERE version_id IN ({_CURRENT}) AND instr(text, :w) > 0 {narrow}
            UNION
            SELECT measure_id FROM notes
            WHERE (instr(progress, :w) > 0 OR instr(problems, :w) > 0 OR instr(next_steps, :w) > 0) {narrow}""",
        {"w": word},
    )
    return {r[0] for r in rows}


def search_measures(db: sqlite_utils.Database, words: list[str]) -> set[int]:
    """Return the ids of measures whose text or notes contain every word."""
    indexed = has_index(db)
    found: set[int] | None = None
    for word in sorted(words, key=len, reverse=True):  # the longest word narrows most
        hits = char_index.find(db, word) if indexed else _scanned(db, word, found)
        found = hits if found is None else found & hits
        if not found:
            return set()
    return found or set()
