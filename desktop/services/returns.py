"""Collecting returns (协调单位): import the ledgers the units sent up, each file in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period, parse_period, period_from_label
from desktop.domain.errors import Cancelled, ErrorCode, LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.parsing.units import normalize_unit_name
from desktop.domain.reporting.returns import ReturnFile, match_rows, return_from_content
from desktop.domain.revision import Stored
from desktop.domain.terms import NoteSource
from desktop.domain.text import squash
from desktop.services.backups import make_backup
from desktop.services.messages import text as words
from desktop.services.reading import file_hash
from desktop.services.similarity import similar
from desktop.services.workspace import Workspace
from desktop.storage import notes as note_store
from desktop.storage import plans as plan_store
from desktop.storage import returns as return_store
from desktop.storage import units as unit_store

if TYPE_CHECKING:
    from desktop.network.office import ServerReturn

MIN_MATCHED_SHARE = 0.5  # an old-style ledger whose rows mostly match no measure is another plan's
SUFFIXES = (".xlsx", ".xlsm")

# Asked before a second return of a unit for a period replaces the first: (unit, previous file) -> yes?
Confirm = Callable[[str, return_store.StoredReturn], bool]


@dataclass(frozen=True)
class ReturnOutcome:
    """What became of one file: imported (with counts and warnings) or refused (with the message)."""

    path: Path
    ok: bool
    unit: str = ""
    rows: int = 0
    replaced: bool = False
    warnings: tuple[str, ...] = ()
    error: LuoshiError | None = None


def expand(paths: Sequence[Path]) -> list[Path]:
    """Return the files named, with every spreadsheet in a named folder (not its Office lock files)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", ".~"))
            )
        else:
            files.append(path)
    return files


def _responsible_units(ws: Workspace) -> dict[str, str]:
    """Return every named (not wildcard) unit of the current measures, by each name it is known by."""
    return unit_store.responsible_names(ws.db)


@dataclass(frozen=True)
class _Plans:
    """What every return of a batch is checked and matched against, read once per batch."""

    units: dict[str, str]  # every name a responsible unit is known by -> its stored name
    measures: list[Stored]

    @classmethod
    def read(cls, ws: Workspace) -> _Plans:
        measures = [Stored(s.measure_id, s.uid, s.measure) for s in plan_store.current_measures(ws.db)]
        return cls(_responsible_units(ws), measures)


def _check(ws: Workspace, path: Path, found: ReturnFile, period: Period, units: dict[str, str]) -> str:
    """Return the unit's stored name; refuse a return of another unit, period or plan."""
    if not found.unit:
        raise LuoshiError(ErrorCode.UNIT_MISSING, path=path.name)
    unit = units.get(normalize_unit_name(found.unit)) or units.get(found.unit)
    if unit is None:
        resolved = unit_store.resolve(ws.db, normalize_unit_name(found.unit))
        known = unit_store.names_of(ws.db, resolved) if resolved else []
        unit = units.get(known[0]) if known else None
    if unit is None:
        raise LuoshiError(ErrorCode.WRONG_UNIT, path=path.name, value=found.unit)
    said = parse_period(found.period_code) if found.period_code else None
    if said is None and found.period_label:
        said = period_from_label(found.period_label)
        if said is None:
            raise LuoshiError(
                ErrorCode.PERIOD_MISMATCH, path=path.name, value=found.period_label, name=period.label
            )
    if said is not None and said.code != period.code:
        raise LuoshiError(ErrorCode.PERIOD_MISMATCH, path=path.name, value=said.label, name=period.label)
    if found.plans:
        stored = {squash(p.title) for p in plan_store.list_plans(ws.db)}
        named = [t for t in found.plans.split("；") if t]
        if not any(squash(t) in stored for t in named):
            raise LuoshiError(ErrorCode.PLAN_MISMATCH, path=path.name, reason="titles", titles=named)
    return unit


def import_return(
    ws: Workspace,
    path: Path,
    *,
    period: Period,
    confirm: Confirm | None = None,
    should_stop: Callable[[], bool] | None = None,
    now: datetime | None = None,
    plans: _Plans | None = None,
) -> ReturnOutcome:
    """Import one return in one transaction; a refused or failed file leaves the database as it was.

    `plans` is what a batch read once for all its files; a single import reads it itself.
    """
    from desktop.importers.return_file import read_return  # openpyxl: loaded to read

    found = read_return(path)
    return _store(
        ws, found, path=path, source_hash=file_hash(path), period=period, confirm=confirm,
        should_stop=should_stop, now=now, plans=plans,
    )  # fmt: skip


def _store(
    ws: Workspace,
    found: ReturnFile,
    *,
    path: Path,
    source_hash: str,
    period: Period,
    confirm: Confirm | None,
    should_stop: Callable[[], bool] | None,
    now: datetime | None,
    plans: _Plans | None,
    server_id: str | None = None,
) -> ReturnOutcome:
    plans = plans or _Plans.read(ws)
    unit = _check(ws, path, found, period, plans.units)
    matched, unmatched = match_rows(found.rows, plans.measures, similar=similar)
    if not found.has_ids and found.rows and len(matched) < MIN_MATCHED_SHARE * len(found.rows):
        raise LuoshiError(
            ErrorCode.PLAN_MISMATCH,
            path=path.name,
            reason="rows",
            rows=len(found.rows),
            matched=len(matched),
        )
    before = return_store.current(ws.db, unit=unit, period=period.code)
    if before is not None and not (confirm is not None and confirm(unit, before)):
        raise LuoshiError(ErrorCode.RETURN_DECLINED, path=path.name, value=unit)
    stamp = now or datetime.now().astimezone()
    with ws.db.atomic():
        return_id = return_store.record(
            ws.db,
            unit=unit,
            period=period.code,
            source_name=path.name,
            source_hash=source_hash,
            row_count=len(matched),
            now=stamp,
            server_id=server_id,
        )
        reported = set()
        for number, match in enumerate(matched):
            if should_stop is not None and number % 50 == 0 and should_stop():
                raise Cancelled
            reported.add(match.measure_id)
            _save(ws, match.measure_id, period, unit, match.row.fields, return_id, stamp)
        if before is not None:  # what the first return said and this one no longer does is cleared
            for measure_id in note_store.notes_of_unit(ws.db, period=period.code, unit=unit):
                if measure_id not in reported:
                    _save(ws, measure_id, period, unit, NoteFields(), return_id, stamp)
    warnings = list(found.warnings)
    warnings += [
        words("row_unmatched", row=row.row, label=row.label or words("no_label")) for row in unmatched
    ]
    warnings += [
        words("status_unknown", row=r.row, status=r.status_text) for r in found.rows if r.status_text
    ]
    return ReturnOutcome(path, True, unit, len(matched), before is not None, tuple(warnings))


def store_server_returns(
    ws: Workspace, items: Sequence[ServerReturn], *, period: Period
) -> tuple[list[ReturnOutcome], list[LuoshiError]]:
    """Store returns the office server holds, in order, as imported files are stored (a later version replaces).

    The plans are read once for all of them. Returns what was stored and what was refused.
    """
    if not items:
        return [], []  # the board asks on every open: nothing new costs no read of the plans
    plans = _Plans.read(ws)  # returns change notes only: the measures and units hold for the batch
    stored: list[ReturnOutcome] = []
    refused: list[LuoshiError] = []
    for item in items:
        found = replace(return_from_content(item.content), unit=item.unit)  # the server row says who sent it
        name = Path(words("server_return_name", unit=item.unit, time=item.sent_at.strftime("%Y-%m-%d %H:%M")))
        try:
            outcome = _store(
                ws, found, path=name, source_hash=item.content_hash, period=period,
                confirm=lambda _u, _b: True, should_stop=None, now=item.sent_at, plans=plans,
                server_id=item.return_id,
            )  # fmt: skip
        except LuoshiError as error:
            refused.append(error)
            continue
        stored.append(outcome)
    return stored, refused


def _save(
    ws: Workspace,
    measure_id: MeasureId,
    period: Period,
    unit: str,
    fields: NoteFields,
    return_id: int,
    now: datetime,
) -> None:
    note_store.save_note(
        ws.db,
        measure_id=measure_id,
        period=period.code,
        period_end=period.end.isoformat(),
        unit=unit,
        fields=fields.normalized(),
        session="",
        source=f"{NoteSource.RETURN}:{return_id}",
        now=now,
        coalesce_seconds=0,
        return_id=return_id,
    )


def import_returns(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    period: Period,
    confirm: Confirm | None = None,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int, Path], None] | None = None,
) -> list[ReturnOutcome]:
    """Import many returns (files or folders); each file stands alone, errors are listed per file.

    The database is backed up once before the first file.
    """
    make_backup(ws, "returns")
    plans = _Plans.read(ws)  # returns change notes only: the measures and units hold for the batch
    outcomes = []
    for number, path in enumerate(expand(paths)):
        if should_stop is not None and should_stop():
            raise Cancelled
        if progress is not None:
            progress(number, path)
        try:
            outcomes.append(
                import_return(ws, path, period=period, confirm=confirm, should_stop=should_stop, plans=plans)
            )
        except LuoshiError as error:
            outcomes.append(ReturnOutcome(path, False, error=error))
    return outcomes


def history(ws: Workspace, *, unit: str, period: Period) -> list[return_store.StoredReturn]:
    """Return every return of a unit for a period, newest first (replaced ones stay listed)."""
    return return_store.history(ws.db, unit=unit, period=period.code)
