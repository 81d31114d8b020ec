"""Importing plan files (文件 menu or a drop) in the background, then reviewing each new plan version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desktop.domain.corrections import Correction
from desktop.domain.errors import LuoshiError
from desktop.services import guided, imports
from desktop.services.messages import error_text
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.claims_dialog import ClaimsDialog, confirm_category_tasks
from desktop.ui.desk import EVERYTHING, Desk
from desktop.ui.file_dialogs import open_files
from desktop.ui.guided_dialog import GuidedDialog
from desktop.ui.import_task import FileResult, ImportRun, start_import
from desktop.ui.message_boxes import add_close
from desktop.ui.plan_check_dialog import PlanCheckDialog
from desktop.ui.review_dialog import ReviewDialog

PLAN_FILTER = "方案文件 (*.docx *.doc *.wps *.pdf *.ofd *.xlsx *.xls *.et *.txt *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)"


class ImportFlow(QObject):
    """Runs one import at a time for a MainWindow and walks the clerk through the new versions found."""

    def __init__(self, desk: Desk) -> None:
        """Import into the workspace of `desk`."""
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.task: BackgroundTask[ImportRun] | None = None
        self.result_box: QMessageBox | None = None
        self.review_dialog: ReviewDialog | None = None
        self.apply_task: BackgroundTask[imports.SavedVersion] | None = None
        self.last_import: list[FileResult] = []
        self.pending_reviews: list[imports.ImportReview] = []
        self.check_dialog: PlanCheckDialog | None = None
        self.claims_dialog: ClaimsDialog | None = None
        self.not_a_plan_box: QMessageBox | None = None
        self.guided_dialog: GuidedDialog | None = None
        self.pending_guides: list[guided.Material] = []
        self.imported: list[int] = []  # the plans stored in this round of imports

    def choose_import(self) -> None:
        """Ask for plan files and import them."""
        files = open_files(self.widget, self.desk.settings, "plan", self.tr("导入方案"), self.tr(PLAN_FILTER))
        if files:
            self.import_files(files)

    def import_files(self, files: list[Path]) -> None:
        """Import `files` in the background, then list what became of each."""
        if self.task is not None and self.task.is_running():
            return
        if not self.desk.leave_note():
            return
        self.task = start_import(
            self.desk.ws.path, files, self.widget, on_done=self._import_done, on_failed=self._import_failed
        )

    def _import_failed(self, message: str) -> None:
        """Show a bug's short message (already logged by the crash reporter) over the desk as it now is."""
        self.desk.changed.emit(EVERYTHING)
        QMessageBox.warning(self.widget, self.tr("导入方案"), message)

    def _import_done(self, run: ImportRun) -> None:
        results, cancelled = run.results, run.cancelled
        self.last_import = results
        self.desk.changed.emit(EVERYTHING)
        self.pending_reviews = [p for r in results if (p := r.check or r.review) is not None]
        self.pending_guides = [r.guide for r in results if r.guide is not None]
        failed = [r for r in results if not r.ok]
        if cancelled:
            title, text = self.tr("已取消导入"), self.tr("已取消导入。取消时正在导入的文件未写入数据库。")
        elif failed and len(failed) == len(results):
            title, text = self.tr("导入失败"), self.tr("未能导入，请看下面的说明。")
        elif failed:
            title, text = self.tr("部分导入"), self.tr("部分文件未能导入，请看下面每个文件的说明。")
        else:
            title, text = self.tr("导入完成"), self.tr("导入完成。")
        self.imported += [r.plan_id for r in results if r.ok and r.plan_id is not None]
        if cancelled or failed or len(self.pending_reviews) + len(self.pending_guides) < len(results):
            lines = [("✔ " if r.ok else "✘ ") + f"{r.path.name}：{r.message}" for r in results]
            box = QMessageBox(self.widget)
            box.setWindowTitle(title)
            box.setIcon(QMessageBox.Icon.Warning if failed or cancelled else QMessageBox.Icon.Information)
            box.setText(text + "\n\n" + "\n".join(lines))
            add_close(box)
            box.show()
            self.result_box = box
        self.review_next()

    def review_next(self) -> None:
        """Show the next new plan (核对方案) or revision waiting; applying it runs in the background."""
        if not self.pending_reviews and self.pending_guides:
            self._guide(self.pending_guides.pop(0))
            return
        if not self.pending_reviews:
            if self.imported:  # the plans may give the unit tasks by category: ask about theirs now
                plans, self.imported = self.imported, []
                self.claims_dialog = confirm_category_tasks(self.desk, plans=plans)
            return
        prepared = self.pending_reviews.pop(0)
        if prepared.review is None and prepared.plan.names_no_unit:
            self._ask_not_a_plan(prepared)
            return
        self._check(prepared)

    def _guide(self, found: guided.Material) -> None:
        """Ask how to read a file the parser found no measure in (指定读法), then check it (核对方案)."""
        dialog = GuidedDialog(found, self.widget)

        def chosen() -> None:
            if dialog.plan is None:
                self.review_next()
                return
            try:
                prepared = imports.prepare(self.desk.ws, path=found.path, plan=dialog.plan)
            except LuoshiError as error:
                QMessageBox.warning(self.widget, self.tr("导入方案"), error_text(error))
                self.review_next()
                return
            self.pending_reviews.insert(0, prepared)
            self.review_next()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(self._check_declined)
        dialog.open()
        self.guided_dialog = dialog

    def _ask_not_a_plan(self, prepared: imports.ImportReview) -> None:
        """Ask before checking a file whose numbered items name no unit: it does not read as a plan."""
        box = QMessageBox(self.widget)
        box.setWindowTitle(self.tr("导入方案"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            self.tr("“%1”不像实施方案：%2 项编号内容中没有一项写明责任单位。")
            .replace("%1", prepared.path.name)
            .replace("%2", str(len(prepared.plan.measures)))
        )
        box.setInformativeText(
            self.tr(
                "如果这确实是方案，请继续，在“核对方案”中为各项指定责任单位；否则请停止，数据库不会改动。"
            )
        )
        go_on = box.addButton(self.tr("继续核对"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("停止导入"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)

        def answered() -> None:
            if box.clickedButton() is go_on:
                self._check(prepared)
            else:
                self._check_declined()

        box.finished.connect(answered)
        box.open()
        self.not_a_plan_box = box

    def _check(self, prepared: imports.ImportReview) -> None:
        """Show 核对方案 for a new plan, or the comparison for a revision."""
        if prepared.review is None:
            check = PlanCheckDialog(prepared, self.widget)
            check.accepted.connect(lambda: self._apply_review(check.prepared, list(check.corrections)))
            check.rejected.connect(self._check_declined)
            check.open()
            self.check_dialog = check
            return
        dialog = ReviewDialog(prepared, self.widget)
        dialog.accepted.connect(lambda: self._apply_review(dialog.prepared))
        dialog.rejected.connect(self.review_next)
        dialog.open()
        self.review_dialog = dialog

    def _check_declined(self) -> None:
        self.desk.statusBar().showMessage(self.tr("已取消导入，数据库未改动。"), 8000)
        self.review_next()

    def _apply_review(
        self, prepared: imports.ImportReview, corrections: list[Correction] | None = None
    ) -> None:
        path = self.desk.ws.path
        chosen = list(corrections or [])

        def work(control: TaskControl) -> imports.SavedVersion:
            with Workspace(path) as ws:  # its own connection, in the worker thread
                return imports.apply(ws, prepared, chosen, should_stop=control.should_stop)

        self.apply_task = BackgroundTask(
            work,
            on_done=self._review_applied,
            on_failed=self._review_failed,
            on_cancelled=self._review_ended,
            title=self.tr("导入方案"),
            label=self.tr("正在写入数据库…"),
            parent=self.widget,
        )

    def _review_applied(self, saved: imports.SavedVersion) -> None:
        self.imported.append(saved.plan_id)
        self.desk.changed.emit(EVERYTHING)
        self.desk.statusBar().showMessage(self.tr("已导入，原有进展记录均已保留。"), 8000)
        self.review_next()

    def _review_failed(self, message: str) -> None:
        self.desk.changed.emit(EVERYTHING)
        QMessageBox.warning(self.widget, self.tr("导入方案"), message)
        self.review_next()

    def _review_ended(self) -> None:
        self.desk.changed.emit(EVERYTHING)
        self.review_next()
