"""An open database for one clerk's session; the handle every service takes."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from desktop.storage.connection import Database, open_database


class Workspace:
    """The clerk's database, opened on first use so that parsing alone never touches it."""

    def __init__(self, path: Path) -> None:
        """Remember `path`; nothing is opened yet."""
        self.path = path
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """Return the open database, opening and migrating it on first use."""
        if self._db is None:
            self._db = open_database(self.path)
        return self._db

    def close(self) -> None:
        """Close the database if it was opened."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Workspace:
        """Return self."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the database."""
        self.close()
