"""Message boxes: buttons that answer Enter and Esc, a dialog's OK/cancel row, the missing-font note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton

from desktop.domain.gongwen.fonts import FontGap


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


_fonts_told = False  # the notice is given once per run of the program, not after every export


def missing_fonts_text(gaps: list[FontGap]) -> str:
    """Say which official fonts this PC lacks and what shows instead; the file keeps their names.

    Returns '' after the first time in a run: the clerk has been told, and nothing changes until they act.
    """
    global _fonts_told
    if _fonts_told or not gaps:
        return ""
    _fonts_told = True
    tr = QCoreApplication.translate
    lines = [tr("MessageBoxes", "本机缺少以下公文字体：")] + ["· " + gap.text() for gap in gaps]
    lines.append(
        tr(
            "MessageBoxes",
            "文件中仍按规定写明这些字体，在装有它们的电脑上显示、打印都正确。"
            "如需在本机正确显示，请向单位信息化部门索取并安装。",
        )
    )
    return "\n".join(lines)
