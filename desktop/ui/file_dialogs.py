"""File dialogs that start where the clerk last chose that kind of file (else in Documents).

Each kind (a plan, a report, a ledger, 佐证材料, returns…) remembers its own folder in the window's
settings beside the database, so a report is not offered the folder a plan came from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def start_folder(settings: QSettings, kind: str) -> Path:
    """Return the folder last used for `kind`, or the clerk's Documents folder."""
    remembered = str(settings.value(f"folders/{kind}", "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember(settings: QSettings, kind: str, chosen: Path) -> None:
    """Remember the folder of `chosen` for the next dialog of `kind`."""
    settings.setValue(f"folders/{kind}", str(chosen if chosen.is_dir() else chosen.parent))


def open_files(
    parent: QWidget, settings: QSettings, kind: str, title: str, file_filter: str = ""
) -> list[Path]:
    """Ask for files to read; [] when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(settings, kind)), file_filter)
    chosen = [Path(n) for n in names]
    if chosen:
        remember(settings, kind, chosen[0])
    return chosen


def open_file(
    parent: QWidget, settings: QSettings, kind: str, title: str, file_filter: str = ""
) -> Path | None:
    """Ask for one file to read; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(settings, kind)), file_filter)
    if not name:
        return None
    remember(settings, kind, Path(name))
    return Path(name)


def save_file(
    parent: QWidget, settings: QSettings, kind: str, title: str, suggested: str, file_filter: str
) -> Path | None:
    """Ask where to write a file, offering `suggested` in the remembered folder; None when cancelled.

    A name typed without an extension gets the one of `suggested` (报告 → 报告.docx).
    """
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(settings, kind) / suggested), file_filter
    )
    if not name:
        return None
    chosen = Path(name)
    if not chosen.suffix:
        chosen = chosen.with_suffix(Path(suggested).suffix)
    remember(settings, kind, chosen)
    return chosen


def open_folder(parent: QWidget, settings: QSettings, kind: str, title: str) -> Path | None:
    """Ask for a folder; None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start_folder(settings, kind)))
    if not name:
        return None
    remember(settings, kind, Path(name))
    return Path(name)
