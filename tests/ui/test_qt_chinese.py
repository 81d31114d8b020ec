"""Qt's own dialogs speak Chinese: the file dialog clerks see on Linux (UOS, Kylin) and the standard buttons."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui import qt_chinese

ENGLISH = re.compile(r"[A-Za-z]{2,}")


def test_file_dialog_labels_and_buttons_are_chinese(qtbot: QtBot, qapp: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert qt_chinese.is_installed(qapp)
    dialog = QFileDialog(None, "导入方案", "", "方案文件 (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]  # type: ignore[operator]
    shown = [t for t in shown if t and "*.docx" not in t]
    # Qt 6.10+ label these "&Look in:" (our supplement translates them), 6.9 "Look in:" (its catalogue does)
    assert {t for t in shown if t.startswith(("查找范围", "文件类型"))} in (
        {"查找范围(&L)：", "文件类型(&T)："},
        {"查找范围：", "文件类型："},
    )
    assert [t for t in shown if ENGLISH.search(t)] == []
    dialog.close()


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(
        buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Close | buttons.Save
    )
    box.show()
    texts = [b.text() for b in box.findChildren(QAbstractButton) if b.text()]  # type: ignore[arg-type]
    assert len(texts) >= 6 and [t for t in texts if ENGLISH.search(t)] == []
    box.close()
