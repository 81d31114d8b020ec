"""Every import in desktop/ points the allowed way (function-local imports included)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "desktop"
# layer -> the desktop layers it may import
ALLOWED = {
    "domain": {"domain"},
    "storage": {"storage", "domain"},
    "importers": {"importers", "domain"},
    "exporters": {"exporters", "domain"},
    "services": {"services", "storage", "importers", "exporters", "domain"},
    "ui": {"ui", "services", "domain"},
}
ROOTS = {"app", "cli", "__main__", "__init__"}  # composition roots may import any layer
QT_ALLOWED = {"ui", "app"}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.stem in ROOTS else rel.stem


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: use absolute imports")
    return found


def _violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        for line, module in _imports(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(ROOT)}:{line} imports {module}"
            if top in ("PySide6", "shiboken6") and layer not in QT_ALLOWED:
                problems.append(f"{where}: Qt only in desktop/ui and desktop/app.py")
            if top == "desktop":
                parts = module.split(".")
                target = parts[1] if len(parts) > 1 else ""
                if target in ROOTS and layer not in ROOTS:
                    problems.append(f"{where}: nothing imports the composition roots")
                elif layer in ALLOWED and target not in ALLOWED[layer]:
                    problems.append(f"{where}: {layer} may not reach {target}")
            elif layer == "domain" and top not in sys.stdlib_module_names and top != "__future__":
                problems.append(f"{where}: domain is standard library only")
    return problems


def test_layers_point_one_way() -> None:
    assert _violations() == []


def test_the_checker_catches_a_violation(tmp_path: Path, monkeypatch: object) -> None:
    bad = PACKAGE / "domain" / "_layer_probe.py"
    bad.write_text(
        "def f() -> None:\n    import sqlite_utils\n    from desktop.storage import plans\n", encoding="utf-8"
    )
    try:
        problems = _violations()
    finally:
        bad.unlink()
    assert any("standard library only" in p for p in problems)
    assert any("domain may not reach storage" in p for p in problems)
