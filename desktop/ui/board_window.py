"""报送情况: for a period, measures × responsible units, the units not yet reported, charts, and the returns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.periods import Period
from desktop.domain.errors import ErrorCode
from desktop.domain.gongwen.fonts import FontGap
from desktop.domain.parsing.units import level_prefix
from desktop.services import board as board_service
from desktop.services import fonts as font_service
from desktop.services import network, office_server
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services import reports as report_service
from desktop.services import returns as return_service
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.file_dialogs import open_files, open_folder, save_file
from desktop.ui.message_boxes import add_close, missing_fonts_text
from desktop.ui.plan_chooser import PlanChooser
from desktop.ui.progress_chart import COLOURS, ProgressChart
from desktop.ui.screen import fit_to_screen
from desktop.ui.window_settings import ui_settings

Index = QModelIndex | QPersistentModelIndex
FIXED = 2  # 序号, 任务


class BoardModel(QAbstractTableModel):
    """Rows: measures; columns: 序号, 任务, then one per responsible unit with its state word."""

    def __init__(self) -> None:
        """Start empty."""
        super().__init__()
        self.board: board_service.Board | None = None
        self._cells: list[dict[str, str]] = []

    def set_board(self, board: board_service.Board) -> None:
        """Show another board."""
        self.beginResetModel()
        self.board = board
        self._cells = [{n.unit: n.state for n in m.notes} for m in board.measures]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Return the number of measures."""
        return 0 if parent.isValid() or self.board is None else len(self.board.measures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return 2 + the number of units."""
        return 0 if parent.isValid() or self.board is None else FIXED + len(self.board.units)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Return the column names (units) and row numbers."""
        if self.board is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation != Qt.Orientation.Horizontal:
            return section + 1
        if section < FIXED:
            return (self.tr("序号"), self.tr("任务"))[section]
        name = self.board.units[section - FIXED]
        prefix = level_prefix(name)  # 自治区发展改革委 shows as 发展改革委; the tooltip has the full name
        if role == Qt.ItemDataRole.DisplayRole and len(name) > len(prefix) + 1:
            return name[len(prefix) :]
        return name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return a cell's word, its colour and its tooltip."""
        if self.board is None or not index.isValid():
            return None
        measure = self.board.measures[index.row()]
        column = index.column()
        if column < FIXED:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return measure.label if column == 0 else measure.text
            return None
        state = self._cells[index.row()].get(self.board.units[column - FIXED], "")
        if role == Qt.ItemDataRole.DisplayRole:
            return state
        if role == Qt.ItemDataRole.BackgroundRole and state:
            return QColor(COLOURS[state]).lighter(170)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class BoardWindow(QDialog):
    """The coordinating office's desk for one period."""

    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        plan: int | None = None,
    ) -> None:
        """Build the plan and period selectors, the matrix and charts, the 催报 list and the buttons.

        `plan` is the plan shown first (the desk's); None shows every plan in use.
        """
        super().__init__(parent)
        self.ws = ws
        self.today = today or date.today()
        self.settings = ui_settings(ws.path)
        self.setWindowTitle(self.tr("报送情况"))
        self.period = QComboBox()
        periods, current = period_service.offered_periods(ws, today=self.today)
        for p in periods:
            self.period.addItem(p.label, p.code)
        self.period.setCurrentIndex(max(0, self.period.findData(current.code)))
        self.period.currentIndexChanged.connect(self.reload)
        self.plan = PlanChooser()
        self.show_plan(plan)
        self.plan.currentIndexChanged.connect(self.reload)
        self.counts = QLabel()
        self.model = BoardModel()
        self.matrix = QTableView()
        self.matrix.setModel(self.model)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.setWordWrap(False)
        self.chapter_chart, self.unit_chart = ProgressChart(), ProgressChart()
        tabs = QTabWidget()
        tabs.addTab(self.matrix, self.tr("任务 × 责任单位"))
        for chart, name in ((self.chapter_chart, self.tr("按章节")), (self.unit_chart, self.tr("按单位"))):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(chart)
            tabs.addTab(scroll, name)
        self.tabs = tabs
        legend = QLabel(self.tr("图中括号内为“已完成的任务数/任务总数”；颜色表示各单位报送的完成状态。"))
        legend.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setStyleSheet("color: #1b5e20;")
        self._feedback_timer = QTimer(self, singleShot=True, interval=6000)
        self._feedback_timer.timeout.connect(self.feedback.clear)
        self.missing = QListWidget()
        copy_notice = QPushButton(self.tr("复制催报通知"))
        copy_notice.clicked.connect(self.copy_notice)
        save_notice = QPushButton(self.tr("导出催报名单…"))
        save_notice.clicked.connect(self.save_notice)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("未报送单位（催报名单）：")))
        side.addWidget(self.missing, 1)
        side.addWidget(copy_notice)
        side.addWidget(save_notice)
        import_files = QPushButton(self.tr("导入回执文件…"))
        import_files.clicked.connect(self.choose_files)
        import_folder = QPushButton(self.tr("导入文件夹中的回执…"))
        import_folder.clicked.connect(self.choose_folder)
        summary = QPushButton(self.tr("生成汇总报告和台账…"))
        summary.clicked.connect(self.export_summary)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("方案：")))
        top.addWidget(self.plan, 1)
        top.addWidget(QLabel(self.tr("报送周期：")))
        top.addWidget(self.period)
        top.addWidget(self.counts, 1)
        top.addWidget(import_files)
        top.addWidget(import_folder)
        top.addWidget(summary)
        middle = QHBoxLayout()
        charts = QVBoxLayout()
        charts.addWidget(tabs, 1)
        charts.addWidget(legend)
        middle.addLayout(charts, 4)
        middle.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.feedback)
        fit_to_screen(self, 1280, 760)
        self.board: board_service.Board | None = None
        self.server_task: BackgroundTask[int] | None = None
        self.redraw()  # its opener calls reload(), which also asks the server

    def show_plan(self, plan: int | None) -> None:
        """Offer the plans in use again and show `plan` (None: 全部方案)."""
        offered = plan_service.choices(self.ws, {})
        self.plan.offer(offered, wanted=plan_service.ALL_PLANS if plan is None else plan, counts=False)

    def current_period(self) -> Period:
        """Return the period chosen."""
        return period_service.require_period(str(self.period.currentData()))

    def reload(self) -> None:
        """Read the period's returns again and redraw; on an office with a server, fetch its new returns."""
        self.redraw()
        if network.has_office(self.ws):
            self.receive_from_server()

    def receive_from_server(self) -> None:
        """Bring the period's server returns into the office's database off the UI thread, then redraw."""
        path, period = self.ws.path, self.current_period()

        def work(_control: TaskControl) -> int:
            with Workspace(path) as ws:
                stored, _refused = office_server.receive(ws, period)
            return len(stored)

        def done(count: int) -> None:
            self.redraw()
            self.status(self.tr("已从服务器收到 %1 份报送。").replace("%1", str(count)))

        def failed(message: str) -> None:
            self.status(self.tr("连不上服务器，只显示本机已收到的报送：") + message)

        self.server_task = BackgroundTask(
            work,
            on_done=done,
            on_failed=failed,
            title=self.tr("报送情况"),
            label=self.tr("正在从服务器接收各单位的报送…"),
            parent=self,
        )

    def redraw(self) -> None:
        """Read the period's returns in this database and redraw everything."""
        board = board_service.load_board(self.ws, self.current_period(), plans=self.plan.plans())
        self.board = board
        self.model.set_board(board)
        self.matrix.resizeColumnsToContents()
        self.matrix.setColumnWidth(0, 48)
        self.matrix.setColumnWidth(1, 260)
        reported = len(board.units) - len(board.missing)
        self.counts.setText(
            self.tr("  应报单位 %1 个，已报送 %2 个，未报送 %3 个")
            .replace("%1", str(len(board.units)))
            .replace("%2", str(reported))
            .replace("%3", str(len(board.missing)))
        )
        self.missing.clear()
        self.missing.addItems(board.missing)
        self.chapter_chart.set_rows(board.chapters)
        self.unit_chart.set_rows(board.by_unit)

    # ---- 催报 ------------------------------------------------------------------------------------
    def notice(self) -> str:
        """Return the ready-to-send notice for the missing units."""
        assert self.board is not None
        return board_service.reminder(self.ws, self.board, today=self.today)

    def copy_notice(self) -> None:
        """Put the notice on the clipboard, to paste into a message or a document."""
        QGuiApplication.clipboard().setText(self.notice() or self.tr("各单位均已报送。"))
        self.status(self.tr("已复制催报通知，可直接粘贴到消息或文件中。"))

    def status(self, text: str) -> None:
        """Show a short confirmation under the board for a few seconds."""
        self.feedback.setText(text)
        self._feedback_timer.start()

    def save_notice(self) -> None:
        """Save the 催报名单 and notice as a text file."""
        target = save_file(
            self,
            self.settings,
            "reminder",
            self.tr("导出催报名单"),
            f"催报名单（{self.current_period().label}）.txt",
            self.tr("文本文件 (*.txt)"),
        )
        if target is not None and self.board is not None:
            board_service.export_reminder(self.ws, self.board, out=target, today=self.today)
            self.status(self.tr("已导出催报名单：%1").replace("%1", str(target)))

    # ---- returns ---------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Ask for return files and import them."""
        files = open_files(
            self, self.settings, "returns", self.tr("导入回执"), self.tr("Excel 台账 (*.xlsx *.xlsm)")
        )
        if files:
            self.import_returns(files)

    def choose_folder(self) -> None:
        """Ask for a folder and import every return in it."""
        folder = open_folder(self, self.settings, "returns", self.tr("选择存放回执的文件夹"))
        if folder is not None:
            self.import_returns([folder])

    def import_returns(self, paths: list[Path], *, replace: bool = False) -> None:
        """Import returns in the background; a unit that reported before is asked about afterwards."""
        db_path, period = self.ws.path, self.current_period()

        def work(control: TaskControl) -> list[return_service.ReturnOutcome]:
            with Workspace(db_path) as ws:
                return return_service.import_returns(
                    ws,
                    paths,
                    period=period,
                    confirm=lambda unit, before: replace,
                    should_stop=control.should_stop,
                )

        self.task = BackgroundTask(
            work,
            on_done=self._imported,
            on_failed=lambda message: self._imported([], message=message),
            on_cancelled=lambda: self._imported([], cancelled=True),
            title=self.tr("导入回执"),
            label=self.tr("正在导入回执…"),
            parent=self,
        )

    def _imported(
        self, results: list[return_service.ReturnOutcome], *, message: str = "", cancelled: bool = False
    ) -> None:
        again = []
        for o in results:
            if o.error is not None and o.error.code is ErrorCode.RETURN_DECLINED:
                answer = QMessageBox.question(
                    self,
                    self.tr("替换回执"),
                    self.tr("“%1”本期已报送过一次。用“%2”替换原回执吗？原回执保留在历史中。")
                    .replace("%1", str(o.error.params.get("value", "")))
                    .replace("%2", o.path.name),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    again.append(o.path)
        self.redraw()
        lines = [
            f"✔ {o.path.name}：{o.unit}，{o.rows} 项" + "".join(f"\n    {w}" for w in o.warnings)
            if o.ok
            else f"✘ {o.path.name}：{error_text(o.error) if o.error else ''}"
            for o in results
            if o.ok or o.path not in again
        ]
        failed = [o for o in results if not o.ok and o.path not in again]
        if message or cancelled:
            title = self.tr("已取消导入") if cancelled else self.tr("导入失败")
            text = message or self.tr("已取消，取消时正在导入的文件未写入。")
        elif failed:
            title = self.tr("导入失败") if len(failed) == len(results) else self.tr("部分导入")
            text = self.tr("有 %1 个回执未能导入，请看下面每个文件的说明。").replace("%1", str(len(failed)))
        else:
            title, text = self.tr("导入完成"), self.tr("导入完成。")
        icon = QMessageBox.Icon.Warning if failed or message or cancelled else QMessageBox.Icon.Information
        self.result_box = QMessageBox(icon, title, text + "\n\n" + "\n".join(lines), parent=self)
        add_close(self.result_box)
        self.result_box.show()
        if again:
            self.import_returns(again, replace=True)

    # ---- the merged submission ----------------------------------------------------------------------
    def export_summary(self) -> None:
        """Write the merged report (.docx) and, beside it, the merged ledger (.xlsx)."""
        period = self.current_period()
        chosen = save_file(
            self,
            self.settings,
            "summary",
            self.tr("生成汇总报告"),
            f"落实情况汇总报告（{period.label}）.docx",
            self.tr("Word 文档 (*.docx)"),
        )
        if chosen is None:
            return
        report = chosen.with_suffix(".docx")
        ledger = report.with_name(report.stem.replace("报告", "台账") + ".xlsx")
        db_path, today, plans = self.ws.path, self.today, self.plan.plans()
        steps = {
            "reading": self.tr("正在汇总各单位报送的进展…"),
            "report": self.tr("正在写汇总报告…"),
            "ledger": self.tr("正在写汇总台账…"),
        }

        def work(control: TaskControl) -> list[FontGap]:
            with Workspace(db_path) as ws:
                options = report_service.saved_options(ws)
                board_service.export_summary(
                    ws, period=period, report_out=report, ledger_out=ledger, options=options, today=today,
                    plans=plans, should_stop=control.should_stop,
                    progress=lambda step, what: control.report(step, steps[what]),
                )  # fmt: skip
            return font_service.missing_fonts()

        self.summary_task = BackgroundTask(
            work,
            title=self.tr("生成汇总报告"),
            label=steps["reading"],
            parent=self,
            maximum=board_service.SUMMARY_STEPS,
            on_done=lambda gaps: self._summary_done(report, ledger, gaps=gaps),
            on_failed=lambda message: self._summary_done(report, ledger, message=message),
            on_cancelled=lambda: self._summary_done(report, ledger, cancelled=True),
        )

    def _summary_done(
        self,
        report: Path,
        ledger: Path,
        *,
        gaps: list[FontGap] | None = None,
        message: str = "",
        cancelled: bool = False,
    ) -> None:
        """Say what was written (the report and, beside it, the ledger) and offer to open them."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("生成汇总报告"))
        if message or cancelled:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(message or self.tr("已取消，未写入文件。"))
            add_close(box)
        else:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                self.tr("已生成汇总报告和汇总台账（同一文件夹）：\n%1\n%2")
                .replace("%1", report.name)
                .replace("%2", ledger.name)
            )
            if gaps:  # the fonts this PC lacks (said once per run)
                box.setInformativeText(missing_fonts_text(gaps))
            for text, target in ((self.tr("打开报告"), report), (self.tr("打开台账"), ledger)):
                button = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
                button.clicked.connect(
                    lambda _=False, t=target: QDesktopServices.openUrl(QUrl.fromLocalFile(str(t)))
                )
            folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
            folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.parent))))
            add_close(box)
        self.summary_box = box
        box.open()
