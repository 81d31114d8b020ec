"""Shared fixtures; Qt runs offscreen in every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a clerk's screen, 1366×768, instead of offscreen's 800×800
    _screen = os.path.join(os.path.dirname(__file__), "fixtures", "screens", "1366x768.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "neimenggu_2026_yingshang_huanjing.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "luoshi.db"
