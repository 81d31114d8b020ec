"""Receiving plans from the office server, through the same 核对方案 / 修订 review as a chosen file.

Each publication becomes a task list file in the data folder; nothing is applied here.
"""

from __future__ import annotations

from pathlib import Path

from desktop.network import unit as server
from desktop.services import network
from desktop.services.imports import ImportReview, prepare
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store

_NOT_IN_NAMES = str.maketrans({c: "_" for c in '\\/:*?"<>|'})


def _file_name(title: str, version_no: int, publication_id: int) -> str:
    """Return a file name for a publication that every file system takes."""
    return f"{title[:60]}-第{version_no}版-{publication_id}.xlsx".translate(_NOT_IN_NAMES)


def received_folder(ws: Workspace) -> Path:
    """Return where the task lists the server published are kept."""
    return ws.path.parent / "received"


def download(ws: Workspace) -> list[Path]:
    """Fetch the publications this PC does not hold yet; return their files, oldest first."""
    connection = network.require_unit_connection(ws)
    files = []
    for publication in server.publications(connection.endpoint):
        if plan_store.find_version_by_hash(ws.db, publication.tasklist_hash) is not None:
            continue  # this version is here already
        name = _file_name(publication.title, publication.version_no, publication.publication_id)
        path = received_folder(ws) / name
        if not path.exists():
            data = server.tasklist(connection.endpoint, publication.publication_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_name(path.name + ".part")
            part.write_bytes(data)
            part.replace(path)
        files.append(path)
    return files


def pull(ws: Workspace) -> list[ImportReview]:
    """Download what is new and prepare each for review (nothing is applied here)."""
    return [prepare(ws, path=path) for path in download(ws)]
