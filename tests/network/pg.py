"""A real PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder, on 127.0.0.1 and a free port.

PostgreSQL refuses to run as root (CI runs as root), so there the server runs as `nobody`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "luoshi_admin"
PASSWORD = "office-secret-1"


def _bin_dir() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise RuntimeError("PostgreSQL server binaries not found: apt-get install postgresql-15")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """One running test server; the office connects as its superuser."""

    folder: Path
    port: int
    bin_dir: Path

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, dbname: str = "luoshi") -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={SUPERUSER} password={PASSWORD} connect_timeout=5"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "nobody", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def start(self) -> None:
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "30",
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def create_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a test's own name, not input


def start_server() -> Server:
    """Create a cluster with password authentication on TCP and start it."""
    folder = Path(tempfile.mkdtemp(prefix="luoshi-pg-"))
    folder.chmod(0o755)
    bin_dir = _bin_dir()
    server = Server(folder, _free_port(), bin_dir)
    pwfile = folder / "pw"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
        shutil.chown(pwfile, "nobody")
    server._run(
        "initdb", "-D", str(server.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-E", "UTF8",
        "--locale=C", "--auth-host=scram-sha-256", "--auth-local=trust",
    )  # fmt: skip
    server.start()
    server.create_database("luoshi")
    return server


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    """Yield a started server; stop and remove it afterwards."""
    server = start_server()
    try:
        yield server
    finally:
        remove_server(server)


def remove_server(server: Server) -> None:
    with contextlib.suppress(subprocess.CalledProcessError):
        server.stop("immediate")
    shutil.rmtree(server.folder, ignore_errors=True)
