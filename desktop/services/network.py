"""Connecting this PC to the office server: the 接入文件, where the password is kept, online or not.

The settings keep libpq's key names without the password; the password goes to the OS credential store
(`keyring`) where the desktop has one, else into a file in the data folder readable only by the user.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.network.endpoint import LIBPQ_KEYS, Endpoint
from desktop.services.workspace import Workspace
from desktop.storage import settings

UNIT_KEY = "network"  # this unit's connection
OFFICE_KEY = "office_server"  # the coordinating office's own connection (as the database owner)
KEYRING_SERVICE = "luoshi"
MAX_ACCESS_FILE = 64 * 1024


@dataclass(frozen=True)
class Connection:
    """A stored connection: where, as whom, for which unit, and where its password is kept."""

    endpoint: Endpoint
    unit: str
    password_store: str  # "keyring" | "file"


def _keyring() -> object | None:
    """Return the OS credential store when one is usable here (none on a bare Linux without a desktop)."""
    try:
        import keyring  # keyring: loaded when a password is stored or read
        from keyring.backends import fail  # keyring: loaded when a password is stored or read
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return keyring


def _secret_file(ws: Workspace, which: str) -> Path:
    return ws.path.parent / "network" / f"{which}.secret"


def _store_password(ws: Workspace, which: str, user: str, password: str) -> str:
    store = _keyring()
    if store is not None:
        store.set_password(KEYRING_SERVICE, f"{which}:{user}", password)  # type: ignore[attr-defined]
        return "keyring"
    path = _secret_file(ws, which)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(password)
    return "file"


def _read_password(ws: Workspace, which: str, user: str, store: str) -> str:
    if store == "keyring":
        keyring = _keyring()
        found = keyring.get_password(KEYRING_SERVICE, f"{which}:{user}") if keyring else None  # type: ignore[attr-defined]
        return found or ""
    with contextlib.suppress(OSError):
        return _secret_file(ws, which).read_text(encoding="utf-8")
    return ""


def _save(ws: Workspace, key: str, endpoint: Endpoint, unit: str) -> Connection:
    params = dict(endpoint.params)
    password = params.pop("password", "")
    store = _store_password(ws, key, params.get("user", ""), password)
    settings.put(ws.db, key, {"params": params, "unit": unit, "password_store": store})
    return Connection(endpoint, unit, store)


def _load(ws: Workspace, key: str) -> Connection | None:
    stored = settings.get(ws.db, key)
    if not stored:
        return None
    params = dict(stored["params"])
    password = _read_password(ws, key, params.get("user", ""), stored["password_store"])
    if password:
        params["password"] = password
    return Connection(Endpoint(params), stored.get("unit", ""), stored["password_store"])


def read_access_file(path: Path) -> tuple[Endpoint, str, str]:
    """Return (endpoint, unit, CA text) from a 接入文件; refuse anything else with a clear message."""
    try:
        if path.stat().st_size > MAX_ACCESS_FILE:
            raise LuoshiError(ErrorCode.NETWORK, kind="bad_access_file", path=path.name)
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LuoshiError(ErrorCode.NETWORK, kind="bad_access_file", path=path.name) from exc
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k), str | int) for k in ("host", "user", "unit")
    ):
        raise LuoshiError(ErrorCode.NETWORK, kind="bad_access_file", path=path.name)
    params = {k: str(data[k]) for k in LIBPQ_KEYS if data.get(k) not in (None, "")}
    ca = params.pop("sslrootcert", "") if str(data.get("sslrootcert", "")).startswith("-----BEGIN") else ""
    return Endpoint(params), str(data["unit"]), ca


def write_access_file(out: Path, endpoint: Endpoint, *, unit: str, ca_text: str = "") -> None:
    """Write a unit's 接入文件 (libpq keys plus `unit`), readable only by its owner."""
    data: dict[str, str] = dict(endpoint.params)
    if ca_text:
        data["sslrootcert"] = ca_text
    data["unit"] = unit
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(out.name + ".part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    temporary.replace(out)


def connect_unit(ws: Workspace, path: Path) -> Connection:
    """Take a 接入文件: check it against the server (who it says we are), then keep it."""
    from desktop.network import unit as server  # psycopg: loaded when the network is used

    endpoint, unit, ca = read_access_file(path)
    if ca:
        ca_path = ws.path.parent / "network" / "office-ca.pem"
        ca_path.parent.mkdir(parents=True, exist_ok=True)
        ca_path.write_text(ca, encoding="utf-8")
        endpoint = Endpoint({**endpoint.params, "sslrootcert": str(ca_path)})
    found = server.whoami(endpoint)
    if found is None:
        raise LuoshiError(ErrorCode.NETWORK, kind="login", where=endpoint.label)
    if found != unit:
        raise LuoshiError(ErrorCode.NETWORK, kind="unit_mismatch", value=unit, name=found)
    return _save(ws, UNIT_KEY, endpoint, unit)


def unit_connection(ws: Workspace) -> Connection | None:
    """Return this unit's connection, or None when it never connected."""
    return _load(ws, UNIT_KEY)


def is_connected(ws: Workspace) -> bool:
    """Return True when this PC took a 接入文件 (the password is not read)."""
    return settings.get(ws.db, UNIT_KEY) is not None


def require_unit_connection(ws: Workspace) -> Connection:
    """Return this unit's connection or say how to make one."""
    found = unit_connection(ws)
    if found is None:
        raise LuoshiError(ErrorCode.NETWORK, kind="not_connected")
    return found


def endpoint_from_dsn(dsn: str) -> Endpoint:
    """Return the endpoint a libpq connection string names (refused with a message when unreadable)."""
    from desktop.network import connection  # psycopg: loaded when the network is used

    return connection.endpoint_from_dsn(dsn)


def keep_office_dsn(ws: Workspace, dsn: str) -> Connection:
    """Keep the office's own DSN (password to the credential store) for later `office …` commands."""
    return _save(ws, OFFICE_KEY, endpoint_from_dsn(dsn), "")


def office_endpoint(ws: Workspace) -> Endpoint:
    """Return the office's server, as `office init` kept it."""
    found = _load(ws, OFFICE_KEY)
    if found is None:
        raise LuoshiError(ErrorCode.NETWORK, kind="no_office")
    return found.endpoint


def has_office(ws: Workspace) -> bool:
    """Return True when this PC is a coordinating office with its own server."""
    return settings.get(ws.db, OFFICE_KEY) is not None


def online(ws: Workspace) -> bool:
    """Return True when the server answers this unit (or the office) now; never raises for the network."""
    from desktop.network import connection as server  # psycopg: loaded when the network is used

    connection = unit_connection(ws)
    endpoint = connection.endpoint if connection else (office_endpoint(ws) if has_office(ws) else None)
    if endpoint is None:
        return False
    try:
        with server.connect(endpoint):
            return True
    except LuoshiError:
        return False
