"""Message boxes that always close with Enter and Esc, with a Chinese 关闭 button kept by the box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton


def add_close(box: QMessageBox, *, default: bool = True) -> QPushButton:
    """Add 关闭 to `box`: Esc presses it, and Enter too unless another button is the default."""
    close = box.addButton(
        QCoreApplication.translate("MessageBoxes", "关闭"), QMessageBox.ButtonRole.RejectRole
    )
    box.setEscapeButton(close)
    if default:
        box.setDefaultButton(close)
    return close
