"""Score the parser on the development corpus of real plans (tests/fixtures/corpus, keys.json).

The rules are those of the corpus's own score.py (SOURCES.md): a measure is exact when every key lead is
a parsed lead, every other key unit is parsed, no named unit appears that the key does not list, the key
deadline is inside the parsed deadline and every key phrase is in the parsed text. Run it as
`python -m tests.corpus [FILE ...]` to print every miss; tests/domain/parsing/test_corpus.py asserts on it.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.cli.render import plan_json
from desktop.domain.errors import LuoshiError
from desktop.importers import read_plan

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _norm(s: str) -> str:
    return "".join(s.split()).replace("(", "（").replace(")", "）")


def has_unit(units: list[dict[str, Any]], key: str, role: str | None = None) -> bool:
    """Return True when a parsed unit matches `key` (ends-with match; '*' keys match by containment)."""
    for u in units:
        if role and u.get("role") != role:
            continue
        name = _norm(u.get("name", ""))
        if key.startswith("*"):
            if key[1:] in name:
                return True
        elif (
            name == _norm(key) or name.endswith(_norm(key)) or (_norm(key).endswith(name) and len(name) >= 3)
        ):
            return True
    return False


@dataclass
class FileScore:
    """One corpus file: exact measures, expected count, misses and which parsed measures carry doubts."""

    name: str
    exact: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_without_doubt: list[str] = field(default_factory=list)
    right_with_doubt: list[str] = field(default_factory=list)
    right: int = 0


def score_file(name: str, key: dict[str, Any]) -> FileScore:
    """Parse one corpus file in-process and compare it with its key."""
    result = FileScore(name, expected=key["count"])
    try:
        doc = plan_json(read_plan(CORPUS / name))
    except LuoshiError as error:
        result.misses.append(f"{name}: parse failed: {error.code.value}")
        return result
    measures = doc["measures"]
    if len(measures) != key["count"]:
        result.misses.append(f"{name}: {len(measures)} measures, expected {key['count']}")
    for i, m in enumerate(measures, start=1):
        errs = []
        units = m.get("units", [])
        if i > key["count"]:
            errs.append("a measure the key does not have")
        leads = key.get("lead", {}).get(str(i), [])
        others = key.get("also", {}).get(str(i), [])
        errs += [f"lead {k} missing" for k in leads if not has_unit(units, k, "lead")]
        errs += [f"unit {k} missing" for k in others if not has_unit(units, k)]
        stray = [
            u.get("name")
            for u in units
            if not u.get("wildcard") and not any(has_unit([u], k) for k in leads + others)
        ]
        if stray:
            errs.append(f"units the key does not list: {stray}")
        d = key.get("deadline", {}).get(str(i))
        if d and _norm(d) not in _norm(m.get("deadline") or ""):
            errs.append(f"deadline {m.get('deadline')!r}, expected {d}")
        errs += [
            f"text lacks {p}"
            for p in key.get("contains", {}).get(str(i), [])
            if _norm(p) not in _norm(m.get("text") or "")
        ]
        doubted = bool(m.get("doubts"))
        if errs:
            result.misses.append(f"{name} #{i} ({m.get('label')}): " + "; ".join(errs))
            if not doubted:
                result.wrong_without_doubt.append(f"{name} #{i}")
        else:
            result.exact += 1 if i <= key["count"] else 0
            result.right += 1
            if doubted:
                codes = ",".join(d["code"] for d in m["doubts"])
                result.right_with_doubt.append(f"{name} #{i} [{codes}]")
    return result


def score(names: list[str] | None = None) -> list[FileScore]:
    """Score every named corpus file (all when `names` is empty)."""
    keys = json.loads((CORPUS / "keys.json").read_text("utf-8"))
    return [score_file(n, keys[n]) for n in (names or list(keys))]


def main(argv: list[str]) -> int:
    results = score([Path(a).name for a in argv])
    for r in results:
        for line in r.misses:
            print(line)
    for r in results:
        for line in r.wrong_without_doubt:
            print("wrong, no doubt:", line)
        for line in r.right_with_doubt:
            print("right, doubted:", line)
    exact = sum(r.exact for r in results)
    total = sum(r.expected for r in results)
    right = sum(r.right for r in results)
    doubted = sum(len(r.right_with_doubt) for r in results)
    print(f"corpus: {exact}/{total} measures exact ({exact / total:.1%}) in {len(results)} files")
    print(
        f"doubts: {sum(len(r.wrong_without_doubt) for r in results)} wrong measures without a doubt; "
        f"{doubted}/{right} right measures with one ({doubted / max(1, right):.1%})"
    )
    return 0 if exact == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
