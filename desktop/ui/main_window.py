"""The clerk's desk: period, filters, the measure table and the note of the chosen measure.

The window paints before it touches the database: the services (and through them sqlite-utils, the
storage and the unit-name rules) and the worklist's rules and dataclasses are imported in the methods
that use them, which first run just after the first paint. They are most of the Python time of a start
(bench/RESULTS.md).
"""

from __future__ import annotations

import contextlib
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LuoshiError
from desktop.ui.autosave import AutoSaver
from desktop.ui.detail_pane import DetailPane
from desktop.ui.filter_bar import FilterBar
from desktop.ui.measure_model import MeasureTableModel
from desktop.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from desktop.domain.notes import NoteFields
    from desktop.domain.periods import Period
    from desktop.domain.worklist import WorkItem
    from desktop.services.notes import NoteKey, StoredNote
    from desktop.services.place import Place
    from desktop.services.workspace import Workspace

PLACE_DELAY_MS = 500


class MainWindow(QMainWindow):
    """Holds one Workspace; every edit reaches the database within a second."""

    loaded = Signal()

    def __init__(
        self, ws: Workspace, settings: QSettings, *, today: date | None = None, load: bool = True
    ) -> None:
        """Build the window on `ws`, restoring geometry from `settings` and the place from the database.

        With `load=False` the database is not touched until `load()`: the window can paint first.
        """
        super().__init__()
        self.ws = ws
        self.settings = settings
        self.today = today or date.today()
        self.setWindowTitle(self.tr("落实 — 实施方案任务落实台账"))
        self.setAcceptDrops(True)
        self._items: list[WorkItem] = []
        self._key: NoteKey | None = None
        self._previous: StoredNote | None = None
        self._session = ""
        self._switching = False
        self.autosaver = AutoSaver(self._save_now, self)
        # the place is written once the clerk settles, not at every arrow key (each write is an fsync)
        self._place_timer = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._place_timer.timeout.connect(self._save_place)
        self._build()
        self.restore_window_state()
        self.actions_ = WindowActions(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        if load:
            self.load()

    def load(self) -> None:
        """Open the database and show the worklist where the clerk left it."""
        from desktop.services.place import load_place

        self.actions_.fill_menus()
        if self.table.model() is not self.model:
            self._set_table_model(self.model)
            self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._load_periods(load_place(self.ws))
        self.loaded.emit()

    def widget(self) -> QWidget:
        """Return the window itself, as the parent of the commands' dialogs (see desktop.ui.desk)."""
        return self

    # ---- layout -------------------------------------------------------------------------------
    def save_window_state(self) -> None:
        """Remember geometry and splitter positions."""
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/main_split", self.split.saveState())
        s.setValue("window/note_split", self.detail.split.saveState())
        s.setValue("window/table_header", self.table.horizontalHeader().saveState())
        s.sync()

    def restore_window_state(self) -> None:
        """Restore geometry and splitters (the defaults fit a 1366×768 screen)."""
        s = self.settings
        self.resize(1280, 700)
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, widget in (("window/main_split", self.split), ("window/note_split", self.detail.split)):
            state = s.value(key)
            if state is not None:
                widget.restoreState(state)
        if s.value("window/main_split") is None:
            self.split.setSizes([700, 640])
        header = s.value("window/table_header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def _set_table_model(self, model: QAbstractItemModel) -> None:
        """Show `model` in the table, keeping the column widths the clerk set (or the defaults)."""
        header = self.table.horizontalHeader()
        state = header.saveState() if self.table.model() is not None else None
        self.table.setModel(model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MeasureTableModel.TASK, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 44), (2, 104), (3, 90), (4, 76), (5, 60), (6, 42), (7, 60)):
            self.table.setColumnWidth(column, width)
        if state is not None:
            header.restoreState(state)

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("报送周期"))
        self.period.setMinimumContentsLength(9)
        self.due_label = QLabel()
        self.filters = FilterBar()
        self.model = MeasureTableModel()
        self.table = QTableView()
        # Until the worklist loads, the header's titles come from a Qt model: a Python headerData() call
        # would make PySide build Qt's whole `Qt` namespace of enums (~40 ms) before the window paints.
        titles = QStandardItemModel(0, len(self.model.headers), self.table)
        titles.setHorizontalHeaderLabels(self.model.headers)
        self._set_table_model(titles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.detail = DetailPane()
        self.save_hint = QLabel()
        self.save_error = QLabel()
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: white; background: #c62828; padding: 4px;")
        self.save_error.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("报送周期")))
        top.addWidget(self.period)
        top.addWidget(self.due_label)
        top.addSpacing(16)
        top.addWidget(self.filters, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.save_error)
        right_layout.addWidget(self.detail, 1)
        self.split = QSplitter()  # horizontal
        self.split.setObjectName("mainSplitter")
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        self.setCentralWidget(central)
        self.counts = QLabel()
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.save_hint)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.filters.changed.connect(self._filter_changed)
        self.detail.editor.edited.connect(self._edited)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)
        self.detail.copy_requested.connect(self._copy_next_steps)

    # ---- periods, filters, rows ---------------------------------------------------------------
    def unit_name(self) -> str:
        """Return 本单位 ('' before the set-up)."""
        from desktop.services import notes as note_service

        return note_service.my_unit(self.ws)

    def current_period(self) -> Period:
        """Return the chosen period."""
        from desktop.services import periods as period_service

        return period_service.require_period(self.period.currentData())

    def _load_periods(self, place: Place) -> None:
        from desktop.services import periods as period_service

        periods, chosen = period_service.offered_periods(self.ws, today=self.today)
        self.filters.restore(place)
        self._switching = True
        try:
            self.period.clear()
            for period in periods:
                self.period.addItem(period.label, period.code)
            wanted = place.period if self.period.findData(place.period) >= 0 else chosen.code
            self.period.setCurrentIndex(self.period.findData(wanted))
        finally:
            self._switching = False
        self.reload(select_uid=place.measure_uid)

    def reload(self, *, select_uid: str | None = None) -> None:
        """Read the worklist for the chosen period and show it, keeping the chosen measure."""
        from desktop.domain.worklist import chapters
        from desktop.services import periods as period_service
        from desktop.services import worklist as wl

        period = self.current_period()
        due = period_service.get_schedule(self.ws).due(period)
        self.due_label.setText(self.tr("报送截止：%1").replace("%1", f"{due.year}年{due.month}月{due.day}日"))
        self._items = wl.load_worklist(self.ws, period, today=self.today)
        self.filters.set_chapters(chapters(self._items))
        keep = select_uid if select_uid is not None else self._current_uid()
        self._show_filtered(keep)

    def _current_uid(self) -> str:
        index = self.table.currentIndex()
        return self.model.item(index.row()).uid if index.isValid() else ""

    def _show_filtered(self, select_uid: str, *, keep_editor: bool = False) -> None:
        from desktop.services.worklist import apply_filter

        shown = apply_filter(self.ws, self._items, self.filters.value())
        self._switching = True
        try:
            self.model.set_items(shown)
        finally:
            self._switching = False
        row = next((r for r, item in enumerate(shown) if item.uid == select_uid), 0 if shown else -1)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        elif not keep_editor:
            self._open(None)
        self._update_counts()

    def _period_changed(self) -> None:
        if self._switching:
            return
        if not self.autosaver.flush():
            self._refuse_move()
            self._switching = True
            self.period.setCurrentIndex(self.period.findData(self._key.period.code if self._key else ""))
            self._switching = False
            return
        self._key = None  # reopen the same measure for the new period
        self.reload()
        self._remember_place()

    def _filter_changed(self) -> None:
        flushed = self.autosaver.flush()
        uid = self._current_uid()
        if not flushed:
            # the note stays in the editor, bound to its measure, until it can be saved
            self._refuse_move()
        self._switching = not flushed
        try:
            self._show_filtered(uid, keep_editor=not flushed)
        finally:
            self._switching = False
        self._remember_place()

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching:
            return
        if not self.autosaver.flush():
            self._refuse_move()
            if previous.isValid():
                self._switching = True
                self.table.selectionModel().setCurrentIndex(
                    previous,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._switching = False
            return
        self._open(self.model.item(current.row()) if current.isValid() else None)
        self._remember_place()

    def move_by(self, step: int) -> None:
        """Select the next (1) or previous (-1) measure in the table."""
        count = self.model.rowCount()
        if not count:
            return
        row = self.table.currentIndex().row()
        target = min(count - 1, max(0, row + step if row >= 0 else 0))
        self.table.selectionModel().setCurrentIndex(
            self.model.index(target, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(target, 0))

    # ---- the note -----------------------------------------------------------------------------
    def _open(self, item: WorkItem | None) -> None:
        self.autosaver.discard()
        self.detail.show_item(item)
        if item is None:
            self._key = None
            self.detail.editor.load(None)
            self.detail.show_previous(None, None)
            self.detail.show_attachments([])
            return
        from desktop.services import notes as note_service
        from desktop.services import periods as period_service

        self._key = note_service.key_for(self.ws, item.measure_id, self.current_period())
        self._session = os.urandom(16).hex()
        stored = note_service.get_note(self.ws, self._key)
        self._previous = note_service.previous_note(self.ws, self._key)
        previous_label = None
        if self._previous is not None:
            found = period_service.require_period(self._previous.period)
            previous_label = found.label
        self.detail.editor.load(stored.fields if stored else None)
        self.detail.show_previous(previous_label, self._previous.fields if self._previous else None)
        self._show_copies()
        self.actions_.notes.refresh_attachments()

    def current_key(self) -> NoteKey | None:
        """Return the key of the note in the editor."""
        return self._key

    def _edited(self) -> None:
        if self._key is None:
            return
        self.save_hint.setText(self.tr("正在编辑…"))
        self.autosaver.mark_dirty()

    def _save_now(self) -> None:
        if self._key is None:
            return
        from desktop.services import notes as note_service

        fields = self.detail.editor.fields()
        note_service.save_note(self.ws, self._key, fields, session=self._session)
        self.model.replace_item(self._updated_item(self._key.measure_id, fields))

    def _updated_item(self, measure_id: int, fields: NoteFields) -> WorkItem:
        from desktop.domain.worklist import with_note

        for index, item in enumerate(self._items):
            if item.measure_id == measure_id:
                self._items[index] = with_note(item, fields.normalized(), today=self.today)
                return self._items[index]
        raise KeyError(measure_id)

    def _saved(self) -> None:
        self.save_error.hide()
        self.save_hint.setText(self.tr("已保存 %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self._show_copies()
        self._update_counts()

    def _save_failed(self, message: str) -> None:
        self.save_hint.setText(self.tr("保存失败，正在重试…"))
        self.save_error.setText(
            self.tr("保存失败：%1 您填写的文字仍在编辑框中，不会丢失；落实会每隔几秒自动重试。").replace(
                "%1", message
            )
        )
        self.save_error.show()

    def _refuse_move(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            self,
            self.tr("尚未保存"),
            self.tr("本条进展还没有保存成功：%1\n\n为免丢失，请先处理上述问题（落实会自动重试）。").replace(
                "%1", self.autosaver.last_error
            ),
        )

    def _show_copies(self) -> None:
        from desktop.domain.notes import copied_fields

        previous = self._previous.fields if self._previous else None
        self.detail.editor.show_copies(copied_fields(self.detail.editor.fields(), previous))

    def _copy_next_steps(self) -> None:
        if self._previous is not None and self._previous.fields.next_steps.strip():
            self.detail.editor.copy_into_progress(self._previous.fields.next_steps.strip())
            self._show_copies()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        editor = self.detail.editor
        if (
            old is not None
            and editor.isAncestorOf(old)
            and not (new is not None and editor.isAncestorOf(new))
        ):
            self.autosaver.flush()

    # ---- status bar and place -----------------------------------------------------------------
    def _update_counts(self) -> None:
        from desktop.domain.worklist import Filter, summarize
        from desktop.services.worklist import apply_filter

        mine = apply_filter(self.ws, self._items, Filter(scope=self.filters.value().scope))
        summary = summarize(mine)
        self.counts.setText(
            self.tr(
                "本期共 %1 项，未填 %2 项 ｜ 逾期 %3 ｜ 7日内到期 %4 ｜ 滞后于序时进度 %5 ｜ 当前显示 %6 项"
            )
            .replace("%1", str(summary.total))
            .replace("%2", str(summary.unfilled))
            .replace("%3", str(summary.overdue))
            .replace("%4", str(summary.due_soon))
            .replace("%5", str(summary.behind))
            .replace("%6", str(self.model.rowCount()))
        )

    def _remember_place(self) -> None:
        self._place_timer.start()

    def _save_place(self) -> None:
        from desktop.services.place import Place, save_place

        self._place_timer.stop()
        wanted = self.filters.value()
        place = Place(
            period=self.period.currentData() or "",
            measure_uid=self._current_uid(),
            scope=wanted.scope.value,
            chapter=wanted.chapter or "",
            status=wanted.status or "",
            warned_only=wanted.warned_only,
            text=wanted.text,
        )
        with contextlib.suppress(LuoshiError):  # the place is a convenience; note saves report faults
            save_place(self.ws, place)

    # ---- window events ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped files."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped plan files."""
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.actions_.import_files(files)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save before closing; when saving fails, ask before letting the text go."""
        from PySide6.QtWidgets import QMessageBox

        if not self.autosaver.flush():
            answer = QMessageBox.question(
                self,
                self.tr("尚未保存"),
                self.tr(
                    "本条进展未能保存：%1\n\n现在退出，编辑框中未保存的文字将会丢失。仍要退出吗？"
                ).replace("%1", self.autosaver.last_error),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._save_place()
        self.save_window_state()
        event.accept()
