"""OFD (GB/T 33190) built from the sample's text: the same measures; seals and annotations ignored."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.domain.models import Plan
from desktop.importers import read_plan
from desktop.importers.ofd_file import read_ofd_lines
from tests.helpers import OFD_NS, write_ofd
from tests.importers.test_formats_same_measures import _summary


@pytest.fixture(scope="module")
def reference() -> Plan:
    from tests.conftest import SAMPLE

    return read_plan(SAMPLE)


def test_the_sample_as_ofd_gives_the_same_measures(
    tmp_path: Path, sample_path: Path, reference: Plan
) -> None:
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    path = write_ofd(lines, tmp_path / "方案.ofd")
    assert read_ofd_lines(path)[:3] == [line for line in lines if line.strip()][:3]
    plan = read_plan(path)
    assert (plan.title, plan.doc_number) == (reference.title, reference.doc_number)
    assert _summary(plan) == _summary(reference)
    assert "批注印章文字" not in "\n".join(read_ofd_lines(path))


def test_characters_placed_out_of_order_are_read_in_reading_order(tmp_path: Path) -> None:
    page = (
        f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content><ofd:Layer ID="1">'
        '<ofd:TextObject ID="2" Boundary="28 50 100 7" Size="5.6"><ofd:TextCode X="11.2" Y="5">负责）</ofd:TextCode>'
        '<ofd:TextCode X="0" Y="5" DeltaX="5.6">（市</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="3" Boundary="28 40 100 7" Size="5.6"><ofd:TextCode X="0" Y="5">1.加强统筹。</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    path = write_ofd(["占位"], tmp_path / "order.ofd", page=page)
    assert read_ofd_lines(path) == ["1.加强统筹。", "（市负责）"]


def test_hostile_and_broken_ofds_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "dtd.ofd"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr(
            "OFD.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ofd:OFD xmlns:ofd="x"/>'
        )
    with pytest.raises(LuoshiError) as caught:
        read_plan(bomb)
    assert caught.value.code is ErrorCode.UNSAFE_XML
    missing = tmp_path / "missing.ofd"
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr(
            "OFD.xml",
            f'<ofd:OFD xmlns:ofd="{OFD_NS}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        )
    with pytest.raises(LuoshiError) as caught:
        read_plan(missing)
    assert caught.value.code is ErrorCode.CORRUPT


def test_text_placed_with_a_ctm_in_points_reads_as_in_millimetres(
    tmp_path: Path, sample_path: Path, reference: Plan
) -> None:
    """The 数科/金格 way: Boundary in mm, CTM 0.3528, Size/X/Y/DeltaX in points."""
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    path = write_ofd(lines, tmp_path / "ctm.ofd", points=True)
    assert read_ofd_lines(path)[:3] == [line for line in lines if line.strip()][:3]
    assert _summary(read_plan(path)) == _summary(reference)
