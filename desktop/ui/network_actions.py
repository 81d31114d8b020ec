"""联网报送 in the window: the 接入文件 set-up, 报送 with its receipt, 接收方案, and 已联网 / 离线 in the status bar.

Nothing the clerk does waits on the network: sends and checks run off the UI thread, each on its own
database connection, and a send the server cannot take waits in the outbox.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.domain.errors import LuoshiError
from desktop.services import network
from desktop.services.workspace import Workspace
from desktop.ui.background import BackgroundTask, TaskControl
from desktop.ui.desk import EVERYTHING, Desk
from desktop.ui.file_dialogs import open_file

if TYPE_CHECKING:
    from desktop.services.sending import SendOutcome

CHECK_MS = 60_000  # how often the status bar asks the server (and sends what waits in the outbox)


class NetworkDialog(QDialog):
    """设置 → 联网报送: where this PC reports to, where the password is kept, and the 接入文件 button."""

    def __init__(self, actions: NetworkActions) -> None:
        """Show the stored connection (or that there is none)."""
        super().__init__(actions.widget)
        self.owner = actions
        self.setWindowTitle(self.tr("联网报送"))
        self.setMinimumWidth(480)
        self.server = QLabel()
        self.unit = QLabel()
        self.store = QLabel()
        self.store.setWordWrap(True)
        self.state = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("服务器："), self.server)
        form.addRow(self.tr("本单位："), self.unit)
        form.addRow(self.tr("密码保存在："), self.store)
        form.addRow(self.tr("状态："), self.state)
        self.import_button = QPushButton(self.tr("导入接入文件…"))
        self.import_button.clicked.connect(self.choose_access_file)
        self.pull_button = QPushButton(self.tr("接收方案"))
        self.pull_button.clicked.connect(actions.pull)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pull_button, QDialogButtonBox.ButtonRole.ActionRole)
        hint = QLabel(
            self.tr(
                "接入文件由协调单位生成（一个 .json 文件）。导入后，“文件 → 报送到服务器”把本期进展直接报送给"
                "协调单位；连不上时报送会放入待发送，恢复后自动发送。"
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.show_connection()

    def show_connection(self) -> None:
        """Fill the labels from the stored connection."""
        connection = network.unit_connection(self.owner.desk.ws)
        if connection is None:
            self.server.setText(self.tr("尚未接入"))
            self.unit.setText("—")
            self.store.setText("—")
        else:
            self.server.setText(connection.endpoint.label)
            self.unit.setText(connection.unit)
            self.store.setText(
                self.tr("系统凭据管理器")
                if connection.password_store == "keyring"
                else self.tr("本机数据文件夹中的文件（仅本人可读；本机没有系统凭据管理器）")
            )
        self.state.setText(self.owner.status.text() or self.tr("未联网报送"))
        self.pull_button.setEnabled(connection is not None)

    def choose_access_file(self) -> None:
        """Ask for the 接入文件 and take it (the server is asked who it belongs to)."""
        path = open_file(
            self, self.owner.desk.settings, "access", self.tr("导入接入文件"), self.tr("接入文件 (*.json)")
        )
        if path is not None:
            self.owner.connect_file(path, on_done=self.show_connection)


class _Checker(QObject):
    """Asks the server in a thread of its own and reports back on the UI thread."""

    checked = Signal(bool, int)  # online, returns delivered from the outbox

    def start(self, path: Path) -> None:
        threading.Thread(target=self._run, args=(path,), daemon=True, name="luoshi-network-check").start()

    def _run(self, path: Path) -> None:
        from desktop.services import sending  # a network task's services: loaded when used

        try:
            with Workspace(path) as ws:
                online = network.online(ws)  # one wait when the server is down, not one per step
                delivered = sum(1 for o in sending.deliver_waiting(ws) if o.delivered) if online else 0
                self.checked.emit(online, delivered)
        except LuoshiError:
            self.checked.emit(False, 0)


class NetworkActions(QObject):
    """The 联网报送 entries of the settings and file menus, and the status bar's network state."""

    def __init__(self, desk: Desk, settings_menu: QMenu, import_files: Callable[[list[Path]], None]) -> None:
        """Add 联网报送… and the status label; start checking when this PC is connected.

        `import_files` takes the plans received into the window's usual import and review.
        """
        super().__init__(desk.widget())
        self.desk = desk
        self.widget = desk.widget()
        self.import_files = import_files
        settings_menu.addAction(self.tr("联网报送…"), self.show_dialog)
        self.status = QLabel()
        desk.statusBar().addPermanentWidget(self.status)
        self.dialog: NetworkDialog | None = None
        self.task: BackgroundTask[Any] | None = None
        self.checker = _Checker(self)
        self.checker.checked.connect(self._checked)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        if network.is_connected(desk.ws):  # the password is read only when the check runs
            self.status.setText(self.tr("联网：检查中…"))
            self.timer.start()
            QTimer.singleShot(0, self.check)

    def check(self) -> None:
        """Ask the server whether it answers (off the UI thread)."""
        self.checker.start(self.desk.ws.path)

    def _checked(self, online: bool, delivered: int) -> None:
        self.status.setText(self.tr("已联网") if online else self.tr("离线"))
        if delivered:
            self.desk.statusBar().showMessage(
                self.tr("待发送的 %1 份报送已送达服务器。").replace("%1", str(delivered)), 8000
            )
        if self.dialog is not None:
            self.dialog.show_connection()

    def show_dialog(self) -> NetworkDialog:
        """Open 联网报送."""
        self.dialog = NetworkDialog(self)
        self.dialog.show()
        return self.dialog

    def connect_file(self, path: Path, on_done: Callable[[], None] | None = None) -> None:
        """Take a 接入文件 off the UI thread; say where the password went."""
        db = self.desk.ws.path

        def work(_control: TaskControl) -> network.Connection:
            with Workspace(db) as ws:
                return network.connect_unit(ws, path)

        def done(connection: network.Connection) -> None:
            self.status.setText(self.tr("已联网"))
            self.timer.start()
            QMessageBox.information(
                self.widget,
                self.tr("联网报送"),
                self.tr("已接入协调单位服务器 %1，本单位：%2。")
                .replace("%1", connection.endpoint.label)
                .replace("%2", connection.unit),
            )
            if on_done is not None:
                on_done()

        self.task = BackgroundTask(
            work,
            on_done=done,
            title=self.tr("联网报送"),
            label=self.tr("正在连接服务器…"),
            parent=self.widget,
        )

    def send(self) -> None:
        """报送: the desk's plan and period, as one return; show the server's receipt (or that it waits)."""
        if not self.desk.leave_note():
            return
        plans = self.desk.current_plans()
        if len(plans) != 1:
            QMessageBox.information(self.widget, self.tr("报送"), self.tr("请先在“方案”中选择要报送的方案。"))
            return
        db, plan, period = self.desk.ws.path, plans[0], self.desk.current_period()

        def work(_control: TaskControl) -> SendOutcome:
            from desktop.services import sending  # a network task's services: loaded when used

            with Workspace(db) as ws:
                return sending.send(ws, plan=plan, period=period, today=date.today())

        self.task = BackgroundTask(
            work, on_done=self._sent, title=self.tr("报送"), label=self.tr("正在报送…"), parent=self.widget
        )

    def _sent(self, outcome: SendOutcome) -> None:
        item = outcome.outgoing
        if outcome.delivered:
            self.status.setText(self.tr("已联网"))
            receipt = (
                self.tr("已报送 %1 项任务。\n服务器回执：编号 %2\n服务器时间：%3\n内容校验：%4")
                .replace("%1", str(item.row_count))
                .replace("%2", item.return_id)
                .replace("%3", item.receipt_time or "")
                .replace("%4", item.content_hash[:16])
            )
            QMessageBox.information(self.widget, self.tr("报送"), receipt)
        else:
            self.status.setText(self.tr("离线"))
            QMessageBox.warning(self.widget, self.tr("报送"), outcome.error)
        self.desk.changed.emit(EVERYTHING)  # 报送后已修改 marks start again from this send

    def pull(self) -> None:
        """接收方案: fetch what the office published; each file goes through the usual 核对方案 review."""
        db = self.desk.ws.path

        def work(_control: TaskControl) -> list[Path]:
            from desktop.services import pulling  # a network task's services: loaded when used

            with Workspace(db) as ws:
                return pulling.download(ws)

        def done(files: list[Path]) -> None:
            if not files:
                QMessageBox.information(
                    self.widget, self.tr("接收方案"), self.tr("服务器上没有新的方案或修订。")
                )
                return
            self.import_files(files)

        self.task = BackgroundTask(
            work, on_done=done, title=self.tr("接收方案"), label=self.tr("正在接收方案…"), parent=self.widget
        )
