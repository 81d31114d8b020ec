"""The main window's frame: title, geometry, menu and status bars, dropped files and closing.

It paints before the database is opened; the desk (desktop.ui.desk_view, loaded by desktop.ui.opening)
then becomes its central widget. Until then it shows one line saying the data is being opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget


@runtime_checkable
class InstalledDesk(Protocol):
    """What the frame asks of the desk it holds."""

    def import_files(self, files: list[Path]) -> None:
        """Import dropped files."""
        ...

    def may_close(self) -> bool:
        """Save what is pending; False when the window must stay open."""
        ...

    def save_pending(self) -> bool:
        """Save the note being typed now; False when that failed (the text stays in the editor)."""
        ...

    def release(self) -> None:
        """Close the database (the window has closed)."""
        ...


class MainWindow(QMainWindow):
    """The frame around the clerk's desk; it remembers its size and place on the screen."""

    def __init__(self, settings: QSettings) -> None:
        """Build the frame, restoring its geometry from `settings` (the defaults fit a 1366×768 screen)."""
        super().__init__()
        self.settings = settings
        self.desk: InstalledDesk | None = None
        # Qt adds the application's display name: the title bar reads 实施方案任务落实台账 — 落实
        self.setWindowTitle(self.tr("实施方案任务落实台账"))
        self.setAcceptDrops(True)
        self.setCentralWidget(QLabel(self.tr("正在打开数据……"), margin=24))
        self.resize(1280, 700)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def set_desk(self, desk: QWidget) -> None:
        """Show `desk` as the window's content; it receives drops and is asked before the window closes."""
        if not isinstance(desk, InstalledDesk):
            raise TypeError(f"{type(desk).__name__} is not a desk")
        self.setCentralWidget(desk)
        self.desk = desk

    def save_pending(self) -> bool:
        """Save what the clerk is typing (before an error dialog); True when nothing is left unsaved."""
        return self.desk.save_pending() if self.desk is not None else True

    def release(self) -> None:
        """Let go of the desk's database once the event loop has ended."""
        if self.desk is not None:
            self.desk.release()

    def save_window_state(self) -> None:
        """Remember the window's geometry."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped files once the desk is there."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.desk is not None and any(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped plan files."""
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files and self.desk is not None:
            self.desk.import_files(files)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let the desk save first; when it cannot and the clerk chooses to stay, keep the window open."""
        if self.desk is not None and not self.desk.may_close():
            event.ignore()
            return
        self.save_window_state()
        event.accept()
