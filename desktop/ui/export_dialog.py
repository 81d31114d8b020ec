"""生成报告 and 导出台账: the options, and for the report a live preview of its content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.desk.periods import Period
from desktop.domain.errors import LuoshiError
from desktop.domain.reporting.report import Report, ReportOptions, Unfilled
from desktop.domain.terms import Scope
from desktop.services.messages import error_text
from desktop.ui.message_boxes import ok_cancel
from desktop.ui.plan_picker import PlanPicker
from desktop.ui.report_preview import report_html
from desktop.ui.screen import fit_to_screen

Preview = Callable[["ExportChoice"], Report]
PREVIEW_PAUSE_MS = 300


@dataclass(frozen=True)
class ExportChoice:
    """What the clerk asked for."""

    period: Period
    scope: Scope
    options: ReportOptions
    include_unconfirmed: bool = False
    pdf: bool = False  # a PDF copy beside the file
    plans: tuple[int, ...] = ()  # the plans covered; several make one combined report


class ExportDialog(QDialog):
    """Period and scope; for the report also title, organs, 版头/版记 and a preview."""

    def __init__(
        self,
        *,
        periods: list[Period],
        chosen: Period,
        options: ReportOptions,
        preview: Preview | None,
        today: date,
        plans: list[tuple[int, str]] | None = None,
        chosen_plans: list[int] | None = None,
        pdf_by: list[str] | None = None,
        pdf: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form; `preview` is None for the ledger.

        `plans` (id, name) are the plans in use, `chosen_plans` those ticked at first (the desk's);
        `pdf_by` names the programs here that can make a PDF copy (none: the box is off and says so);
        `pdf` is whether the clerk asked for one last time.
        """
        super().__init__(parent)
        self._preview = preview
        self.setWindowTitle(self.tr("生成报告") if preview else self.tr("导出台账"))
        self.period = QComboBox()
        for period in periods:
            self.period.addItem(period.label, period)
        self.period.setCurrentIndex(
            max(0, [p.code for p in periods].index(chosen.code) if chosen in periods else 0)
        )
        self.mine = QRadioButton(self.tr("全部本单位任务（牵头和配合）"))
        self.lead = QRadioButton(self.tr("只含本单位牵头的任务"))
        self.mine.setChecked(True)
        self.unconfirmed = QCheckBox(self.tr("包括尚未确认的按类别分配任务"))
        self.unconfirmed.setToolTip(
            self.tr("分配给“各行业主管部门”等类别、尚未确认是否属于本单位的任务，默认不列入")
        )
        self.plans = PlanPicker(plans or [], chosen_plans or [])
        self.plans.setToolTip(self.tr("勾选多个方案时合并为一份，每个方案一节"))
        form = QFormLayout()
        form.addRow(self.tr("方案"), self.plans)
        form.addRow(self.tr("报送周期"), self.period)
        form.addRow(self.tr("范围"), self.mine)
        form.addRow("", self.lead)
        form.addRow("", self.unconfirmed)
        self.fields: dict[str, QLineEdit] = {}
        if preview:
            self._report_fields(form, options, today)
        self.pdf = QCheckBox(self.tr("同时生成 PDF 副本（同一文件夹）"))
        if pdf_by:
            self.pdf.setChecked(pdf)
            self.pdf.setToolTip(self.tr("用本机的 %1 转换").replace("%1", pdf_by[0]))
        else:
            self.pdf.setEnabled(False)
            self.pdf.setText(self.tr("同时生成 PDF 副本（本机没有能生成 PDF 的程序）"))
            self.pdf.setToolTip(
                self.tr("需要 LibreOffice，或 Windows 上的 WPS、Microsoft Office；也可在 WPS 中“输出为 PDF”")
            )
        form.addRow("", self.pdf)
        buttons = ok_cancel(self, self.tr("生成…"), self.tr("取消"))
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 0)
        if preview:
            self.browser = QTextBrowser()
            self.browser.setAccessibleName(self.tr("报告预览"))
            self.browser.setMinimumWidth(520)
            layout.addWidget(self.browser, 1)
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(PREVIEW_PAUSE_MS)
            self._timer.timeout.connect(self.refresh)
            self._watch()
            self.refresh()
            fit_to_screen(self, 1180, 680)

    def _report_fields(self, form: QFormLayout, options: ReportOptions, today: date) -> None:
        for key, label, value in (
            ("title", self.tr("标题"), options.title),
            ("addressee", self.tr("主送机关"), options.addressee),
            ("organ", self.tr("发文机关署名"), options.organ),
            ("doc_number", self.tr("发文字号"), options.doc_number),
            ("signer", self.tr("签发人"), options.signer),
            ("copy_to", self.tr("抄送机关"), options.copy_to),
            ("printer", self.tr("印发机关"), options.printer),
        ):
            edit = QLineEdit(value)
            edit.setAccessibleName(label)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.fields["title"].setPlaceholderText(self.tr("默认：关于《方案名称》落实情况的报告"))
        self.fields["organ"].setPlaceholderText(self.tr("默认：本单位"))
        self.fields["printer"].setPlaceholderText(self.tr("默认：发文机关署名（用于版记）"))
        self.dated = QDateEdit(QDate(today.year, today.month, today.day))
        self.dated.setCalendarPopup(True)
        self.dated.setDisplayFormat("yyyy年M月d日")
        form.addRow(self.tr("成文日期"), self.dated)
        self.list_unfilled = QCheckBox(self.tr("未填写进展的任务列为“暂无进展”"))
        self.list_unfilled.setChecked(options.unfilled is Unfilled.LIST)
        self.letterhead = QCheckBox(self.tr("加版头（发文机关标志、发文字号、签发人）"))
        self.letterhead.setChecked(options.letterhead)
        self.colophon = QCheckBox(self.tr("加版记（抄送、印发机关和印发日期）"))
        self.colophon.setChecked(options.colophon)
        self.sealed = QCheckBox(self.tr("加盖印章（成文日期右空四字，上方留出印章位置）"))
        self.sealed.setChecked(options.sealed)
        self.levels = QCheckBox(self.tr("措施标题按章分（一）（二）编号（括注方案原序号）"))
        self.levels.setChecked(options.levels)
        for box in (self.list_unfilled, self.letterhead, self.colophon, self.sealed, self.levels):
            form.addRow("", box)

    def _watch(self) -> None:
        self.period.currentIndexChanged.connect(self._timer.start)
        self.plans.changed.connect(self._timer.start)
        self.unconfirmed.toggled.connect(self._timer.start)
        for widget in (
            self.mine,
            self.list_unfilled,
            self.letterhead,
            self.colophon,
            self.sealed,
            self.levels,
        ):
            widget.toggled.connect(self._timer.start)
        for edit in self.fields.values():
            edit.textChanged.connect(self._timer.start)
        self.dated.dateChanged.connect(self._timer.start)

    def choice(self) -> ExportChoice:
        """Return the period, scope and report options chosen."""
        options = ReportOptions()
        if self._preview:
            d = self.dated.date()
            texts: dict[str, str] = {key: edit.text().strip() for key, edit in self.fields.items()}
            options = replace(
                options,
                **texts,  # the text fields of ReportOptions, by name
                sealed=self.sealed.isChecked(),
                levels=self.levels.isChecked(),
                letterhead=self.letterhead.isChecked(),
                colophon=self.colophon.isChecked(),
                unfilled=Unfilled.LIST if self.list_unfilled.isChecked() else Unfilled.OMIT,
                dated=date(d.year(), d.month(), d.day()),
            )
        scope = Scope.LEAD if self.lead.isChecked() else Scope.MINE
        return ExportChoice(
            self.period.currentData(),
            scope,
            options,
            self.unconfirmed.isChecked(),
            pdf=self.pdf.isEnabled() and self.pdf.isChecked(),
            plans=tuple(self.plans.chosen()),
        )

    def refresh(self) -> None:
        """Show the report as it would be written now."""
        if not self._preview:
            return
        choice = self.choice()
        try:
            html = report_html(self._preview(choice))
        except LuoshiError as error:
            html = f"<p style='color:#a00000'>{error_text(error)}</p>"
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)
        self.browser.setAlignment(Qt.AlignmentFlag.AlignLeft)
