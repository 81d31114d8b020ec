"""Draw the README screenshots under Xvfb: `xvfb-run -s "-screen 0 1366x768x24" python docs/screenshots/make_screenshots.py`.

A throwaway database holds the bundled sample plan and a few notes; nothing in the user's data is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.app import application  # noqa: E402
from desktop.domain.desk.notes import NoteFields, Status  # noqa: E402
from desktop.domain.desk.periods import parse_period  # noqa: E402
from desktop.domain.desk.worklist import Scope  # noqa: E402
from desktop.domain.reporting.report import ReportOptions  # noqa: E402
from desktop.importers import rendering  # noqa: E402
from desktop.services import imports  # noqa: E402
from desktop.services import measures as measure_service  # noqa: E402
from desktop.services import notes as note_service  # noqa: E402
from desktop.services import plans as plan_service  # noqa: E402
from desktop.services import reports as report_service  # noqa: E402
from desktop.services import returns as return_service  # noqa: E402
from desktop.services import units as unit_service  # noqa: E402
from desktop.services.format_check import render_pdf  # noqa: E402
from desktop.services.locations import sample_plan_path  # noqa: E402
from desktop.services.workspace import Workspace  # noqa: E402
from desktop.ui.board_window import BoardWindow  # noqa: E402
from desktop.ui.claims_dialog import confirm_category_tasks  # noqa: E402
from desktop.ui.desk import EVERYTHING  # noqa: E402
from desktop.ui.desk_view import DeskView  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.opening import open_workspace  # noqa: E402
from desktop.ui.plan_check_dialog import PlanCheckDialog  # noqa: E402
from desktop.ui.review_dialog import ReviewDialog  # noqa: E402
from desktop.ui.setup_flow import setup_dialog_for  # noqa: E402
from desktop.ui.window_settings import ui_settings  # noqa: E402
from tests.province import UNITS, plan_text, province, write_return  # noqa: E402

OUT = Path(__file__).resolve().parent


def grab(name: str) -> None:
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(OUT / name))
    print("wrote", OUT / name)


def pages(ws: Workspace, folder: Path) -> None:
    """Write the sample report (with and without 版头/版记) and ledger; keep the report's first and last pages."""
    q2 = parse_period("2026Q2")
    assert q2 is not None
    full = ReportOptions(addressee="自治区人民政府", letterhead=True, colophon=True, signer="张三",
                         doc_number="内发改报〔2026〕18号", copy_to="自治区人民政府督查室")  # fmt: skip
    plain = ReportOptions(addressee="自治区人民政府", sealed=False)
    today = date(2026, 7, 3)
    for name, options in (("report_page", full), ("report_plain_page", plain)):
        report = folder / f"{name}.docx"
        report_service.export_report(
            ws, period=q2, scope=Scope.MINE, options=options, out=report, today=today
        )
        pdf = render_pdf(report, folder)
        last = len(rendering.read_pdf_layout(pdf).pages)
        for page, suffix in ((1, "1"), (last, "last")):
            _png(pdf, page, OUT / f"{name}-{suffix}.png")
    ledger = folder / "ledger.xlsx"
    report_service.export_ledger(ws, period=q2, scope=Scope.MINE, out=ledger, today=today)
    _png(render_pdf(ledger, folder), 1, OUT / "ledger_page-1.png")


def _png(pdf: Path, page: int, out: Path) -> None:
    """Render one page of `pdf` to `out` at 70 dpi."""
    subprocess.run(
        ["pdftoppm", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf),
         str(out.with_suffix(""))],
        check=True,
    )  # fmt: skip
    print("wrote", out)


def show_guided(app: QApplication, then: Callable[[], None]) -> None:
    """Show 指定读法 on the fixture table with unknown headers, the 配合单位 column still to be named."""
    from desktop.services import guided
    from desktop.ui.guided_dialog import GuidedDialog

    dialog = GuidedDialog(guided.material(ROOT / "tests" / "fixtures" / "plans" / "unknown_headers.txt"))
    dialog.set_role(3, "忽略")
    dialog.setGeometry(60, 30, 1180, 700)
    dialog.show()
    QTimer.singleShot(800, lambda: (grab("guided_dialog.png"), dialog.close(), then()))


def main() -> None:
    app = application()
    folder = Path(tempfile.mkdtemp(prefix="luoshi-shots-"))
    db = folder / "luoshi.db"
    ws = open_workspace(db)
    unit_service.set_profile(ws, unit="自治区发展改革委", categories=["行业主管部门"])
    q1, q2 = parse_period("2026Q1"), parse_period("2026Q2")
    assert q1 is not None and q2 is not None
    first = measure_service.find_measure(ws, "2")
    note_service.save_note(
        ws,
        note_service.key_for(ws, first.measure_id, q1),
        NoteFields(
            progress="制定《促进民间投资高质量发展若干措施》，向民间资本推介项目126个、总投资580亿元。",
            problems="部分项目前期手续办理周期较长。",
            next_steps="将民间投资重大项目纳入自治区联审联批，开展季度调度。",
            status=Status.IN_PROGRESS,
            percent=30,
        ),
    )
    dialog = setup_dialog_for(ws, None)
    dialog.move(400, 150)
    dialog.show()

    def after_dialog() -> None:
        grab("setup_dialog.png")
        dialog.close()
        frame = MainWindow(ui_settings(db))
        window = DeskView(ws, frame.settings, frame, today=date(2026, 6, 20))
        frame.set_desk(window)
        frame.setGeometry(0, 0, 1366, 768 - 40)  # less a taskbar
        window.period.setCurrentIndex(window.period.findData(q2.code))
        frame.show()
        editor = window.detail.editor
        window.detail.copy_button.click()
        editor.texts["progress"].setPlainText(
            "将民间投资重大项目纳入自治区联审联批，二季度召开调度会2次，新开工项目41个。"
        )
        editor.status.setCurrentIndex(editor.status.findData(Status.IN_PROGRESS.value))
        window.autosaver.flush()
        window._focus = frame  # keep a reference
        QTimer.singleShot(800, lambda: (grab("main_window.png"), show_plans(window)))

    def show_plans(window: DeskView) -> None:
        """Two more plans: the chooser open, then 全部方案 with its 方案 column."""
        for name in ("eerduosi_2025_yingshang.txt", "county_2026_category.txt"):
            imports.import_file(ws, path=ROOT / "tests" / "fixtures" / "plans" / name)
        window.changed.emit(EVERYTHING)  # the plans just imported join the chooser
        window.plan.setCurrentIndex(window.plan.findData(plan_service.list_plans(ws)[0].id))
        window.plan.showPopup()

        def all_plans() -> None:
            grab("plan_chooser.png")
            window.plan.hidePopup()
            window.plan.setCurrentIndex(window.plan.findData(plan_service.ALL_PLANS))
            window.filters.scope.setCurrentIndex(window.filters.scope.findData("all"))
            QTimer.singleShot(800, lambda: (grab("all_plans.png"), back(window)))

        def back(window: DeskView) -> None:
            window.filters.scope.setCurrentIndex(window.filters.scope.findData("mine"))
            window.plan.setCurrentIndex(window.plan.findData(plan_service.list_plans(ws)[0].id))
            show_claims(window)

        QTimer.singleShot(800, all_plans)

    def show_claims(window: DeskView) -> None:
        """Show the category tasks waiting for 确认属于本单位 / 不属于本单位."""
        dialog = confirm_category_tasks(window)
        assert dialog is not None
        dialog.move(150, 60)
        QTimer.singleShot(
            800, lambda: (grab("claims_dialog.png"), dialog.reject(), text_sizes(window, [125, 150]))
        )

    def text_sizes(window: DeskView, left: list[int]) -> None:
        """Show the desk at 较大字号 and 特大字号, then go back to the standard size."""
        if not left:
            window.commands.set_font_scale(100)
            QTimer.singleShot(800, lambda: show_report_dialog(window))
            return
        window.commands.set_font_scale(left[0])
        frame = window.main_window
        if left[0] == 150:  # 特大字号 maximized: the whole screen less a taskbar, status bar in view
            frame.setGeometry(0, 0, 1366, 768 - 40)
        QTimer.singleShot(1000, lambda: (grab(f"main_window_{left[0]}.png"), text_sizes(window, left[1:])))

    def show_report_dialog(window: DeskView) -> None:
        dialog = window.commands.exports.export_dialog(report=True)
        assert dialog is not None
        dialog.fields["addressee"].setText("自治区人民政府")
        dialog.fields["doc_number"].setText("内发改报〔2026〕18号")
        dialog.fields["signer"].setText("张三")
        dialog.letterhead.setChecked(True)
        dialog.refresh()
        dialog.setGeometry(40, 40, 1280, 680)
        dialog.show()
        QTimer.singleShot(
            800, lambda: (grab("report_dialog.png"), dialog.close(), pages(ws, folder), office(folder))
        )

    def office(folder: Path) -> None:
        """Show the coordinating office: a generated province, its revision under review, the board."""
        generated = province()
        (folder / "v1.txt").write_text(plan_text(generated.old), encoding="utf-8")
        (folder / "v2.txt").write_text(plan_text(generated.new, revised=True), encoding="utf-8")
        desk = Workspace(folder / "office.db")
        imports.import_file(desk, path=folder / "v1.txt")
        unit_service.set_profile(desk, unit="自治区发展改革委")
        review = ReviewDialog(imports.prepare(desk, path=folder / "v2.txt"))
        review.setGeometry(20, 20, 1300, 720)
        review.show()
        review.table.setCurrentCell(2, 0)
        returns = folder / "returns"
        returns.mkdir()
        for number, unit in enumerate(UNITS[:37]):
            write_return(desk, unit, q1, returns / f"{number}.xlsx", vary=True)
        return_service.import_returns(desk, [returns], period=q1)

        def board() -> None:
            grab("review_dialog.png")
            review.close()
            window = BoardWindow(desk, today=date(2026, 4, 3))
            window.setGeometry(20, 20, 1320, 720)
            window.show()
            review.board = window  # keep it alive until the last picture
            QTimer.singleShot(800, lambda: (grab("board.png"), window.tabs.setCurrentIndex(2)))
            QTimer.singleShot(1600, lambda: (grab("board_chart.png"), window.close(), plan_check()))

        QTimer.singleShot(800, board)

    def plan_check() -> None:
        """核对方案 on a county plan with doubts, then the measure editor on a doubtful measure."""
        check = PlanCheckDialog(
            imports.prepare(ws, path=ROOT / "tests/fixtures/plans/county_2026_doubts.txt")
        )
        check.setGeometry(20, 20, 1320, 720)
        check.show()

        def editor() -> None:
            grab("plan_check.png")
            check.select_index(2)
            check.edit_selected()
            assert check.editor is not None
            check.editor.setGeometry(300, 60, 780, 640)
            QTimer.singleShot(800, lambda: (grab("measure_editor.png"), check.close(), long_measures()))

        QTimer.singleShot(800, editor)

    def long_measures() -> None:
        """核对方案 on the corpus plan with the longest measures: rows fit after layout, five lines at most."""
        corpus = ROOT / "tests" / "fixtures" / "corpus"
        longest = max(
            corpus.glob("*.txt"), key=lambda p: max(map(len, p.read_text(encoding="utf-8").splitlines()))
        )
        check = PlanCheckDialog(imports.prepare(ws, path=longest))
        check.setGeometry(20, 20, 1320, 720)
        check.show()
        QTimer.singleShot(800, lambda: (grab("plan_check_long.png"), check.close(), scanned()))

    def scanned() -> None:
        """核对方案 on the first two pages of the sample, scanned (no text layer) and read by OCR."""
        from tests.helpers import convert, sample_paragraphs, scan_pdf, write_gongwen_docx

        folder = Path(tempfile.mkdtemp())
        os.environ["FONTCONFIG_FILE"] = str(ROOT / "resources" / "fonts" / "fonts.conf")
        pdf = convert(
            write_gongwen_docx(sample_paragraphs(sample_plan_path()), folder / "原件.docx"), folder, "pdf"
        )
        del os.environ["FONTCONFIG_FILE"]
        check = PlanCheckDialog(imports.prepare(ws, path=scan_pdf(pdf, folder / "扫描件.pdf", pages=3)))
        check.setGeometry(20, 20, 1320, 720)
        check.show()
        check.select_index(0)
        QTimer.singleShot(800, lambda: (grab("plan_check_scan.png"), check.close(), guided_path()))

    def guided_path() -> None:
        """指定读法 on a table whose header words the parser does not know, a column left to name."""
        show_guided(app, lambda: app.quit())

    QTimer.singleShot(800, after_dialog)
    app.exec()


if __name__ == "__main__":
    main()
