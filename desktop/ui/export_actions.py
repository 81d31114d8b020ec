"""The 文件 menu's submissions: 生成报告, 导出台账 and 格式检查, each run off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.domain.errors import LuoshiError
from desktop.domain.gongwen.fonts import FontGap
from desktop.domain.reporting.report import Report, ReportOptions
from desktop.services import fonts as font_service
from desktop.services import format_check, pdf_copies
from desktop.services import periods as period_service
from desktop.services import plans as plan_service
from desktop.services import reports as report_service
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.desk import Desk
from desktop.ui.export_dialog import ExportChoice, ExportDialog
from desktop.ui.file_dialogs import open_file, save_file
from desktop.ui.message_boxes import add_close, missing_fonts_text

PDF_SETTING = "export/pdf"  # whether the clerk last asked for a PDF copy
T = TypeVar("T")
FINDINGS_SHOWN = 3  # 格式检查 findings in the message itself; the rest scroll in its details


@dataclass(frozen=True)
class Exported:
    """A written file, the official fonts this PC lacks, and its PDF copy or why there is none."""

    path: Path
    gaps: list[FontGap]
    pdf: Path | None = None
    pdf_problem: str = ""


class ExportActions(QObject):
    """Writes the report and the ledger, and checks a report's layout, for the 文件 menu."""

    def __init__(self, desk: Desk) -> None:
        """Carry out the 文件 menu's 生成报告…, 导出台账… and 格式检查… for `desk`."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.task: BackgroundTask[Any] | None = None  # the file being written or checked
        self.result_box: QMessageBox | None = None
        self.prepared = False  # the report writer loaded in the background (once a session)
        self.dialogs: dict[
            bool, ExportDialog
        ] = {}  # by kind (report or not), kept while the clerk is choosing

    # ---- dialogs ----------------------------------------------------------------------------
    def export_dialog(self, *, report: bool) -> ExportDialog | None:
        """Return the options dialog (not shown), or None when the pending note could not be saved.

        The dialog of each kind is kept with what the clerk typed until a file is written or the clerk
        closes it, so cancelling the 保存到 dialog loses nothing.
        """
        if not self.desk.leave_note():
            return None
        kept = self.dialogs.get(report)
        if kept is not None:
            return kept
        if report and not self.prepared:  # load the writer while the clerk fills in the dialog
            self.prepared = True
            threading.Thread(
                target=report_service.prepare_writing, name="prepare-report", daemon=True
            ).start()
        ws = self.desk.ws
        periods, _ = period_service.offered_periods(ws, today=self.desk.today)
        options = report_service.saved_options(ws) if report else ReportOptions()

        def preview(choice: ExportChoice) -> Report:
            return report_service.build(
                ws,
                period=choice.period,
                scope=choice.scope,
                options=choice.options,
                today=self.desk.today,
                include_unconfirmed=choice.include_unconfirmed,
                plans=choice.plans or None,
            )

        offered = plan_service.choices(ws, {})
        dialog = ExportDialog(
            periods=periods,
            chosen=self.desk.current_period(),
            options=options,
            preview=preview if report else None,
            today=self.desk.today,
            plans=[(c.plan.id, c.label) for c in offered],
            chosen_plans=self.desk.current_plans(),
            pdf_by=pdf_copies.converters(".docx" if report else ".xlsx"),
            pdf=self.desk.settings.value(PDF_SETTING, False, type=bool) is True,
            parent=self.widget,
        )
        self.dialogs[report] = dialog
        return dialog

    def make_report(self) -> None:
        """Ask for the options and a file name, then write the report."""
        self._ask_and_write(report=True)

    def make_ledger(self) -> None:
        """Ask for the period, scope and a file name, then write the ledger."""
        self._ask_and_write(report=False)

    def _ask_and_write(self, *, report: bool) -> None:
        """Show the options until the clerk picks a file or closes them; a cancelled 保存到 goes back to them."""
        dialog = self.export_dialog(report=report)
        while dialog is not None:
            if not dialog.exec():
                self.dialogs.pop(report, None)  # closed by the clerk: the next one starts afresh
                return
            choice = dialog.choice()
            target = self._target(choice, report=report)
            if target is not None:
                self.dialogs.pop(report, None)
                self.desk.settings.setValue(PDF_SETTING, choice.pdf)
                self.export(choice, target, report=report)
                return

    def _target(self, choice: ExportChoice, *, report: bool) -> Path | None:
        if report:
            name = f"{choice.options.organ or self.desk.unit_name()}{choice.period.label}落实情况报告.docx"
            return save_file(
                self.widget,
                self.desk.settings,
                "report",
                self.tr("保存到"),
                name,
                self.tr("Word 文件 (*.docx)"),
            )
        name = f"{self.desk.unit_name()}{choice.period.label}工作台账.xlsx"
        return save_file(
            self.widget, self.desk.settings, "ledger", self.tr("保存到"), name, self.tr("Excel 文件 (*.xlsx)")
        )

    # ---- work -------------------------------------------------------------------------------
    def export(self, choice: ExportChoice, target: Path, *, report: bool) -> None:
        """Write the report or ledger in the background; then offer to open it."""
        db_path, today = self.desk.ws.path, self.desk.today

        def work(control: TaskControl) -> Exported:
            with Workspace(db_path) as ws:  # its own connection, in the worker thread
                if report:
                    report_service.export_report(
                        ws, period=choice.period, scope=choice.scope, options=choice.options, out=target,
                        today=today, include_unconfirmed=choice.include_unconfirmed,
                        plans=choice.plans or None, should_stop=control.should_stop,
                    )  # fmt: skip
                else:
                    report_service.export_ledger(
                        ws,
                        period=choice.period,
                        scope=choice.scope,
                        out=target,
                        today=today,
                        include_unconfirmed=choice.include_unconfirmed,
                        plans=choice.plans or None,
                        should_stop=control.should_stop,
                    )
            gaps = font_service.missing_fonts() if report else []
            if not choice.pdf:
                return Exported(target, gaps)
            try:
                return Exported(
                    target, gaps, pdf_copies.make_pdf_copy(target, should_stop=control.should_stop)
                )
            except LuoshiError as error:  # the file is written: say why its copy is not
                return Exported(target, gaps, pdf_problem=error_text(error))

        title = self.tr("生成报告") if report else self.tr("导出台账")
        self._start(
            work,
            title,
            self.tr("正在写入文件…") if not choice.pdf else self.tr("正在写入文件并生成 PDF 副本…"),
            lambda done: self.exported(done, title=title),
        )

    def _start(
        self, work: Callable[[TaskControl], T], title: str, label: str, then: Callable[[T], None]
    ) -> None:
        """Run `work` unless a file is being written already; its result goes to `then`."""
        if self.task is not None and self.task.is_running():
            return
        self.task = BackgroundTask(work, on_done=then, title=title, label=label, parent=self.widget)

    def exported(self, done: Exported, *, title: str) -> None:
        """Say where the file (and its PDF copy) is, with 打开文件 and 打开所在文件夹, and which fonts are missing."""
        path = done.path
        text = self.tr("已保存到：") + str(path)
        if done.pdf is not None:
            text += "\n" + self.tr("PDF 副本：") + str(done.pdf)
        box = QMessageBox(
            QMessageBox.Icon.Warning if done.pdf_problem else QMessageBox.Icon.Information,
            title,
            text,
            parent=self.widget,
        )
        notes = [done.pdf_problem] if done.pdf_problem else []
        fonts = missing_fonts_text(done.gaps)
        if fonts:
            notes.append(fonts)
        box.setInformativeText("\n\n".join(notes))
        open_file = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        add_close(box, default=False)
        box.setDefaultButton(open_file)
        open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        self.result_box = box
        box.show()

    def choose_check(self) -> None:
        """Ask for a .docx and check it against GB/T 9704-2012."""
        path = open_file(
            self.widget, self.desk.settings, "report", self.tr("格式检查"), self.tr("Word 文件 (*.docx)")
        )
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """Check `path` in the background (LibreOffice takes a few seconds) and list the findings."""
        title = self.tr("格式检查")
        self._start(
            lambda control: format_check.check_file(path, should_stop=control.should_stop),
            title,
            self.tr("正在检查格式（用 LibreOffice 测量排版）…"),
            lambda result: self.show_findings(result, title),
        )

    def show_findings(self, result: format_check.CheckResult, title: str) -> None:
        """List each finding with its clause and fix."""
        if result.passed:
            text = self.tr("未发现不符合 GB/T 9704-2012 的地方。")
        else:
            text = self.tr("发现 %1 类问题：").replace("%1", str(len(result.faults)))
        if result.font_dependent:
            text += "\n" + self.tr(
                "另有 %1 类差异是在本机的替代字体下测得的（本机缺少文件指定的字体），不算文件的问题。"
            ).replace("%1", str(len(result.font_dependent)))
        if not result.rendered:
            text += "\n" + self.tr("（未安装 LibreOffice，只检查了文件中的格式设置。）")
        box = QMessageBox(
            QMessageBox.Icon.Information if result.passed else QMessageBox.Icon.Warning,
            title,
            f"{result.path.name}\n{text}",
            parent=self.widget,
        )
        if result.findings:
            listed = result.faults + result.font_dependent  # the document's own first
            # a few in the box; every one in 显示详细信息, which scrolls within the screen
            shown = listed[:FINDINGS_SHOWN]
            more = len(listed) - len(shown)
            box.setInformativeText(
                "\n\n".join(f.text() for f in shown)
                + (self.tr("\n\n另有 %1 类问题，见“显示详细信息”。").replace("%1", str(more)) if more else "")
            )
            box.setDetailedText("\n\n".join(f.text() for f in listed))
        add_close(box)
        self.result_box = box
        box.show()
