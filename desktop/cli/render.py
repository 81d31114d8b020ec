"""Plain-text and JSON shapes of plans and measures for the command line."""

from __future__ import annotations

from typing import Any

from desktop.cli.messages import TEXT
from desktop.domain.desk.assignment import Assignment
from desktop.domain.models import Measure, Plan
from desktop.domain.parsing.doubts import describe
from desktop.domain.terms import Claim, Role


def measure_json(
    measure: Measure, assignment: object | None = None, claim: Claim | None = None
) -> dict[str, Any]:
    """Return the JSON object for one measure (the shape `parse --json` promises, plus extras)."""
    data: dict[str, Any] = {
        "seq": measure.seq,
        "label": measure.label,
        "chapter": measure.chapter,
        "text": measure.text,
        "units": [
            {"name": u.name, "role": u.role.value, "wildcard": u.wildcard, "category": u.category}
            for u in measure.units
        ],
        "deadline": measure.deadline,
        "deadlines": [{"text": d.text, "due": d.due, "standing": d.standing} for d in measure.deadlines],
        "section": measure.section,
        "clause": measure.clause,
        "leaders": list(measure.leaders),
        "doubts": [{"code": d.code, "detail": d.detail, "text": describe(d)} for d in measure.doubts],
    }
    if isinstance(assignment, Assignment):
        data["assignment"] = {
            "role": assignment.role.value,
            "via_wildcard": assignment.via_wildcard,
            "unit": assignment.unit,
            "claim": claim.value if claim else None,
        }
    return data


def plan_json(plan: Plan) -> dict[str, Any]:
    """Return the JSON object printed by `luoshi parse --json`."""
    return {
        "title": plan.title,
        "doc_number": plan.doc_number,
        "issued_on": plan.issued_on,
        "chapters": [c.title for c in plan.chapters],
        "measures": [measure_json(m) for m in plan.measures],
        "names_no_unit": plan.names_no_unit,
    }


def measure_line(measure: Measure, assignment: Assignment | None = None, claim: Claim | None = None) -> str:
    """Return one readable line for a measure: number, units by role, deadline, start of the text."""
    leads = "、".join(u.name for u in measure.units if u.role is Role.LEAD) or TEXT["none"]
    supports = "、".join(u.name for u in measure.units if u.role is Role.SUPPORT)
    parts = [f"{measure.label}. {measure.text[:40]}…", f"{TEXT['lead']}：{leads}"]
    if supports:
        parts.append(f"{TEXT['support']}：{supports}")
    if measure.deadline:
        parts.append(f"{TEXT['deadline']}：{measure.deadline}")
    if assignment is not None:
        role = TEXT["lead"] if assignment.role is Role.LEAD else TEXT["support"]
        how = ""
        if assignment.via_wildcard:
            how = TEXT["via_wildcard"] if claim is None else TEXT[f"claim_{claim.value}"]
        parts.append(f"［{role}{how}］")
    return "  ".join(parts)
