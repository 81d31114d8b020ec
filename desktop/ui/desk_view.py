"""The clerk's desk: period, filters, the measure table and the note of the chosen measure.

It is the main window's central widget, installed once the database is open (desktop.ui.opening). It lays
out the widgets and keeps their own state (splitters, column widths); where the clerk is (period, plan,
filter, measure) and the guard every move passes live in `DeskState`. The menu commands
(desktop.ui.window_actions and the flows it opens) reach it through the `Desk` protocol and tell it what
they changed through its `changed` signal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QSplitter,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.notes import NoteFields
from desktop.domain.desk.periods import Period
from desktop.domain.desk.worklist import WorkItem
from desktop.domain.errors import LuoshiError
from desktop.domain.ids import MeasureId
from desktop.domain.terms import Claim
from desktop.services import claims as claim_service
from desktop.services import notes as note_service
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services import short_titles as short_title_service
from desktop.services.messages import error_text
from desktop.services.notes import NoteKey
from desktop.services.place import Place
from desktop.services.workspace import Workspace
from desktop.ui.desk import DeskChange
from desktop.ui.desk_state import DeskState
from desktop.ui.detail_pane import DetailPane
from desktop.ui.filter_bar import FilterBar
from desktop.ui.fit_scroll import FitScrollArea
from desktop.ui.measure_table import MeasureTable
from desktop.ui.note_session import NoteSession
from desktop.ui.plan_chooser import PlanChooser
from desktop.ui.window_actions import WindowActions

PLACE_DELAY_MS = 500


class DeskView(QWidget):
    """The worklist of one Workspace and the note editor, inside `main_window` (whose menus it fills)."""

    changed = Signal(object)  # a DeskChange: what a command changed, for the desk to show again
    note_opened = Signal(object)  # the NoteKey now in the editor (None: no measure chosen)

    def __init__(
        self, ws: Workspace, settings: QSettings, main_window: QMainWindow, *, today: date | None = None
    ) -> None:
        """Build the desk on `ws` in `main_window` and show the worklist where the clerk left it.

        `settings` keeps the window's own state (splitters, column widths, text size).
        """
        super().__init__(main_window)
        self.setObjectName("desk")
        self.ws = ws
        self.main_window = main_window
        self.settings = settings
        self.today = today or date.today()
        self._wanted_plan: int | None = None  # the saved plan, chosen once the plans are offered
        self._switching = False  # the widgets are being set from the state: their signals are not the clerk
        self._clerk_split: list[int] | None = None  # the split before a larger text widened the table
        # the place is written once the clerk settles, not at every arrow key (each write is an fsync)
        self._place_timer = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._build()
        self.session = NoteSession(ws, self.detail, self._note_saved, self)
        self.autosaver = self.session.autosaver
        self.state = DeskState(ws, today=self.today, leave_note=self.session.leave_note)
        self._place_timer.timeout.connect(self.state.save_place)
        self.session.hint.connect(self.save_hint.setText)
        self.session.error.connect(self._show_save_error)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.autosaver.saved.connect(self._update_counts)
        self.changed.connect(self._show_change)
        self._restore_state()
        self.commands = WindowActions(self)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._load_periods(self.state.saved_place())

    # ---- what the commands see (desktop.ui.desk.Desk) -----------------------------------------
    def widget(self) -> QWidget:
        """Return the window, as the parent of the commands' dialogs."""
        return self.main_window

    def menuBar(self) -> QMenuBar:
        """Return the window's menu bar."""
        return self.main_window.menuBar()

    def statusBar(self) -> QStatusBar:
        """Return the window's status bar."""
        return self.main_window.statusBar()

    def close(self) -> bool:
        """Close the window (退出)."""
        return self.main_window.close()

    def unit_name(self) -> str:
        """Return 本单位 ('' before the set-up)."""
        return note_service.my_unit(self.ws)

    def current_period(self) -> Period:
        """Return the chosen period."""
        return period_service.require_period(self.period.currentData())

    def current_plans(self) -> list[int]:
        """Return the ids of the plans the desk shows: the chosen one, or every plan in use (全部方案)."""
        return self.plan.plans()

    def current_key(self) -> NoteKey | None:
        """Return the key of the note in the editor."""
        return self.session.key

    def leave_note(self) -> bool:
        """Save the note in the editor before a command changes what the desk shows; False: stay."""
        return self.state.may_leave()

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background (a drop on the window)."""
        self.commands.import_files(files)

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
        self.table = MeasureTable()
        self.model = self.table.measures
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
        """Size the table's columns to the text size and 序号 to the labels of the plans shown."""
        self.table.fit_columns([item.label for item in self.state.plan_items()])

    def changeEvent(self, event: QEvent) -> None:
        """Follow a new text size: columns, row height, and room for the table beside the note."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.table.fitted:
            self.fit_columns()
            QTimer.singleShot(0, self, self.make_room_for_table)  # once the layouts follow the new size

    def make_room_for_table(self) -> None:
        """Widen the table side of the splitter when its columns no longer fit (the note keeps 40 %).

        The clerk's own split is remembered and given back once a smaller text fits in it again.
        """
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the note's minimum in the new font
        sizes = self.split.sizes()
        total = sum(sizes)
        needed = self.table.needed_width()
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

    # ---- periods, plans, filters, rows --------------------------------------------------------
    def _load_periods(self, place: Place) -> None:
        periods, chosen = self.state.offered_periods()
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
        self.state.load(self.current_period())
        self._show_due(self.state.due())
        self._fill_plans()
        keep = select_uid if select_uid is not None else self.table.current_uid()
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
        offered = plan_service.choices(self.ws, self.state.task_counts())
        known = self.plan.offered()
        new = [c.plan.id for c in offered if c.plan.id not in known]
        wanted = self._wanted_plan if self._wanted_plan is not None else self.plan.currentData()
        if known and new:
            wanted = new[0]
        self._wanted_plan = None
        self.plan.offer(offered, wanted=wanted, counts=bool(self.unit_name()))
        self._plans_shown()

    def _plans_shown(self) -> None:
        """Tell the state which plans are shown; offer their chapters and fit 序号 to their labels."""
        self.state.plan_choice = self.plan.currentData()
        self.state.plan_ids = self.plan.plans()
        self.filters.set_chapters(self.state.chapters())
        self.fit_columns()
        self.table.show_plan_column(self.plan.every_plan())

    def _plan_chosen(self) -> None:
        if self._switching:
            return
        if not self.state.may_leave():
            self.plan.choose(self.state.chosen_plan)  # back to the plan of the note still in the editor
            return
        self._plans_shown()
        self._show_filtered(self.table.current_uid())
        self._remember_place()

    def _show_filtered(self, select_uid: str, *, keep_editor: bool = False) -> None:
        self.state.filter = self.filters.value()
        shown = self.state.shown()
        self._switching = True
        try:
            self.model.set_items(shown)
        finally:
            self._switching = False
        searched = self.state.filter.text
        self.nothing_found.setText(
            self.tr("没有找到“%1”。可换个词，或在“范围”中选“方案全部措施”。").replace("%1", searched)
        )
        self.nothing_found.setVisible(bool(searched) and not shown)
        row = self.table.row_of(select_uid)
        if row >= 0:
            self.table.choose_row(row)
        elif not keep_editor:
            self._open(None)
        self._update_counts()

    def _period_changed(self) -> None:
        if self._switching:
            return
        if not self.state.may_leave():
            key = self.session.key
            self._switching = True
            self.period.setCurrentIndex(self.period.findData(key.period.code if key else ""))
            self._switching = False
            return
        self._open(None)  # the same measure reopens for the new period
        self.reload()
        self._remember_place()

    def _filter_changed(self) -> None:
        left = self.state.may_leave()  # when not, the note stays in the editor, bound to its measure
        uid = self.table.current_uid()
        self._switching = not left
        try:
            self._show_filtered(uid, keep_editor=not left)
        finally:
            self._switching = False
        self.detail.highlight(self.state.filter.text)
        self._remember_place()

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching:
            return
        if not self.state.may_leave():
            if previous.isValid():
                self._switching = True
                self.table.choose_row(previous.row())
                self._switching = False
            return
        self._open(self.model.item(current.row()) if current.isValid() else None)
        self._remember_place()

    def move_by(self, step: int) -> None:
        """Select the next (1) or previous (-1) measure in the table."""
        self.table.move_by(step)

    def _open(self, item: WorkItem | None) -> None:
        self.state.measure_uid = item.uid if item else ""
        self.detail.show_item(item)
        self.session.open(item.measure_id if item else None, self.current_period())
        self.note_opened.emit(self.session.key)
        self.detail.highlight(self.state.filter.text)

    def _note_saved(self, measure_id: MeasureId, fields: NoteFields) -> None:
        """Show a saved note's state in its row (status, 已填, lights) without reading the worklist again."""
        item = self.state.note_saved(measure_id, fields)
        if item is not None:
            self.model.replace_item(item)

    def _show_change(self, change: DeskChange) -> None:
        """Show what a command changed: its rows redrawn, or the worklist read again when rows came or went."""
        if change.rows_changed:
            self.reload(select_uid=change.select_uid)
            return
        chosen = self.table.current_item()
        for item in self.state.refresh(change.measure_ids):
            self.model.replace_item(item)
            if chosen is not None and item.measure_id == chosen.measure_id:
                self._open(item)  # the measure in the detail pane (and its note) as it now stands
        self._update_counts()

    # ---- category tasks and short titles ------------------------------------------------------
    def _claim_current(self, value: str) -> None:
        item = self.table.current_item()
        if item is not None:
            self.answer_claim(item, Claim(value) if value else None)

    def _set_short_title(self, text: str) -> None:
        """Store the clerk's 任务简称 for the current measure and redraw its row."""
        item = self.table.current_item()
        if item is None or not self.state.may_leave():
            return
        try:
            stored = short_title_service.set_short_title(self.ws, measure_id=item.measure_id, title=text)
        except LuoshiError as error:
            QMessageBox.warning(self.main_window, self.tr("任务简称"), error_text(error))
            self.detail.show_item(item)
            return
        self.changed.emit(DeskChange(measure_ids=(item.measure_id,)))
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
        """Record the clerk's answer for one category task and redraw its row."""
        if not self.state.may_leave():
            return
        try:
            claim_service.answer(self.ws, {item.measure_id: claim})
        except LuoshiError as error:
            QMessageBox.warning(self.main_window, self.tr("确认任务"), error_text(error))
            return
        # the plans' task counts change with the answer: the worklist is read again
        self.changed.emit(DeskChange(rows_changed=True, select_uid=item.uid))
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
        summary = self.state.summary()
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
        self.state.save_place()
