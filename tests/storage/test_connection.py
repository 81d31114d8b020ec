"""The connection storage opens: no sqlite-utils plugin runs on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.plugins import pm

from desktop.storage.connection import open_database


class _Plugin:
    """A plugin an installed package could register: it would see every connection it is given."""

    def __init__(self) -> None:
        self.seen: list[sqlite3.Connection] = []

    @sqlite_utils.hookimpl
    def prepare_connection(self, conn: sqlite3.Connection) -> None:
        self.seen.append(conn)


def test_no_plugin_sees_the_clerks_database(tmp_path: Path) -> None:
    plugin = _Plugin()
    pm.register(plugin)
    try:
        sqlite_utils.Database(memory=True)  # the plugin is live for anyone who asks for plugins
        assert len(plugin.seen) == 1
        db = open_database(tmp_path / "luoshi.db")
        db.close()
    finally:
        pm.unregister(plugin)
    assert len(plugin.seen) == 1  # not called for ours
