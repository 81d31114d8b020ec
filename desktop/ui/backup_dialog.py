"""恢复备份: the database's backups, newest first; restoring keeps the current state as a backup too."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.backups import BackupFile
from desktop.ui.screen import fit_to_screen

REASONS = {
    "start": "每日启动",
    "import": "导入方案前",
    "revision": "应用新版本前",
    "returns": "导入回执前",
    "manual": "手动",
    "before_restore": "恢复备份前",
}


def reason_text(reason: str) -> str:
    """Return the words for why a backup was taken."""
    if reason.startswith("before_v"):
        return "升级数据库前"
    return REASONS.get(reason, reason)


class BackupDialog(QDialog):
    """Lists the backups; `chosen` is set when the clerk confirms one."""

    def __init__(self, found: list[BackupFile], parent: QWidget | None = None) -> None:
        """Show the backups with when and why they were taken."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复备份"))
        fit_to_screen(self, 520, 420)
        self.found = found
        self.chosen: BackupFile | None = None
        self.list = QListWidget()
        for b in found:
            self.list.addItem(f"{b.taken:%Y年%m月%d日 %H:%M:%S}　{self.tr(reason_text(b.reason))}")
        if found:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("恢复所选备份"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        self.restore_button.setEnabled(bool(found))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "程序每天第一次启动、每次导入方案或回执、升级数据库前自动备份。\n"
                    "恢复后，当前的数据也会先另存为一个备份，不会丢失。"
                )
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _confirm(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.found):
            return
        b = self.found[row]
        answer = QMessageBox.question(
            self,
            self.tr("恢复备份"),
            self.tr("用 %1 的备份替换当前数据吗？当前数据会先另存为备份。").replace(
                "%1", f"{b.taken:%Y年%m月%d日 %H:%M}"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = b
            self.accept()
