"""The numbered schema ladder, kept in SQLite's user_version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.storage import char_index


def _v1_plans_measures_units(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            doc_number TEXT,
            issued_on TEXT,
            current_version_id INTEGER REFERENCES plan_versions(id) DEFERRABLE INITIALLY DEFERRED,
            created_at TEXT NOT NULL
        );
        CREATE TABLE plan_versions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            version_no INTEGER NOT NULL,
            source_name TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            source_format TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (plan_id, version_no)
        );
        CREATE INDEX plan_versions_hash ON plan_versions(source_hash);
        CREATE TABLE chapters (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES plan_versions(id),
            ord INTEGER NOT NULL,
            numeral TEXT NOT NULL,
            title TEXT NOT NULL
        );
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            archived_at TEXT
        );
        CREATE TABLE measure_revisions (
            version_id INTEGER NOT NULL REFERENCES plan_versions(id),
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            seq INTEGER NOT NULL,
            label TEXT NOT NULL,
            chapter TEXT NOT NULL,
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            deadline TEXT,
            due_on TEXT,
            standing INTEGER NOT NULL DEFAULT 0,
            clause TEXT NOT NULL,
            PRIMARY KEY (version_id, measure_id)
        );
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            wildcard INTEGER NOT NULL DEFAULT 0,
            category TEXT
        );
        CREATE TABLE unit_aliases (
            alias TEXT PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE
        );
        CREATE TABLE measure_units (
            version_id INTEGER NOT NULL,
            measure_id INTEGER NOT NULL,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
            ord INTEGER NOT NULL,
            PRIMARY KEY (version_id, measure_id, unit_id),
            FOREIGN KEY (version_id, measure_id) REFERENCES measure_revisions(version_id, measure_id)
        );
        CREATE INDEX measure_units_unit ON measure_units(unit_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _v2_notes_attachments(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            period TEXT NOT NULL,
            period_end TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            progress TEXT NOT NULL DEFAULT '',
            problems TEXT NOT NULL DEFAULT '',
            next_steps TEXT NOT NULL DEFAULT '',
            status TEXT,
            percent INTEGER,
            updated_at TEXT NOT NULL,
            UNIQUE (measure_id, period, unit)
        );
        CREATE INDEX notes_period ON notes(period, unit);
        CREATE TABLE note_revisions (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            saved_at TEXT NOT NULL,
            session TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'editor',
            progress TEXT NOT NULL DEFAULT '',
            problems TEXT NOT NULL DEFAULT '',
            next_steps TEXT NOT NULL DEFAULT '',
            status TEXT,
            percent INTEGER
        );
        CREATE INDEX note_revisions_note ON note_revisions(note_id, id);
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            stored TEXT NOT NULL,
            added_at TEXT NOT NULL,
            removed_at TEXT
        );
        CREATE INDEX attachments_note ON attachments(note_id);
        """
    )


def _v3_search_index(db: sqlite_utils.Database) -> None:
    if fts_available(db):
        char_index.create(db)
    # else: search scans the tables (an SQLite built without FTS5)


def _v4_returns(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE returns (
            id INTEGER PRIMARY KEY,
            unit TEXT NOT NULL,
            period TEXT NOT NULL,
            source_name TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            replaced_by INTEGER REFERENCES returns(id)
        );
        CREATE INDEX returns_period ON returns(period, unit);
        ALTER TABLE notes ADD COLUMN return_id INTEGER REFERENCES returns(id);
        """
    )


def _v5_leaders_doubts_edits(db: sqlite_utils.Database) -> None:
    """Leaders and doubts per measure; the clerk's corrections on top of the parsed version."""
    db.executescript(
        """
        ALTER TABLE measure_revisions ADD COLUMN leaders TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE measure_revisions ADD COLUMN doubts TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE measure_revisions ADD COLUMN parsed TEXT;
        ALTER TABLE measure_revisions ADD COLUMN origin TEXT NOT NULL DEFAULT 'file';
        CREATE TABLE measure_edits (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            version_id INTEGER NOT NULL REFERENCES plan_versions(id),
            kind TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            old_value TEXT,
            new_value TEXT,
            other_id INTEGER REFERENCES measures(id),
            edited_at TEXT NOT NULL
        );
        CREATE INDEX measure_edits_measure ON measure_edits(measure_id, id);
        """
    )


def _v6_claims(db: sqlite_utils.Database) -> None:
    """Add the clerk's answer per category task, kept per plan and measure uid (it survives revisions)."""
    db.executescript(
        """
        CREATE TABLE claims (
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            measure_uid TEXT NOT NULL,
            unit TEXT NOT NULL,
            claim TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, measure_uid, unit)
        );
        """
    )


def _v7_short_titles(db: sqlite_utils.Database) -> None:
    """Add the clerk's short title (任务简称) to each measure; it outlives the plan's revisions."""
    db.execute("ALTER TABLE measures ADD COLUMN short_title TEXT")


def _v8_archived_plans(db: sqlite_utils.Database) -> None:
    """Add when a finished plan was archived (归档): it leaves the chooser, its data stays."""
    db.execute("ALTER TABLE plans ADD COLUMN archived_at TEXT")


def _v9_sending(db: sqlite_utils.Database) -> None:
    """Add the outbox of network returns, the record of everything sent (报送记录), server returns' ids."""
    db.executescript(
        """
        CREATE TABLE outbox (
            return_id TEXT PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES plans(id),
            period TEXT NOT NULL,
            unit TEXT NOT NULL,
            content TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            receipt_time TEXT,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE sent (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            plan_ids TEXT NOT NULL,
            period TEXT NOT NULL,
            unit TEXT NOT NULL,
            recipient TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            return_id TEXT REFERENCES outbox(return_id)
        );
        CREATE TABLE sent_notes (
            sent_id INTEGER NOT NULL REFERENCES sent(id),
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            period TEXT NOT NULL,
            unit TEXT NOT NULL,
            revision_id INTEGER,
            fields_hash TEXT NOT NULL
        );
        CREATE INDEX sent_notes_note ON sent_notes(period, unit, measure_id, sent_id);
        ALTER TABLE returns ADD COLUMN server_id TEXT;
        CREATE UNIQUE INDEX returns_server_id ON returns(server_id) WHERE server_id IS NOT NULL;
        """
    )


def fts_available(db: sqlite_utils.Database) -> bool:
    """Return True when this SQLite has FTS5."""
    try:
        db.execute("CREATE VIRTUAL TABLE temp.luoshi_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    db.execute("DROP TABLE temp.luoshi_probe")
    return True


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1_plans_measures_units,
    _v2_notes_attachments,
    _v3_search_index,
    _v4_returns,
    _v5_leaders_doubts_edits,
    _v6_claims,
    _v7_short_titles,
    _v8_archived_plans,
    _v9_sending,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: sqlite_utils.Database) -> int:
    """Return the schema version stored in the file."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, *, path: str = "") -> int:
    """Bring the schema up to SCHEMA_VERSION, one step per transaction; refuse a newer file."""
    version = user_version(db)
    if version > SCHEMA_VERSION:
        raise LuoshiError(ErrorCode.DB_NEWER, path=path, found=version, supported=SCHEMA_VERSION)
    for number in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return SCHEMA_VERSION
