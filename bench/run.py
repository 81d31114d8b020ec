"""Print each measured figure beside its floor measured in the same run (`make bench`)."""

from __future__ import annotations

import argparse
import gc
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import desk, exports, network, office, scans, summary, tables
from bench.generate import plan_text
from bench.timing import timed
from desktop.domain.errors import LuoshiError
from desktop.importers import read_plan
from desktop.services import imports
from desktop.services.locations import sample_plan_path
from desktop.services.workspace import Workspace


def _floor_read(path: Path) -> None:
    """The bare minimum: read the bytes, decode, split into lines."""
    path.read_bytes().decode("utf-8").splitlines()


def _floor_insert(rows: int, folder: Path) -> None:
    """Bare sqlite3: insert one row per measure and two unit links, one transaction, WAL, full sync."""
    db = folder / f"floor-{time.perf_counter_ns()}.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, label TEXT, text TEXT)")
    conn.execute("CREATE TABLE l (m INTEGER, u INTEGER, role TEXT)")
    with conn:
        for i in range(rows):
            conn.execute("INSERT INTO m (label, text) VALUES (?, ?)", (str(i), "任务" * 40))
            conn.executemany("INSERT INTO l VALUES (?, ?, ?)", [(i, 1, "lead"), (i, 2, "support")])
    conn.close()


def _measures(path: Path) -> int:
    """Parse one corpus file; a file the parser refuses counts no measure (the bench still runs)."""
    try:
        return len(read_plan(path).measures)
    except LuoshiError:
        return 0


def _import(path: Path, folder: Path) -> None:
    with Workspace(folder / f"luoshi-{time.perf_counter_ns()}.db") as ws:
        imports.import_file(ws, path=path)


def _row(name: str, value: float, floor: float, target: str) -> None:
    print(
        f"{name:<50} {value * 1000:9.1f} ms   floor {floor * 1000:8.2f} ms   ratio {value / floor:7.2f}   target {target}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print a table; `--previous DIR` also times the start of another checkout."""
    parser = argparse.ArgumentParser(prog="bench/run")
    parser.add_argument(
        "--previous", type=Path, help="another checkout (git worktree) whose start is timed too"
    )
    parser.add_argument(
        "--only",
        choices=["startup", "exports", "scans", "tables", "summary", "network"],
        help="run one group only",
    )
    parser.add_argument("--profile", action="store_true", help="with --only summary: where its time goes")
    options = parser.parse_args(argv)
    previous = options.previous.resolve() if options.previous else None
    print(
        f"Luoshi bench — {time.strftime('%Y-%m-%d')} — {platform.platform()} — Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if options.only == "startup":
            desk.startup(folder, _row, previous=previous)
            return 0
        if options.only == "exports":
            exports.exports(folder, _row)
            return 0
        if options.only == "scans":
            scans.scans(folder, _row)
            return 0
        if options.only == "tables":
            tables.tables(folder, _row)
            return 0
        if options.only == "network":
            network.network_load(folder, _row)
            return 0
        if options.only == "summary":
            summary.summary(folder, _row, profile=options.profile)
            return 0
        big = folder / "plan-2000.txt"
        big.write_text(plan_text(2000), encoding="utf-8")
        sample = sample_plan_path()
        assert len(read_plan(big).measures) == 2000
        for label, path, repeat, rows, target in (
            ("sample (34 measures)", sample, 15, 34, "< 100 ms"),
            ("generated (2,000 measures)", big, 3, 2000, "< 2000 ms"),
        ):
            read_floor = timed(lambda p=path: _floor_read(p), repeat)  # type: ignore[misc]
            parse = timed(lambda p=path: read_plan(p), repeat)  # type: ignore[misc]
            _row(f"parse {label}", parse, read_floor, target)
            insert_floor = timed(lambda r=rows: _floor_insert(r, folder), repeat)  # type: ignore[misc]
            whole = timed(lambda p=path: _import(p, folder), repeat)  # type: ignore[misc]
            _row(f"parse+import {label}", whole, insert_floor + read_floor, target)
        corpus = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus").glob("*.txt"))
        count = sum(_measures(p) for p in corpus)
        read_floor = timed(lambda: [_floor_read(p) for p in corpus], 5)
        parse = timed(lambda: [_measures(p) for p in corpus], 5)
        _row(f"parse corpus ({len(corpus)} files, {count} measures)", parse, read_floor, "none")
        tables.tables(folder, _row)
        desk.notes_search(folder, _row)
        desk.startup(folder, _row, previous=previous)
        for group in (exports.exports, office.office, summary.summary, network.network_load, scans.scans):
            # what earlier groups left in memory is set aside, so the collector does not rescan it in the
            # middle of the next group's figures (it slowed the allocation-heavy exports by a third)
            gc.collect()
            gc.freeze()
            group(folder, _row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
