"""Composition root for `make run`: open the clerk's database, seeding it with the sample plan.

The window arrives with the next milestone; until then this prints the measures it holds.
"""

from __future__ import annotations

import sys

from desktop.cli import main as cli_main
from desktop.services import plans as plan_service
from desktop.services.locations import database_path, sample_plan_path
from desktop.services.workspace import Workspace


def main() -> int:
    """Import the bundled sample plan when the database is empty, then list its measures."""
    path = database_path()
    with Workspace(path) as ws:
        if not plan_service.list_plans(ws):
            plan_service.import_file(ws, path=sample_plan_path())
    sys.stdout.write(f"数据库：{path}\n")
    return cli_main(["--db", str(path), "measures"])
