"""The clerk's answers for category tasks (确认属于本单位 / 不属于本单位), per plan, measure uid and unit."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils

from desktop.domain.terms import Claim


def claims_for(db: sqlite_utils.Database, *, unit: str) -> dict[tuple[int, str], Claim]:
    """Return the unit's answers by (plan id, measure uid)."""
    rows = db.execute("SELECT plan_id, measure_uid, claim FROM claims WHERE unit = ?", [unit]).fetchall()
    return {(plan_id, uid): Claim(claim) for plan_id, uid, claim in rows}


def set_claims(db: sqlite_utils.Database, *, unit: str, answers: dict[tuple[int, str], Claim | None]) -> None:
    """Record the unit's answers in one transaction; None forgets an answer (the task is unconfirmed again)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        for (plan_id, uid), claim in answers.items():
            if claim is None:
                db.execute(
                    "DELETE FROM claims WHERE plan_id = ? AND measure_uid = ? AND unit = ?",
                    [plan_id, uid, unit],
                )
            else:
                db.execute(
                    """INSERT INTO claims (plan_id, measure_uid, unit, claim, decided_at) VALUES (?, ?, ?, ?, ?)
                       ON CONFLICT (plan_id, measure_uid, unit) DO UPDATE SET claim = excluded.claim,
                       decided_at = excluded.decided_at""",
                    [plan_id, uid, unit, claim.value, now],
                )
