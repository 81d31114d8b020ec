"""Excel 97–2003 .xls (and WPS .et, the same BIFF8 file) written by LibreOffice: the same measures as .xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import ErrorCode, LuoshiError
from desktop.importers import read_plan
from tests.helpers import convert, write_xlsx
from tests.importers.test_formats_same_measures import _summary

ROWS = [
    ["某某市优化营商环境重点任务清单"],
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["一、市场化营商环境", "", "", "", ""],
    ["1", "清理规范招商引资违规政策，加强招商引资信息披露。", "市商务局", "", "2026年6月底前"],
    ["2", "扎实落实促进民间投资发展的政策措施。", "市发展改革委", "市财政局", "持续推进"],
    ["3", "建立营商环境“无感监测”指标体系。", "市发展改革委", "市数据局、各业务系统主管部门", "2026年底前"],
    ["二、法治化营商环境", "", "", "", ""],
    ["4", "加快推进优化营商环境条例立法进程。", "市司法局", "", ""],
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("xls")
    xlsx = write_xlsx(ROWS, folder / "清单.xlsx", merges=["A1:E1", "A3:E3", "A7:E7"])
    return xlsx, convert(xlsx, folder, "xls")


def test_an_xls_task_list_gives_the_same_measures_as_the_xlsx(made: tuple[Path, Path]) -> None:
    xlsx, xls = made
    from_xls = read_plan(xls)
    assert len(from_xls.measures) == 4
    assert _summary(from_xls) == _summary(read_plan(xlsx))
    assert [m.chapter for m in from_xls.measures][-1] == read_plan(xlsx).measures[-1].chapter


def test_a_wps_et_file_is_read_by_its_content(made: tuple[Path, Path], tmp_path: Path) -> None:
    _, xls = made
    et = tmp_path / "清单.et"
    et.write_bytes(xls.read_bytes())
    assert _summary(read_plan(et)) == _summary(read_plan(xls))


def test_a_cut_xls_is_corrupt(made: tuple[Path, Path], tmp_path: Path) -> None:
    _, xls = made
    cut = tmp_path / "cut.xls"
    cut.write_bytes(xls.read_bytes()[:3000])
    with pytest.raises(LuoshiError) as caught:
        read_plan(cut)
    assert caught.value.code is ErrorCode.CORRUPT
