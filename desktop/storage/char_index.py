"""A one-character-per-token FTS5 index, so that one- and two-character Chinese words are found fast.

The trigram index needs three characters. Here each letter or digit of a text is its own token
(anything else becomes one placeholder token), so a short word is an FTS5 phrase of its characters.
Kept up to date by storage code, in the same transaction as the row it indexes.
"""

from __future__ import annotations

import sqlite_utils

_GAP = "\ue000"  # private-use character: a token for punctuation and blanks (unicode61 keeps Co)
NOTES = "note_chars"
MEASURES = "measure_chars"


def spaced(text: str) -> str:
    """Return `text` as space-separated one-character tokens."""
    return " ".join(ch if ch.isalnum() else _GAP for ch in text)


def phrase(word: str) -> str:
    """Return the FTS5 phrase query for a word."""
    return '"' + spaced(word).replace('"', '""') + '"'


def create(db: sqlite_utils.Database) -> None:
    """Create the index tables and fill them from the rows already stored."""
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE {NOTES} USING fts5(body, tokenize='unicode61');
        CREATE VIRTUAL TABLE {MEASURES} USING fts5(
            body, version_id UNINDEXED, measure_id UNINDEXED, tokenize='unicode61'
        );
        """
    )
    for note_id, progress, problems, next_steps in db.execute(
        "SELECT id, progress, problems, next_steps FROM notes"
    ).fetchall():
        index_note(db, note_id, (progress, problems, next_steps))
    for version_id, measure_id, text in db.execute(
        "SELECT version_id, measure_id, text FROM measure_revisions"
    ).fetchall():
        index_measure(db, version_id, measure_id, text)


def present(db: sqlite_utils.Database) -> bool:
    """Return True when this database has the index (its SQLite had FTS5)."""
    return NOTES in db.table_names()


def index_note(db: sqlite_utils.Database, note_id: int, texts: tuple[str, ...]) -> None:
    """(Re)index a note's texts under its id."""
    if not present(db):
        return
    db.execute(f"DELETE FROM {NOTES} WHERE rowid = ?", [note_id])
    db.execute(f"INSERT INTO {NOTES} (rowid, body) VALUES (?, ?)", [note_id, spaced("\n".join(texts))])


def index_measure(db: sqlite_utils.Database, version_id: int, measure_id: int, text: str) -> None:
    """Index a measure's text as one version states it."""
    if present(db):
        db.execute(
            f"INSERT INTO {MEASURES} (body, version_id, measure_id) VALUES (?, ?, ?)",
            [spaced(text), version_id, measure_id],
        )


def find(db: sqlite_utils.Database, word: str, current: str) -> set[int]:
    """Return measures whose current text or any note holds `word`."""
    query = phrase(word)
    rows = db.execute(
        f"""SELECT measure_id FROM {MEASURES} WHERE {MEASURES} MATCH ? AND version_id IN ({current})
            UNION
            SELECT n.measure_id FROM {NOTES} JOIN notes n ON n.id = {NOTES}.rowid WHERE {NOTES} MATCH ?""",
        [query, query],
    )
    return {r[0] for r in rows}
