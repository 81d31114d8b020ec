"""Coordinating-office figures: merging 100 returns of a 120-measure plan, and the board over them."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from bench.timing import timed
from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import parse_period
from desktop.domain.reporting.ledger import LedgerMeta, ledger_row
from desktop.domain.terms import Status
from desktop.exporters.ledger_xlsx import write_ledger
from desktop.services import board as board_service
from desktop.services import imports
from desktop.services import returns as return_service
from desktop.services.workspace import Workspace
from desktop.storage import plans as plan_store
from tests.province import DEPARTMENTS, WORDS

Row = Callable[[str, float, float, str], None]
PREFIXES = ("自治区", "呼和浩特市", "包头市")
UNITS = [f"{p}{d}" for p in PREFIXES for d in DEPARTMENTS][:100]
Q1 = parse_period("2026Q1")


def _plan(path: Path) -> None:
    lines = ["某自治区营商环境攻坚行动方案", "某政发〔2026〕3号", "一、重点任务"]
    for n in range(120):
        words = "".join(WORDS[(n * 7 + k * 13) % len(WORDS)] for k in range(16))
        lead, support = UNITS[n % 100], UNITS[(n + 37) % 100]
        lines.append(f"{n + 1}.第{n + 1}项{words}。（{lead}牵头，{support}配合）")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _returns(ws: Workspace, folder: Path) -> list[Path]:
    """Write one ledger per unit with a row for every measure, as a unit's export would."""
    assert Q1 is not None
    measures = plan_store.current_measures(ws.db)
    files = []
    for number, unit in enumerate(UNITS):
        rows = [
            ledger_row(
                measure_id=s.measure_id,
                uid=s.uid,
                label=s.measure.label,
                text=s.measure.text,
                leads=(),
                supports=(),
                deadline="",
                note=NoteFields(
                    f"{unit}第{s.measure.label}项进展。" * 3, "问题。", "计划。", Status.IN_PROGRESS
                ),
                overdue=False,
                attachments=(),
            )
            for s in measures
        ]
        path = folder / f"return-{number}.xlsx"
        write_ledger(
            LedgerMeta("台账", unit, Q1.code, Q1.label, "某自治区营商环境攻坚行动方案", "0", "今天"),
            rows,
            path,
        )
        files.append(path)
    return files


def _floor_merge(files: list[Path], folder: Path) -> None:
    """Bare openpyxl reading every file's cells (read-only, streamed), and bare sqlite3 inserting its rows,
    one transaction per file."""
    conn = sqlite3.connect(folder / f"floor-{time.perf_counter_ns()}.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE n (f TEXT, r INTEGER, a TEXT, b TEXT, c TEXT, s TEXT)")
    for path in files:
        book = openpyxl.load_workbook(path, read_only=True)
        rows = list(book.worksheets[0].iter_rows(min_row=4, values_only=True))
        with conn:
            conn.executemany(
                "INSERT INTO n VALUES (?, ?, ?, ?, ?, ?)",
                [(path.name, i, r[5], r[6], r[7], r[8]) for i, r in enumerate(rows)],
            )
        book.close()
    conn.close()


def office(folder: Path, row: Row) -> None:
    """Print the merge and board figures."""
    assert Q1 is not None
    work = folder / "office"
    work.mkdir()
    _plan(work / "plan.txt")
    with Workspace(work / "office.db") as ws:
        imports.import_file(ws, path=work / "plan.txt")
        files = _returns(ws, work)
        start = time.perf_counter()
        outcomes = return_service.import_returns(ws, files, period=Q1)
        merge = time.perf_counter() - start
        assert all(o.ok and o.rows == 120 for o in outcomes), [o.error for o in outcomes if not o.ok][:3]
        floor = timed(lambda: _floor_merge(files, work), 1)
        row("merge 100 returns × 120 measures", merge, floor, "< 10 s")
        board = timed(lambda: board_service.load_board(ws, Q1), 7)
        notes = timed(lambda: ws.db.execute("SELECT * FROM notes WHERE period = ?", [Q1.code]).fetchall(), 7)
        row("board for them (12,000 notes)", board, notes, "< 500 ms")
