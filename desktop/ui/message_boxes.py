"""Buttons that answer Enter and Esc: message boxes with a kept 关闭, and a dialog's OK/cancel row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton


def add_close(box: QMessageBox, *, default: bool = True) -> QPushButton:
    """Add 关闭 to `box`: Esc presses it, and Enter too unless another button is the default."""
    close = box.addButton(
        QCoreApplication.translate("MessageBoxes", "关闭"), QMessageBox.ButtonRole.RejectRole
    )
    box.setEscapeButton(close)
    if default:
        box.setDefaultButton(close)
    return close


def ok_cancel(dialog: QDialog, ok: str, cancel: str) -> QDialogButtonBox:
    """Return the dialog's button row: `ok` accepts (Enter), `cancel` rejects (Esc), both in the clerk's words."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
