"""Files that are not plans (a notice, a ruling, numbered poems) read as 'names no unit', never as plans
whose measures quietly lack units; every real plan of the corpus names units."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importers import read_plan
from tests.conftest import FIXTURES
from tests.corpus import CORPUS

NON_PLANS = FIXTURES / "nonplans"


@pytest.mark.parametrize("name", ["notice.txt", "ruling.txt", "poems.txt"])
def test_a_non_plan_names_no_unit(name: str) -> None:
    plan = read_plan(NON_PLANS / name)
    assert plan.measures and plan.names_no_unit


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_corpus_plan_names_units(path: Path) -> None:
    assert not read_plan(path).names_no_unit


def test_the_sample_names_units(sample_path: Path) -> None:
    assert not read_plan(sample_path).names_no_unit
