"""Child process of the SIGKILL tests: import a big plan, or merge returns, until killed."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.desk.periods import parse_period
from desktop.services import imports
from desktop.services import returns as return_service
from desktop.services.workspace import Workspace


def main() -> None:
    kind, db, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    with Workspace(db) as ws:
        ws.db.execute("SELECT 1")
        sys.stdout.write("READY\n")
        sys.stdout.flush()
        if kind == "import":
            imports.import_file(ws, path=target)
        else:
            period = parse_period("2026Q1")
            assert period is not None
            return_service.import_returns(ws, [target], period=period)
    sys.stdout.write("DONE\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
