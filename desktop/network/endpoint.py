"""Where the office server is and who connects, in libpq's own key names (no psycopg here: cheap to import)."""

from __future__ import annotations

from dataclasses import dataclass

LIBPQ_KEYS = ("host", "port", "dbname", "user", "password", "sslmode", "sslrootcert")


@dataclass(frozen=True)
class Endpoint:
    """Where the server is and who connects: libpq's own key names."""

    params: dict[str, str]

    @property
    def where(self) -> tuple[str, int]:
        return self.params.get("host", "localhost"), int(self.params.get("port", "5432") or 5432)

    @property
    def label(self) -> str:
        host, port = self.where
        return f"{host}:{port}/{self.params.get('dbname', '')}"
