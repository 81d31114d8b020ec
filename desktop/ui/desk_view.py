"""The clerk's desk: period, filters, the measure table and the note of the chosen measure.

It is the main window's central widget, installed once the database is open (desktop.ui.opening). It owns
its widgets and their state (splitters, column widths, the chosen measure and filters); the menu commands
(desktop.ui.window_actions and the flows it opens) reach it through the `Desk` protocol.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QSplitter,
    QStatusBar,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import LuoshiError
from desktop.domain.notes import NoteFields
from desktop.domain.periods import Period
from desktop.domain.terms import Claim
from desktop.domain.worklist import Filter, WorkItem, chapters, summarize, with_note
from desktop.services import claims as claim_service
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services import short_titles as short_title_service
from desktop.services import worklist as wl
from desktop.services.messages import error_text
from desktop.services.notes import NoteKey
from desktop.services.place import Place, load_place, save_place
from desktop.services.workspace import Workspace
from desktop.ui.detail_pane import DetailPane
from desktop.ui.filter_bar import FilterBar
from desktop.ui.fit_scroll import FitScrollArea
from desktop.ui.measure_model import MeasureTableModel
from desktop.ui.note_session import NoteSession
from desktop.ui.plan_chooser import PlanChooser
from desktop.ui.window_actions import WindowActions

PLACE_DELAY_MS = 500
MAX_LABEL_CHARS = 10  # 序号 is widened for labels up to this long ('（十一）3', '1（12）'); longer ones wrap
_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class DeskView(QWidget):
    """The worklist of one Workspace and the note editor, inside `window` (whose menus it fills)."""

    def __init__(
        self, ws: Workspace, settings: QSettings, window: QMainWindow, *, today: date | None = None
    ) -> None:
        """Build the desk on `ws` in `window` and show the worklist where the clerk left it.

        `settings` keeps the window's own state (splitters, column widths, text size).
        """
        super().__init__(window)
        self.setObjectName("desk")
        self.ws = ws
        self.window_ = window
        self.settings = settings
        self.today = today or date.today()
        self._items: list[WorkItem] = []
        self._wanted_plan: int | None = None  # the saved plan, chosen once the plans are offered
        self._plan_shown: int | None = None  # the plan on screen (None: 全部方案)
        self._switching = False
        self._columns_fitted = False
        self._clerk_split: list[int] | None = None  # the split before a larger text widened the table
        # the place is written once the clerk settles, not at every arrow key (each write is an fsync)
        self._place_timer = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._place_timer.timeout.connect(self._save_place)
        self._build()
        self.session = NoteSession(ws, self.detail, self._note_saved, self)
        self.autosaver = self.session.autosaver
        self.session.hint.connect(self.save_hint.setText)
        self.session.error.connect(self._show_save_error)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.autosaver.saved.connect(self._update_counts)
        self._restore_state()
        self.actions_ = WindowActions(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._load_periods(load_place(ws))

    # ---- what the commands see (desktop.ui.desk.Desk) -----------------------------------------
    def widget(self) -> QWidget:
        """Return the window, as the parent of the commands' dialogs."""
        return self.window_

    def menuBar(self) -> QMenuBar:
        """Return the window's menu bar."""
        return self.window_.menuBar()

    def statusBar(self) -> QStatusBar:
        """Return the window's status bar."""
        return self.window_.statusBar()

    def close(self) -> bool:
        """Close the window (退出)."""
        return self.window_.close()

    def unit_name(self) -> str:
        """Return 本单位 ('' before the set-up)."""
        return note_service.my_unit(self.ws)

    def current_period(self) -> Period:
        """Return the chosen period."""
        return period_service.require_period(self.period.currentData())

    def current_plans(self) -> list[int]:
        """Return the ids of the plans the desk shows: the chosen one, or every plan in use (全部方案)."""
        return self.plan.plans()

    def plan_changed(self) -> None:
        """Show the desk again after plans were imported, archived or restored (a new plan is chosen)."""
        self.reload()

    def current_key(self) -> NoteKey | None:
        """Return the key of the note in the editor."""
        return self.session.key

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background (a drop on the window)."""
        self.actions_.import_files(files)

    def save_pending(self) -> bool:
        """Save the note being typed now; False when that failed."""
        return self.autosaver.flush()

    def release(self) -> None:
        """Close the database."""
        self.ws.close()

    def may_close(self) -> bool:
        """Save the note and the place before the window closes; False when the clerk chose to stay."""
        if not self.session.may_close():
            return False
        self._save_place()
        self._save_state()
        return True

    # ---- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.plan = PlanChooser()
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("报送周期"))
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.due_label = QLabel()
        self.filters = FilterBar()
        self.model = MeasureTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MeasureTableModel.TASK, QHeaderView.ResizeMode.Stretch)
        header.moveSection(MeasureTableModel.PLAN, MeasureTableModel.TASK)  # 方案 beside 序号 in 全部方案
        self.fit_columns()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.nothing_found = QLabel()
        self.nothing_found.setWordWrap(True)
        self.nothing_found.setStyleSheet("color: #8d6e00; padding: 4px;")
        self.nothing_found.hide()
        self.detail = DetailPane()
        self.save_hint = QLabel()
        self.save_error = QLabel()
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: white; background: #c62828; padding: 4px;")
        self.save_error.hide()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("方案")))
        head.addWidget(self.plan, 1)
        head.addSpacing(16)
        head.addWidget(QLabel(self.tr("报送周期")))
        head.addWidget(self.period)
        head.addWidget(self.due_label)
        # the filters sit above the table only: the note beside it keeps the height (at 特大字号 too)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.nothing_found)
        left_layout.addWidget(self.table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.save_error)
        # the note side scrolls when the window is short: a banner (待确认) or a large text never makes the
        # window grow by itself or push the status bar off a 1366×768 screen
        self.detail_scroll = FitScrollArea(self.detail)
        right_layout.addWidget(self.detail_scroll, 1)
        self.split = QSplitter()  # horizontal
        self.split.setObjectName("mainSplitter")
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.split, 1)
        self.counts = QLabel()
        self.statusBar().addWidget(self.counts, 1)
        # a brief message takes the counts' place until it times out (Qt alone may paint both, overlapping)
        self.statusBar().messageChanged.connect(lambda text: self.counts.setVisible(not text))
        self.statusBar().addPermanentWidget(self.save_hint)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.plan.currentIndexChanged.connect(self._plan_chosen)
        self.filters.changed.connect(self._filter_changed)
        self.detail.claim_requested.connect(self._claim_current)
        self.detail.short_title_edited.connect(self._set_short_title)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

    def fit_columns(self) -> None:
        """Size the columns to their titles and contents in the current font; 任务 takes what is left.

        Rows are two lines high and the unit, deadline and reminder columns wrap, so at a larger text size
        the table still shows every column beside the note. Run at build and whenever the text size changes.
        """
        metrics = self.table.fontMetrics()
        char = metrics.horizontalAdvance("国")
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + char // 2
        model, header = self.model, self.table.horizontalHeader()
        labels = [item.label for item in self._plan_items()[:500]] or ["12"]
        longest_label = max(labels, key=metrics.horizontalAdvance)[:MAX_LABEL_CHARS]
        # column -> (a long content, lines it may wrap to)
        samples = {
            model.SEQ: (longest_label, 1),
            model.LEADS: ("自治区发展改革委", 2),
            model.SUPPORTS: ("自治区发展改革委", 2),
            model.DEADLINE: ("2026年12月底前", 2),
            model.STATUS: ("持续推进", 1),
            model.FILLED: ("未填", 1),
            model.LIGHTS: ("逾期、滞后", 2),
            model.PLAN: ("鄂府办发〔2025〕18号", 2),
        }
        for column, (sample, lines) in samples.items():
            content = -(-metrics.horizontalAdvance(sample) // lines) + (char if lines > 1 else 0)
            wanted = max(metrics.horizontalAdvance(model.headers[column]), content) + pad
            if header.sectionSize(column) < wanted or not self._columns_fitted:
                self.table.setColumnWidth(column, wanted)
        header.setMinimumSectionSize(char * 2)
        self.table.verticalHeader().setDefaultSectionSize(2 * metrics.lineSpacing() + 8)
        self._columns_fitted = True

    def needed_width(self) -> int:
        """Return the table's width for every column plus eight characters of 任务."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(self.model.columnCount()) if c != self.model.TASK)
        return fixed + 8 * self.table.fontMetrics().horizontalAdvance("国") + 24

    def changeEvent(self, event: QEvent) -> None:
        """Follow a new text size: columns, row height, and room for the table beside the note."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._columns_fitted:
            self.fit_columns()
            QTimer.singleShot(
                0, self, self.make_room_for_table
            )  # once the layouts have followed the new size

    def make_room_for_table(self) -> None:
        """Widen the table side of the splitter when its columns no longer fit (the note keeps 40 %).

        The clerk's own split is remembered and given back once a smaller text fits in it again.
        """
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the note's minimum in the new font
        sizes = self.split.sizes()
        total = sum(sizes)
        needed = self.needed_width()
        if self._clerk_split is not None and needed <= self._clerk_split[0]:
            self.split.setSizes(self._clerk_split)
            self._clerk_split = None
            return
        wanted = min(needed, int(total * 0.6))
        if total and sizes[0] < wanted:
            if self._clerk_split is None:
                self._clerk_split = sizes
            self.split.setSizes([wanted, total - wanted])

    def _save_state(self) -> None:
        s = self.settings
        s.setValue("window/main_split", self.split.saveState())
        s.setValue("window/note_split", self.detail.split.saveState())
        s.setValue("window/table_header", self.table.horizontalHeader().saveState())
        s.sync()

    def _restore_state(self) -> None:
        """Restore the splitters and column widths (the defaults fit a 1366×768 screen)."""
        s = self.settings
        self.split.setSizes([700, 640])
        for key, widget in (("window/main_split", self.split), ("window/note_split", self.detail.split)):
            state = s.value(key)
            if state is not None:
                widget.restoreState(state)
        header = s.value("window/table_header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
            self.fit_columns()  # widths saved at a smaller text size are widened to fit

    def _show_save_error(self, text: str) -> None:
        self.save_error.setText(text)
        self.save_error.setVisible(bool(text))

    # ---- periods, filters, rows ---------------------------------------------------------------
    def _load_periods(self, place: Place) -> None:
        periods, chosen = period_service.offered_periods(self.ws, today=self.today)
        self.filters.restore(place)
        self._wanted_plan = place.plan
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
        """Read the worklist for the chosen period and show it, keeping the chosen plan and measure."""
        period = self.current_period()
        self._show_due(period_service.get_schedule(self.ws).due(period))
        self._items = wl.load_worklist(self.ws, period, today=self.today)
        self._fill_plans()
        self._show_plan_column()
        keep = select_uid if select_uid is not None else self._current_uid()
        self._show_filtered(keep)

    def _show_due(self, due: date) -> None:
        text = self.tr("报送截止：%1").replace("%1", f"{due.year}年{due.month}月{due.day}日")
        late = (self.today - due).days
        if late > 0:
            text += self.tr("（已逾期 %1 天）").replace("%1", str(late))
        self.due_label.setText(text)
        palette = self.due_label.palette()  # a palette, not a style sheet: the label keeps the text size
        palette.setColor(
            QPalette.ColorRole.WindowText,
            QColor("#c62828") if late > 0 else self.palette().windowText().color(),
        )
        self.due_label.setPalette(palette)

    def _fill_plans(self) -> None:
        """Offer the plans in use with the clerk's task count of each, then 全部方案; keep or find the choice.

        A plan that was not offered before (just imported) is chosen; so is the saved one at the start,
        else the newest plan.
        """
        mine: dict[int, int] = {}
        for item in self._items:
            if item.role is not None and not item.declined:
                mine[item.plan_id] = mine.get(item.plan_id, 0) + 1
        offered = plan_service.choices(self.ws, mine)
        known = self.plan.offered()
        new = [c.plan.id for c in offered if c.plan.id not in known]
        wanted = self._wanted_plan if self._wanted_plan is not None else self.plan.currentData()
        if known and new:
            wanted = new[0]
        self._wanted_plan = None
        self.plan.offer(offered, wanted=wanted, counts=bool(self.unit_name()))
        self._plan_shown = self.plan.chosen()
        self._plan_shown_changed()

    def _plan_items(self) -> list[WorkItem]:
        """Return the worklist's items of the plans shown (all of them in 全部方案)."""
        shown = set(self.current_plans())
        return [i for i in self._items if i.plan_id in shown]

    def _plan_shown_changed(self) -> None:
        """Offer the shown plans' chapters and fit 序号 to their labels (not at every filter or search)."""
        self.filters.set_chapters(chapters(self._plan_items()))
        self.fit_columns()

    def _show_plan_column(self) -> None:
        self.table.setColumnHidden(self.model.PLAN, not self.plan.every_plan())

    def _filter(self) -> Filter:
        """Return the filter bar's filter within the chosen plan (全部方案: every plan in use)."""
        chosen = self.plan.chosen()
        return replace(self.filters.value(), plans=frozenset([chosen]) if chosen is not None else None)

    def _plan_chosen(self) -> None:
        if self._switching:
            return
        if not self.autosaver.flush():
            self.session.refuse_move()
            self.plan.choose(self._plan_shown)  # back to the plan of the note still in the editor
            return
        self._plan_shown = self.plan.chosen()
        self._plan_shown_changed()
        self._show_plan_column()
        self._show_filtered(self._current_uid())
        self._remember_place()

    def _current_uid(self) -> str:
        index = self.table.currentIndex()
        return self.model.item(index.row()).uid if index.isValid() else ""

    def _show_filtered(self, select_uid: str, *, keep_editor: bool = False) -> None:
        shown = wl.apply_filter(self.ws, self._items, self._filter())
        self._switching = True
        try:
            self.model.set_items(shown)
        finally:
            self._switching = False
        searched = self.filters.value().text
        self.nothing_found.setText(
            self.tr("没有找到“%1”。可换个词，或在“范围”中选“方案全部措施”。").replace("%1", searched)
        )
        self.nothing_found.setVisible(bool(searched) and not shown)
        row = next((r for r, item in enumerate(shown) if item.uid == select_uid), 0 if shown else -1)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), _SELECT_ROW)
            self.table.scrollTo(self.model.index(row, 0))
        elif not keep_editor:
            self._open(None)
        self._update_counts()

    def _period_changed(self) -> None:
        if self._switching:
            return
        if not self.autosaver.flush():
            self.session.refuse_move()
            key = self.session.key
            self._switching = True
            self.period.setCurrentIndex(self.period.findData(key.period.code if key else ""))
            self._switching = False
            return
        self._open(None)  # the same measure reopens for the new period
        self.reload()
        self._remember_place()

    def _filter_changed(self) -> None:
        flushed = self.autosaver.flush()
        uid = self._current_uid()
        if not flushed:
            # the note stays in the editor, bound to its measure, until it can be saved
            self.session.refuse_move()
        self._switching = not flushed
        try:
            self._show_filtered(uid, keep_editor=not flushed)
        finally:
            self._switching = False
        self.detail.highlight(self.filters.value().text)
        self._remember_place()

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching:
            return
        if not self.autosaver.flush():
            self.session.refuse_move()
            if previous.isValid():
                self._switching = True
                self.table.selectionModel().setCurrentIndex(previous, _SELECT_ROW)
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
        self.table.selectionModel().setCurrentIndex(self.model.index(target, 0), _SELECT_ROW)
        self.table.scrollTo(self.model.index(target, 0))

    def _open(self, item: WorkItem | None) -> None:
        self.detail.show_item(item)
        self.session.open(item.measure_id if item else None, self.current_period())
        self.actions_.notes.refresh_attachments()
        self.detail.highlight(self.filters.value().text)

    def _note_saved(self, measure_id: int, fields: NoteFields) -> None:
        """Show a saved note's state in its row (status, 已填, lights) without reading the worklist again."""
        for index, item in enumerate(self._items):
            if item.measure_id == measure_id:
                self._items[index] = with_note(item, fields.normalized(), today=self.today)
                self.model.replace_item(self._items[index])
                return

    # ---- category tasks -----------------------------------------------------------------------
    def _claim_current(self, value: str) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.answer_claim(self.model.item(index.row()), Claim(value) if value else None)

    def _set_short_title(self, text: str) -> None:
        """Store the clerk's 任务简称 for the current measure and show the desk again."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        item = self.model.item(index.row())
        if not self.autosaver.flush():
            self.session.refuse_move()
            return
        try:
            stored = short_title_service.set_short_title(self.ws, measure_id=item.measure_id, title=text)
        except LuoshiError as error:
            QMessageBox.warning(self.window_, self.tr("任务简称"), error_text(error))
            self.detail.show_item(item)
            return
        self.reload(select_uid=item.uid)
        self.statusBar().showMessage(
            self.tr("任务简称已保存") if stored else self.tr("任务简称已恢复默认"), 5000
        )

    def _table_menu(self, position: QPoint) -> None:
        """Offer 确认属于本单位 / 不属于本单位 on a category task."""
        index = self.table.indexAt(position)
        if not index.isValid() or not self.model.item(index.row()).via_wildcard:
            return
        item = self.model.item(index.row())
        menu = QMenu(self.table)
        for claim, text in (
            (Claim.MINE, self.tr("确认属于本单位")),
            (Claim.NOT_MINE, self.tr("不属于本单位")),
            (None, self.tr("改回待确认")),
        ):
            action = menu.addAction(text)
            action.setEnabled(claim is not item.claim)
            action.triggered.connect(lambda _=False, c=claim: self.answer_claim(item, c))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def answer_claim(self, item: WorkItem, claim: Claim | None) -> None:
        """Record the clerk's answer for one category task and show the desk again."""
        if not self.autosaver.flush():
            self.session.refuse_move()
            return
        try:
            claim_service.answer(self.ws, {item.measure_id: claim})
        except LuoshiError as error:
            QMessageBox.warning(self.window_, self.tr("确认任务"), error_text(error))
            return
        self.reload(select_uid=item.uid)
        words = {
            Claim.MINE: self.tr("属于本单位"),
            Claim.NOT_MINE: self.tr("不属于本单位"),
            None: self.tr("待确认"),
        }
        self.statusBar().showMessage(
            self.tr("措施 %1 已标为“%2”。").replace("%1", item.label).replace("%2", words[claim]), 6000
        )

    # ---- status bar and place -----------------------------------------------------------------
    def _update_counts(self) -> None:
        mine = wl.apply_filter(
            self.ws,
            self._items,
            replace(self._filter(), chapter=None, status=None, warned_only=False, text=""),
        )
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
            + (
                self.tr(" ｜ 按类别分配待确认 %1 项（未列入报告）").replace("%1", str(summary.unconfirmed))
                if summary.unconfirmed
                else ""
            )
        )

    def _remember_place(self) -> None:
        self._place_timer.start()

    def _save_place(self) -> None:
        self._place_timer.stop()
        wanted = self.filters.value()
        place = Place(
            period=self.period.currentData() or "",
            plan=self.plan.currentData(),
            measure_uid=self._current_uid(),
            scope=wanted.scope.value,
            chapter=wanted.chapter or "",
            status=wanted.status or "",
            warned_only=wanted.warned_only,
        )
        with contextlib.suppress(LuoshiError):  # the place is a convenience; note saves report faults
            save_place(self.ws, place)
