"""The coordinating office and its server: set it up, give units their 接入文件, publish plans, take returns.

The office's board, 催报名单 and 汇总 read the local database; `receive` brings the server's returns of a
period into it (each version, stored as an imported return file is), so one board holds both kinds.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.desk.periods import Period
from desktop.domain.errors import LuoshiError
from desktop.domain.parsing.units import is_wildcard
from desktop.network import office as server
from desktop.network.endpoint import Endpoint
from desktop.network.office import UnitAccount
from desktop.services import network
from desktop.services import plans as plan_service
from desktop.services.reading import file_hash
from desktop.services.returns import ReturnOutcome, store_server_returns
from desktop.services.tasklists import export_tasklist
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from desktop.storage import returns as return_store


@dataclass(frozen=True)
class Published:
    """A plan version on the server, and the units it reached or could not (no login yet)."""

    publication_id: int
    title: str
    version_no: int
    units: tuple[str, ...]
    without_login: tuple[str, ...]


def init(ws: Workspace, dsn: str) -> tuple[int, int]:
    """Create or upgrade the server's schema and keep the DSN here; return (version before, after)."""
    endpoint = network.endpoint_from_dsn(dsn)
    versions = server.init(endpoint)
    network.keep_office_dsn(ws, dsn)
    return versions


def add_unit(ws: Workspace, unit: str, out: Path, *, ca_file: Path | None = None) -> str:
    """Create the unit's login and write its 接入文件 to `out`; return the role's name."""
    endpoint = network.office_endpoint(ws)
    role, password = server.add_unit(endpoint, unit)
    params = {k: v for k, v in endpoint.params.items() if k in ("host", "port", "dbname", "sslmode")}
    params.update(user=role, password=password)
    ca_text = ca_file.read_text(encoding="utf-8") if ca_file else ""
    if ca_file and "sslmode" not in params:
        params["sslmode"] = "verify-full"
    network.write_access_file(out, Endpoint(params), unit=unit, ca_text=ca_text)
    return role


def remove_unit(ws: Workspace, unit: str) -> None:
    """Revoke the unit's login; what it sent stays on the server."""
    server.remove_unit(network.office_endpoint(ws), unit)


def units(ws: Workspace) -> list[UnitAccount]:
    """Return the units with a login and their last send."""
    return list(server.units(network.office_endpoint(ws)))


def publish(ws: Workspace, plan: str | int | None, *, today: date) -> Published:
    """Publish the plan's current version (its task list, with the measures' ids) to the units it names."""
    endpoint = network.office_endpoint(ws)
    row = plan_service.resolve_plan(ws, plan)
    named: Counter[str] = Counter()
    for stored in plan_store.current_measures(ws.db, plan_id=row.id):
        for unit in dict.fromkeys(u.name for u in stored.measure.units if not is_wildcard(u.name)):
            named[unit] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tasklist.xlsx"
        export_tasklist(ws, out=path, today=today, plan_id=row.id)
        data = path.read_bytes()
        digest = file_hash(path)
    publication, missing = server.publish(
        endpoint,
        plan_key=row.key,
        title=row.title,
        version_no=row.version_no or 1,
        tasklist=data,
        digest=digest,
        assignments=dict(named),
    )
    reached = tuple(sorted(set(named) - set(missing)))
    return Published(publication, row.title, row.version_no or 1, reached, tuple(missing))


def receive(ws: Workspace, period: Period) -> tuple[list[ReturnOutcome], list[LuoshiError]]:
    """Store the period's server returns not yet here (every version, in the order received).

    Returns what was stored and what was refused (a return for a plan this office does not hold).
    """
    known = return_store.server_ids(ws.db, period=period.code)
    items = server.new_returns(network.office_endpoint(ws), period=period.code, known=known)
    return store_server_returns(ws, items, period=period)
