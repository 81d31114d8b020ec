"""Search measure texts and notes for what the clerk typed (any length of Chinese)."""

from __future__ import annotations

from desktop.services.workspace import Workspace
from desktop.storage import search as search_store


def words(query: str) -> list[str]:
    """Split a query into words on blanks (full-width blanks too)."""
    return [w for w in query.replace("\u3000", " ").split() if w]


def search(ws: Workspace, query: str) -> set[int]:
    """Return the ids of current measures whose text or any note contains every word of `query`."""
    found = words(query)
    if not found:
        return set()
    return search_store.search_measures(ws.db, found)
