"""The search index: one FTS5 document per measure, its text and the office's own notes, a token per character.

Notes that came in with other units' returns are not indexed: a hundred returns would make every
document a hundred times longer.

Each letter or digit is its own token (anything else becomes one placeholder token), so a Chinese
word of any length, one character included, is an FTS5 phrase of its characters. One document per
measure keeps a common word's hits to the number of measures, however many notes there are.
Kept up to date by storage code in the same transaction as the rows it indexes.
"""

from __future__ import annotations

import sqlite_utils

_GAP = "\ue000"  # private-use character: a token for punctuation and blanks (unicode61 keeps Co)
TABLE = "search_chars"


def spaced(text: str) -> str:
    """Return `text` as space-separated one-character tokens."""
    return " ".join(ch if ch.isalnum() else _GAP for ch in text)


def phrase(word: str) -> str:
    """Return the FTS5 phrase query for a word."""
    return '"' + spaced(word).replace('"', '""') + '"'


def create(db: sqlite_utils.Database) -> None:
    """Create the index and fill it from the measures and notes already stored."""
    db.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(body, tokenize='unicode61')")
    for (measure_id,) in db.execute("SELECT id FROM measures").fetchall():
        reindex(db, measure_id, before_returns=True)


def present(db: sqlite_utils.Database) -> bool:
    """Return True when this database has the index (its SQLite had FTS5)."""
    return TABLE in db.table_names()


def reindex(db: sqlite_utils.Database, measure_id: int, *, before_returns: bool = False) -> None:
    """Rebuild one measure's document from its current text and the office's own notes on it.

    `before_returns`: called by the migration that creates the index, when notes had no returns yet.
    """
    if not present(db):
        return
    texts = [
        r[0]
        for r in db.execute(
            """SELECT r.text FROM measure_revisions r JOIN plans p ON p.current_version_id = r.version_id
               WHERE r.measure_id = ?""",
            [measure_id],
        )
    ]
    own = "" if before_returns else " AND return_id IS NULL"
    for row in db.execute(
        f"SELECT progress, problems, next_steps FROM notes WHERE measure_id = ?{own}", [measure_id]
    ):
        texts.extend(row)
    db.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", [measure_id])
    db.execute(f"INSERT INTO {TABLE} (rowid, body) VALUES (?, ?)", [measure_id, spaced("\n".join(texts))])


def find(db: sqlite_utils.Database, word: str) -> set[int]:
    """Return the measures whose current text or notes hold `word`."""
    return {r[0] for r in db.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?", [phrase(word)])}
