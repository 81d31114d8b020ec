"""Find measures by words in their text or in any note.

FTS5 trigram for words of three characters or more, the character index for shorter ones, and a
scan where the SQLite that made the database had no FTS5.
"""

from __future__ import annotations

import sqlite_utils

from desktop.storage import char_index

# The trigram tokenizer indexes runs of three characters; shorter words need a scan.
MIN_INDEXED = 3

_CURRENT = "SELECT current_version_id FROM plans"
_NARROW_LIMIT = 500  # candidates few enough to read by the measure_id index


def has_index(db: sqlite_utils.Database) -> bool:
    """Return True when the database has the full-text tables (SQLite had trigram when it was made)."""
    return "notes_fts" in db.table_names() and "measures_fts" in db.table_names()


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _indexed(db: sqlite_utils.Database, word: str) -> set[int]:
    phrase = _phrase(word)
    rows = db.execute(
        f"""SELECT measure_id FROM measures_fts WHERE measures_fts MATCH ? AND version_id IN ({_CURRENT})
            UNION
            SELECT n.measure_id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
            WHERE notes_fts MATCH ?""",
        [phrase, phrase],
    )
    return {r[0] for r in rows}


def _scanned(db: sqlite_utils.Database, word: str, among: set[int] | None) -> set[int]:
    """Return measures holding `word` in their text or some note: one pass over the rows.

    When earlier words left few candidates, only their rows are read.
    """
    narrow, params = "", {"w": word}
    if among is not None and len(among) <= _NARROW_LIMIT:
        narrow = f"AND measure_id IN ({', '.join(str(int(i)) for i in among)})"
    rows = db.execute(
        f"""SELECT measure_id FROM measure_revisions
            WHERE version_id IN ({_CURRENT}) AND instr(text, :w) > 0 {narrow}
            UNION
            SELECT measure_id FROM notes
            WHERE (instr(progress, :w) > 0 OR instr(problems, :w) > 0 OR instr(next_steps, :w) > 0) {narrow}""",
        params,
    )
    return {r[0] for r in rows}


def search_measures(db: sqlite_utils.Database, words: list[str]) -> set[int]:
    """Return the ids of measures whose text or notes contain every word."""
    indexed = has_index(db)
    long_words = [w for w in words if indexed and len(w) >= MIN_INDEXED]
    short_words = [w for w in words if w not in long_words]
    found: set[int] | None = None
    for word in sorted(long_words, key=len, reverse=True):  # the longest word narrows most
        hits = _indexed(db, word)
        found = hits if found is None else found & hits
        if not found:
            return set()
    chars = char_index.present(db)
    for word in short_words:
        hits = char_index.find(db, word, _CURRENT) if chars else _scanned(db, word, found)
        found = hits if found is None else found & hits
        if not found:
            return set()
    return found or set()
