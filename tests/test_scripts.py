"""The scripts outside the package (benchmarks, screenshot drawing) still import what they use.

They are run by hand (`make bench`, `make screenshots`), so nothing else would notice a name that moved.
"""

from __future__ import annotations

import importlib
import importlib.util

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("module", "entry"),
    [
        ("bench.run", "main"),
        ("bench.desk", "startup"),
        ("bench.desk", "instructions"),
        ("bench.paint_exit", "main"),
        ("bench.exports", "exports"),
        ("bench.office", "office"),
        ("bench.fuzz", "main"),
    ],
)
def test_benchmark_modules_import(module: str, entry: str) -> None:
    assert callable(getattr(importlib.import_module(module), entry))


def test_screenshot_script_imports() -> None:
    path = ROOT / "docs" / "screenshots" / "make_screenshots.py"
    spec = importlib.util.spec_from_file_location("make_screenshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # runs its imports; main() only runs as a script
    assert callable(module.main)
