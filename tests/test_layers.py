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
    "network": {"network", "domain"},  # the office server (psycopg): beside storage, behind services
    "services": {"services", "storage", "network", "importers", "exporters", "domain"},
    "ui": {"ui", "services", "domain"},
}
ROOTS = {"app", "cli", "__main__", "__init__"}  # composition roots may import any layer
QT_ALLOWED = {"ui", "app"}


def _layer(path: Path, package: Path = PACKAGE) -> str:
    rel = path.relative_to(package)
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


def _violations(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        layer = _layer(path, package)
        for line, module in _imports(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(package.parent)}:{line} imports {module}"
            if top == "psycopg" and layer != "network":
                problems.append(f"{where}: psycopg only in desktop/network")
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


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    package = tmp_path / "desktop"
    (package / "domain").mkdir(parents=True)
    (package / "domain" / "probe.py").write_text(
        "def f() -> None:\n    import sqlite_utils\n    from desktop.storage import plans\n", encoding="utf-8"
    )
    problems = _violations(package)
    assert any("standard library only" in p for p in problems)
    assert any("domain may not reach storage" in p for p in problems)


def _module(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Return module -> the desktop modules it imports (function-local and TYPE_CHECKING ones too)."""
    modules = {_module(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "desktop":
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.split(".")[0] == "desktop")
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the groups of modules that import each other in a circle (Tarjan's strongly connected parts)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    assert _cycles(_graph()) == []


def test_no_ui_module_imports_the_main_window() -> None:
    graph = _graph()
    users = sorted(m for m, targets in graph.items() if "desktop.ui.main_window" in targets)
    assert users == ["desktop.app"]


def test_the_circle_finder_finds_one(tmp_path: Path) -> None:
    package = tmp_path / "desktop"
    package.mkdir()
    (package / "a.py").write_text("from desktop import b\n", encoding="utf-8")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop import a\n"
    )
    assert _cycles(_graph(package)) == [["desktop.a", "desktop.b"]]


def test_imports_inside_functions_are_the_few_with_a_reason() -> None:
    """Imports are at the top; the exceptions are few, each saying why on its line.

    The window's one deferred import (desktop.app loads the desk after the first paint); a reader or writer
    of .docx/.xlsx/.pdf/HTML whose library loads only when such a file is read or written; the flows behind the
    menus, built at their first use (window_actions, office_actions); the log's rotating handler; the plan
    reader on a first run (the sample plan is read once, when there is no data); the word segmenter, loaded
    when a title is laid out or checked; the font-file reader, when a report is written; the Windows registry, on Windows;
    the OCR child's libraries, inside it; psycopg and keyring, when the network is used (the window shows 联网报送 without loading them).
    """
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(source))):
            if isinstance(node, ast.FunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        line = source[inner.lineno - 1]
                        reason = line.split("#", 1)[-1].split("# noqa")[0].strip()
                        found.append((path.relative_to(PACKAGE).as_posix(), reason))
    assert found, "the deferred start-up import is missing"
    start_up = "the one deferred import: the desk and everything it needs"
    reasons = (
        {start_up}
        | {
            f"{lib}: loaded to {verb}"
            for lib in ("python-docx", "openpyxl", "pdfplumber", "olefile", "xlrd", "defusedxml", "lxml.html")
            for verb in ("read", "write")
        }
        | {"pdfplumber: loaded to read a rendered page"}
        | {"a menu's flow: loaded at its first use", "logging.handlers: the log opens after the first paint"}
        | {"the plan reader: loaded on a first run, to read the sample"}
        | {"rjieba: loaded to break a title (its dictionary takes 0.1 s to build)"}
        | {"fontTools: loaded to read names"}
        | {"the OCR reader: loaded to read a scan"}
        | {"rapidocr: the child's one job", "pypdfium2: the child renders the pages"}
        | {"numpy: loaded in the OCR child"}
        | {"Pillow: the child decodes the pages"}
        | {"the Windows registry: only on Windows"}
        | {"psycopg: loaded when the network is used", "keyring: loaded when a password is stored or read"}
        | {"a network task's services: loaded when used"}
    )
    assert [f for f in found if f[1] not in reasons] == []
    assert [f for f in found if f[1] == start_up] == [("app.py", start_up)]
    flows = sorted({where for where, reason in found if reason.startswith("a menu's flow")})
    assert flows == ["ui/office_actions.py", "ui/window_actions.py"]  # the menus' flows, and only there
