from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services import imports
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace


@pytest.fixture
def ws(db_path: Path, sample_path: Path) -> Iterator[Workspace]:
    """A real database holding the sample plan, the clerk being 自治区发展改革委 (an 行业主管部门)."""
    with Workspace(db_path) as workspace:
        imports.import_file(workspace, path=sample_path)
        unit_service.set_profile(workspace, unit="自治区发展改革委", categories=["行业主管部门"])
        yield workspace
