"""The coordinating office's side of the server: the schema, unit roles, publishing plans, reading returns."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

import psycopg
from psycopg import sql

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.network.connection import connect, server_version, version_error
from desktop.network.endpoint import Endpoint
from desktop.network.schema import MIGRATIONS, OFFICE_GROUP, SCHEMA_VERSION, UNIT_GROUP


@dataclass(frozen=True)
class UnitAccount:
    """A unit's login on the server, as the office lists it."""

    unit: str
    role: str
    added_at: datetime
    last_sent_at: datetime | None
    returns: int


@dataclass(frozen=True)
class ServerReturn:
    """One return as the server holds it (every version is a row of its own)."""

    return_id: str
    seq: int
    unit: str
    plan_key: str
    plan_title: str
    period: str
    content: dict[str, object]
    content_hash: str
    row_count: int
    sent_at: datetime


def _ensure_group(conn: psycopg.Connection, name: str) -> None:
    found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
    if not found:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))


def init(endpoint: Endpoint) -> tuple[int, int]:
    """Create or upgrade the schema, one migration per step, all in one transaction; return (before, after)."""
    with connect(endpoint, check_schema=False) as conn:
        before = server_version(conn)
        newer = version_error(before, endpoint) if before > SCHEMA_VERSION else None
        if newer is not None:  # a newer program set it up: this one would not know its tables
            raise newer
        _ensure_group(conn, OFFICE_GROUP)
        _ensure_group(conn, UNIT_GROUP)
        conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OFFICE_GROUP)))
        for number in range(before, SCHEMA_VERSION):
            conn.execute(MIGRATIONS[number].encode())  # a fixed script of ours, several statements
            conn.execute(
                "INSERT INTO luoshi.meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(number + 1)],
            )
    return before, SCHEMA_VERSION


def add_unit(endpoint: Endpoint, unit: str) -> tuple[str, str]:
    """Create the unit's login role with a generated password; return (role, password)."""
    role = "luoshi_u_" + secrets.token_hex(5)
    password = secrets.token_urlsafe(18)
    with connect(endpoint) as conn:
        existing = conn.execute(
            "SELECT role FROM luoshi.units WHERE unit = %s AND removed_at IS NULL", [unit]
        ).fetchone()
        if existing:
            raise LuoshiError(ErrorCode.NETWORK, kind="unit_exists", value=unit)
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(password), sql.Identifier(UNIT_GROUP)
            )
        )
        conn.execute(
            "INSERT INTO luoshi.units (unit, role) VALUES (%s, %s) "
            "ON CONFLICT (unit) DO UPDATE SET role = excluded.role, added_at = now(), removed_at = NULL",
            [unit, role],
        )
    return role, password


def remove_unit(endpoint: Endpoint, unit: str) -> None:
    """Drop the unit's login (its returns stay); its 接入文件 no longer connects."""
    with connect(endpoint) as conn:
        row = conn.execute(
            "SELECT role FROM luoshi.units WHERE unit = %s AND removed_at IS NULL", [unit]
        ).fetchone()
        if row is None:
            raise LuoshiError(ErrorCode.NETWORK, kind="unit_not_found", value=unit)
        conn.execute("UPDATE luoshi.units SET removed_at = now() WHERE unit = %s", [unit])
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(row[0])))


def units(endpoint: Endpoint) -> list[UnitAccount]:
    """Return the units with a login, each with its last send and number of returns."""
    with connect(endpoint) as conn:
        rows = conn.execute(
            """SELECT u.unit, u.role, u.added_at, max(r.sent_at), count(r.id)
               FROM luoshi.units u LEFT JOIN luoshi.returns r ON r.unit = u.unit
               WHERE u.removed_at IS NULL GROUP BY u.unit, u.role, u.added_at ORDER BY u.unit"""
        ).fetchall()
    return [UnitAccount(r[0], r[1], r[2], r[3], int(r[4])) for r in rows]


def publish(
    endpoint: Endpoint, *, plan_key: str, title: str, version_no: int, tasklist: bytes, digest: str,
    assignments: dict[str, int],
) -> tuple[int, list[str]]:  # fmt: skip
    """Publish a plan version with its assignments; return (publication id, units without a login).

    Publishing the same version again adds the units given since; the file itself stays as first sent.
    """
    with connect(endpoint) as conn:
        known = {r[0] for r in conn.execute("SELECT unit FROM luoshi.units WHERE removed_at IS NULL")}
        row = conn.execute(
            "INSERT INTO luoshi.plans (plan_key, title, version_no, tasklist, tasklist_hash) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (plan_key, version_no) DO NOTHING RETURNING id",
            [plan_key, title, version_no, tasklist, digest],
        ).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT id FROM luoshi.plans WHERE plan_key = %s AND version_no = %s", [plan_key, version_no]
            ).fetchone()
        assert row is not None
        publication = int(row[0])
        for unit, count in assignments.items():
            if unit in known:
                conn.execute(
                    "INSERT INTO luoshi.assignments (plan_id, unit, measures) VALUES (%s, %s, %s) "
                    "ON CONFLICT (plan_id, unit) DO NOTHING",
                    [publication, unit, count],
                )
    return publication, sorted(set(assignments) - known)


def new_returns(endpoint: Endpoint, *, period: str, known: set[str]) -> list[ServerReturn]:
    """Return the period's returns (every version) whose ids are not in `known`, in the order received.

    Ids, not a high-water mark: a send whose transaction commits late may carry an earlier sequence number.
    """
    with connect(endpoint) as conn:
        ids = [r[0] for r in conn.execute("SELECT id::text FROM luoshi.returns WHERE period = %s", [period])]
        wanted = [i for i in ids if i not in known]
        if not wanted:
            return []
        rows = conn.execute(
            "SELECT id::text, seq, unit, plan_key, plan_title, period, content, content_hash, row_count, sent_at "
            "FROM luoshi.returns WHERE id = ANY(%s::uuid[]) ORDER BY seq",
            [wanted],
        ).fetchall()
    return [ServerReturn(*row) for row in rows]
