"""Desk benchmarks: cold start to a painted window, and filter/search over 100,000 notes."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from unittest import mock

from bench.generate import plan_text
from bench.timing import timed
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period, Rhythm, parse_period
from desktop.domain.desk.worklist import Filter
from desktop.domain.terms import Scope
from desktop.services import imports
from desktop.services import notes as note_service
from desktop.services import search as search_service
from desktop.services import units as unit_service
from desktop.services import worklist as wl
from desktop.services.locations import APP_NAME, DB_ENV, database_path, sample_plan_path
from desktop.services.workspace import Workspace
from desktop.storage import char_index

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "调度",
    "督导",
    "检查",
    "企业",
    "走访",
    "座谈",
    "项目",
    "开工",
    "资金",
    "拨付",
    "政策",
    "出台",
    "清理",
    "文件",
    "审批",
    "时限",
    "压减",
    "平台",
    "上线",
    "数据",
    "共享",
    "培训",
    "宣传",
    "考核",
    "整改",
    "销号",
]


def _spawn(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    """Return the wall time from starting the process to the paint it reports (its exit not included)."""
    start = time.time()
    done = subprocess.run(args, check=True, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    stamp = next(line for line in done.stdout.splitlines() if line.startswith("painted "))
    return float(stamp.split()[1]) - start


def _spread(name: str, runs: list[float], floor: list[float]) -> None:
    """Print the quartiles of `runs` and the ratio of each alternated pair (they share the machine's state)."""
    q1, _, q3 = statistics.quantiles(runs, n=4)
    ratios = [r / f for r, f in zip(runs, floor, strict=True)]
    print(
        f"  {name}: {len(runs)} runs, middle half {q1 * 1000:.0f}–{q3 * 1000:.0f} ms; ratio of each pair "
        f"median {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"
    )


Spawn = Callable[[str], float]  # "window" or "desk" -> seconds to that paint


def _seed(checkout: Path, db: Path, env: dict[str, str]) -> None:
    """Create the clerk's database with `checkout`'s own command line (each version has its own schema)."""
    for args in (
        ["import", str(sample_plan_path())],
        ["profile", "set", "--unit", "自治区发展改革委", "--category", "行业主管部门"],
    ):
        code = f"from desktop.cli import main; raise SystemExit(main({['--db', str(db), *args]!r}))"
        subprocess.run(
            [sys.executable, "-c", code], check=True, env=env, cwd=checkout, capture_output=True, timeout=120
        )


def _starter(checkout: Path, data: Path, args: list[str], env: dict[str, str]) -> Spawn:
    """Return how to start the app of `checkout` on its own data folder and time it to the paint named.

    A checkout from before bench/start_app.py (2026-12-03) quit by itself on LUOSHI_EXIT_AFTER_PAINT.
    """
    env = {**env, "PYTHONPATH": str(checkout), "XDG_DATA_HOME": str(data)}
    _seed(checkout, data / APP_NAME / "luoshi.db", env)
    script = checkout / "bench" / "start_app.py"
    if script.exists():
        return lambda which: _spawn([sys.executable, str(script), which, *args], env, checkout)
    hook = {"window": "1", "desk": "loaded"}
    return lambda which: _spawn(
        [sys.executable, "-m", "desktop", *args], {**env, "LUOSHI_EXIT_AFTER_PAINT": hook[which]}, checkout
    )


def startup(
    folder: Path,
    row: Callable[[str, float, float, str], None],
    repeat: int = 15,
    previous: Path | None = None,
) -> None:
    """Time the app to its first painted window against a bare PySide6 window, alternating.

    The app starts the clerk's way: no --db, the database found in the user's data folder (XDG_DATA_HOME
    points into `folder`), with the bytecode compiled as an installed or bundled copy has it. Two figures:
    the window painted (menus, filters and panes, before the database is opened) and the window painted
    again with the worklist loaded. With `previous` (another checkout, e.g. a `git worktree` of an older
    commit) its two figures are timed in the same rounds.
    """
    data = folder / "data"
    db = data / APP_NAME / "luoshi.db"
    env = {k: v for k, v in os.environ.items() if k != DB_ENV}
    env.update(PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(data))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = [] if sys.platform == "linux" else ["--db", str(db)]  # XDG_DATA_HOME is a Linux convention
    with mock.patch.dict(os.environ, env, clear=True):
        assert database_path() == db or sys.platform != "linux", "the app would open another database"
    ours = _starter(ROOT, data, args, env)
    theirs = None
    if previous is not None:
        old_data = folder / "previous"
        theirs = _starter(
            previous, old_data, [] if not args else ["--db", str(old_data / APP_NAME / "luoshi.db")], env
        )
    for checkout in (ROOT, previous) if previous is not None else (ROOT,):
        compiled = [sys.executable, "-m", "compileall", "-q", str(checkout / "desktop")]
        subprocess.run(compiled, check=True, capture_output=True)
    bare_cmd = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    _spawn(bare_cmd, env), ours("desk"), theirs and theirs("desk")  # warm the file cache
    bare, shell, loaded, old_shell, old_loaded = [], [], [], [], []
    for _ in range(repeat):
        bare.append(_spawn(bare_cmd, env))
        shell.append(ours("window"))
        loaded.append(ours("desk"))
        if theirs is not None:
            old_shell.append(theirs("window"))
            old_loaded.append(theirs("desk"))
    name = env["QT_QPA_PLATFORM"]
    floor = statistics.median(bare)
    row(f"cold start to painted main window ({name})", statistics.median(shell), floor, "≤ 1.6× bare")
    _spread("main window", shell, bare)
    row(f"cold start to painted worklist ({name})", statistics.median(loaded), floor, "no worse than before")
    _spread("worklist", loaded, bare)
    if previous is not None:
        label = f"previous code ({previous.name})"
        row(f"  {label}: painted main window", statistics.median(old_shell), floor, "—")
        _spread("previous main window", old_shell, bare)
        row(f"  {label}: painted worklist", statistics.median(old_loaded), floor, "—")
        _spread("previous worklist", old_loaded, bare)
    instructions(env)
    bundle = ROOT / "dist" / "luoshi" / ("luoshi.exe" if sys.platform == "win32" else "luoshi")
    if not bundle.exists():
        print("bundle: not built (make bundle), its figures are skipped")
        return
    # symlinks (PyInstaller links some Qt libraries) would count their target twice
    size = sum(f.stat().st_size for f in bundle.parent.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"{'bundle size (dist/luoshi, one folder)':<50} {size / 2**20:9.1f} MB")


def _instructions(which: str, env: dict[str, str]) -> int:
    probe = [sys.executable, str(ROOT / "bench" / "paint_exit.py"), which]
    out = Path(env["XDG_DATA_HOME"]) / f"callgrind.{which}"
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *probe],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stderr.splitlines() if "refs:" in x)
    return int(line.split()[-1].replace(",", ""))


def instructions(env: dict[str, str]) -> None:
    """Count the instructions each start runs up to its first paint (callgrind): the same on every run.

    The wall-clock figures of a shared machine move by a third between runs; this count does not (fixed hash
    seed). It leaves out what instructions do not show: waiting for the disk, page faults, the scheduler.
    """
    if shutil.which("valgrind") is None:
        print("instructions to first paint: valgrind is not installed, skipped")
        return
    fixed = {**env, "PYTHONHASHSEED": "0"}
    bare, app = _instructions("bare", fixed), _instructions("app", fixed)
    name = f"instructions to first paint ({env['QT_QPA_PLATFORM']}, callgrind)"
    print(f"{name:<50} {app / 1e6:9.1f} M    floor {bare / 1e6:8.1f} M    ratio {app / bare:7.2f}   target —")


def _fill_notes(ws: Workspace, periods: list[Period], rng: random.Random) -> int:
    """Insert one note per measure and period in one transaction (setup, not what is measured)."""
    unit = note_service.my_unit(ws)
    ids = [r[0] for r in ws.db.execute("SELECT id FROM measures")]
    count = 0
    with ws.db.atomic():
        for period in periods:
            rows = []
            for measure_id in ids:
                text = "，".join("".join(rng.choices(WORDS, k=3)) for _ in range(rng.randint(3, 10))) + "。"
                rows.append(
                    (
                        measure_id,
                        period.code,
                        period.end.isoformat(),
                        unit,
                        text,
                        text[::-1],
                        text[:20],
                        "in_progress",
                        "x",
                    )
                )
            ws.db.conn.executemany(
                """INSERT INTO notes (measure_id, period, period_end, unit, progress, problems, next_steps, status, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows,
            )
            count += len(rows)
        for measure_id in ids:
            char_index.reindex(ws.db, measure_id)
    return count


def notes_search(folder: Path, row: Callable[[str, float, float, str], None], notes: int = 100_000) -> None:
    """Filter and search a desk of 2,000 measures holding `notes` notes."""
    plan = folder / "plan-2000.txt"
    plan.write_text(plan_text(2000), encoding="utf-8")
    db = folder / "notes" / "luoshi.db"
    rng = random.Random(3)
    with Workspace(db) as ws:
        imports.import_file(ws, path=plan)
        unit_service.set_profile(ws, unit="自治区发展改革委", categories=["行业主管部门"])
        first = Period(2023, Rhythm.MONTH, 1)
        periods = [first.shifted(i) for i in range(notes // 2000)]
        stored = _fill_notes(ws, periods, rng)
        period = parse_period("2026-03")
        assert period is not None
        today = date(2026, 3, 20)
        items = wl.load_worklist(ws, period, today=today)
        conn = sqlite3.connect(db)

        def floor_scan(word: str) -> None:
            conn.execute(
                "SELECT COUNT(*) FROM notes WHERE instr(progress, ?) > 0 OR instr(problems, ?) > 0 OR instr(next_steps, ?) > 0",
                [word, word, word],
            ).fetchone()

        floor_rows = timed(
            lambda: conn.execute(
                "SELECT measure_id, status FROM notes WHERE period = ?", [period.code]
            ).fetchall(),
            9,
        )
        row(
            f"load worklist (2,000 measures, {stored:,} notes)",
            timed(lambda: wl.load_worklist(ws, period, today=today), 5),
            floor_rows,
            "—",
        )
        row(
            "filter: 我牵头的 + 推进中 (in memory)",
            timed(lambda: wl.apply_filter(ws, items, Filter(scope=Scope.LEAD, status="in_progress")), 9),
            floor_rows,
            "< 100 ms",
        )
        for query in ("督", "督导", "督导检查", "企业 走访", "鄂", "鄂尔"):
            first_word = query.split()[0]
            floor = timed(lambda q=first_word: floor_scan(q), 5)  # type: ignore[misc]
            value = timed(lambda q=query: wl.apply_filter(ws, items, Filter(scope=Scope.ALL, text=q)), 5)  # type: ignore[misc]
            hits = len(search_service.search(ws, query))
            row(f"search “{query}” ({hits} measures)", value, floor, "< 100 ms")
        _save_latency(ws, conn, items[0].measure_id, period, row)
        conn.close()
    _peak_memory(db, row)


def _save_latency(
    ws: Workspace,
    conn: sqlite3.Connection,
    measure_id: int,
    period: Period,
    row: Callable[[str, float, float, str], None],
) -> None:
    """One autosave (note and revision, one transaction, synchronous=FULL) against a bare one-row UPDATE."""
    key = note_service.key_for(ws, measure_id, period)
    counter = iter(range(10**6))
    conn.execute("PRAGMA synchronous = FULL")

    def bare() -> None:
        with conn:
            conn.execute("UPDATE notes SET progress = ? WHERE id = 1", [f"进展{next(counter)}"])

    save = timed(lambda: note_service.save_note(ws, key, NoteFields(progress=f"进展{next(counter)}")), 15)
    row("note save (autosave, 100,000 notes in the file)", save, timed(bare, 15), "—")


_RSS = (
    "import resource, runpy, sys\n"
    "sys.argv = sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_path(sys.argv[0], run_name='__main__') if sys.argv[0].endswith('.py') "
    "else runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)


def _rss(args: list[str], env: dict[str, str]) -> float:
    """Return the peak resident memory of a process in bytes (Linux reports kilobytes)."""
    done = subprocess.run(
        [sys.executable, "-c", _RSS, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return (
        float(next(line for line in done.stdout.splitlines() if line.startswith("maxrss")).split()[1]) * 1024
    )


def _peak_memory(db: Path, row: Callable[[str, float, float, str], None]) -> None:
    """Peak memory of the window with the 100,000-note desk loaded, against a bare PySide6 window."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    ours = _rss([str(ROOT / "bench" / "start_app.py"), "desk", "--db", str(db)], env)
    floor = _rss([str(ROOT / "bench" / "bare_window.py")], env)
    print(
        f"{'peak memory, window on 100,000 notes':<50} {ours / 2**20:9.1f} MB   floor {floor / 2**20:8.1f} MB"
        f"   ratio {ours / floor:7.1f}   target < 300 MB"
    )
