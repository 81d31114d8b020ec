"""A unit's side of the server: the plans published to it, and sending a return exactly once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from psycopg.types.json import Jsonb

from desktop.network.connection import connect
from desktop.network.endpoint import Endpoint


@dataclass(frozen=True)
class Publication:
    """A plan version published to the unit."""

    publication_id: int
    plan_key: str
    title: str
    version_no: int
    published_at: datetime
    tasklist_hash: str


@dataclass(frozen=True)
class Receipt:
    """What the server says it holds: the return's id, its own time and the content's hash."""

    return_id: str
    server_time: datetime
    content_hash: str


def whoami(endpoint: Endpoint) -> str | None:
    """Return the unit the login belongs to, or None when the office removed it."""
    with connect(endpoint) as conn:
        row = conn.execute("SELECT unit FROM luoshi.units").fetchone()  # row-level security: its own
    return str(row[0]) if row else None


def publications(endpoint: Endpoint) -> list[Publication]:
    """Return the plan versions published to this unit, oldest first."""
    with connect(endpoint) as conn:
        rows = conn.execute(
            "SELECT id, plan_key, title, version_no, published_at, tasklist_hash FROM luoshi.plans ORDER BY id"
        ).fetchall()
    return [Publication(*row) for row in rows]


def tasklist(endpoint: Endpoint, publication_id: int) -> bytes:
    """Return the task list file of one publication."""
    with connect(endpoint) as conn:
        row = conn.execute("SELECT tasklist FROM luoshi.plans WHERE id = %s", [publication_id]).fetchone()
    return bytes(row[0]) if row else b""


def send(
    endpoint: Endpoint,
    *,
    return_id: str,
    unit: str,
    plan_key: str,
    plan_title: str,
    period: str,
    content: dict[str, object],
    content_hash: str,
    row_count: int,
    before_commit: Callable[[], None] | None = None,
) -> Receipt:
    """Insert the return in one transaction; a retry with the same id adds nothing and gets the same receipt.

    `before_commit` runs inside the transaction, after the insert (tests cut the network there).
    """
    with connect(endpoint) as conn:
        conn.execute(
            "INSERT INTO luoshi.returns (id, unit, plan_key, plan_title, period, content, content_hash, row_count) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
            [return_id, unit, plan_key, plan_title, period, Jsonb(content), content_hash, row_count],
        )
        row = conn.execute(
            "SELECT id::text, sent_at, content_hash FROM luoshi.returns WHERE id = %s", [return_id]
        ).fetchone()
        if before_commit is not None:
            before_commit()
    assert row is not None  # inserted above, or there already: the unit reads its own returns
    return Receipt(row[0], row[1], row[2])
