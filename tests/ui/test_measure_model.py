from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.worklist import with_note
from desktop.domain.terms import Status
from desktop.services import worklist as wl
from desktop.services.workspace import Workspace
from desktop.ui.measure_model import MeasureTableModel
from tests.ui.conftest import TODAY


def test_model_passes_the_model_tester(qapp: object, ws: Workspace) -> None:
    from desktop.domain.desk.periods import parse_period

    period = parse_period("2026Q1")
    assert period is not None
    items = wl.load_worklist(ws, period, today=TODAY)
    model = MeasureTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_items(items)
    assert model.rowCount() == 34 and model.columnCount() == 9
    assert model.headerData(1, Qt.Orientation.Horizontal) == "任务"
    first = items[0]
    assert model.data(model.index(0, MeasureTableModel.FILLED)) == "未填"
    model.replace_item(with_note(first, NoteFields(progress="完成", status=Status.DONE), today=TODAY))
    assert model.data(model.index(0, MeasureTableModel.STATUS)) == "已完成"
    assert model.data(model.index(0, MeasureTableModel.FILLED)) == "已填"
    model.set_items(items[:3])
    assert model.rowCount() == 3
    model.set_items([])
    assert model.rowCount() == 0
