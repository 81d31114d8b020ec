"""Connecting to the office server; what went wrong is told as a NETWORK error of a kind, never a raw one.

Each operation opens its own short connection: a server restart between two operations costs nothing, and
nothing is held open while the clerk writes.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors as pg_errors

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.network.endpoint import Endpoint
from desktop.network.schema import SCHEMA_VERSION

CONNECT_SECONDS = 5  # the server is on the office's own network: an answer comes quickly or not at all


def endpoint_from_dsn(dsn: str) -> Endpoint:
    """Return the endpoint a libpq connection string or URI names."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise LuoshiError(ErrorCode.NETWORK, kind="bad_dsn", value=str(exc)) from exc
    return Endpoint({k: str(v) for k, v in params.items() if v is not None})


def _reachable(host: str, port: int) -> bool:
    """Return True when something accepts TCP connections there: the server answered and refused us."""
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def failure(exc: psycopg.Error, endpoint: Endpoint) -> LuoshiError:
    """Return the clerk's kind of a psycopg failure, sorted by SQLSTATE where the server sent one."""
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return LuoshiError(ErrorCode.NETWORK, kind="refused", where=endpoint.label)
    if isinstance(exc, pg_errors.UndefinedTable | pg_errors.InvalidSchemaName):
        return LuoshiError(ErrorCode.NETWORK, kind="no_schema", where=endpoint.label)
    if exc.sqlstate is not None and exc.sqlstate.startswith("28"):  # invalid authorization
        return LuoshiError(ErrorCode.NETWORK, kind="login", where=endpoint.label)
    if isinstance(exc, psycopg.OperationalError):
        return LuoshiError(ErrorCode.NETWORK, kind="down", where=endpoint.label)
    raise exc  # anything else is our bug (bad SQL): the crash reporter gets it


@contextmanager
def connect(endpoint: Endpoint, *, check_schema: bool = True) -> Iterator[psycopg.Connection]:
    """Yield an open connection in a transaction (committed on leaving, rolled back on failure)."""
    try:
        conninfo = psycopg.conninfo.make_conninfo(
            "", **{"connect_timeout": str(CONNECT_SECONDS), **endpoint.params}, application_name="luoshi"
        )
        conn = psycopg.connect(conninfo)
    except psycopg.OperationalError as exc:
        # libpq gives no SQLSTATE for a refused login; a server that accepts TCP yet refused us did it
        kind = "login" if _reachable(*endpoint.where) else "down"
        raise LuoshiError(ErrorCode.NETWORK, kind=kind, where=endpoint.label) from exc
    try:
        with conn:
            if check_schema:
                check_version(conn, endpoint)
            yield conn
    except psycopg.Error as exc:
        raise failure(exc, endpoint) from exc
    finally:
        conn.close()


def server_version(conn: psycopg.Connection) -> int:
    """Return the schema version the server holds; 0 when `office init` never ran there."""
    exists = conn.execute("SELECT to_regclass('luoshi.meta') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT value FROM luoshi.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def version_error(found: int, endpoint: Endpoint) -> LuoshiError | None:
    """Return why a server of schema `found` cannot be used by this program, or None when it can."""
    if found == 0:
        return LuoshiError(ErrorCode.NETWORK, kind="no_schema", where=endpoint.label)
    if found == SCHEMA_VERSION:
        return None
    kind = "server_newer" if found > SCHEMA_VERSION else "server_older"
    return LuoshiError(
        ErrorCode.NETWORK, kind=kind, where=endpoint.label, found=found, supported=SCHEMA_VERSION
    )


def check_version(conn: psycopg.Connection, endpoint: Endpoint) -> None:
    """Refuse a server whose schema this program does not speak, before anything is read or written."""
    error = version_error(server_version(conn), endpoint)
    if error is not None:
        raise error
