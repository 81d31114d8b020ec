"""Qt's item data roles and the flags the models return, as plain numbers.

PySide builds all ~90 enums of Qt's `Qt` namespace (~40 ms) the first time any of them is touched. The
window paints before that happens; models and widgets built before the first paint use these numbers,
which are part of Qt's stable API (tests/ui/test_startup.py checks each against its enum).
"""

from __future__ import annotations

DISPLAY = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole
FONT = 6  # Qt.ItemDataRole.FontRole
ALIGNMENT = 7  # Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = 9  # Qt.ItemDataRole.ForegroundRole
USER = 0x0100  # Qt.ItemDataRole.UserRole

ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter (AlignHCenter | AlignVCenter)
HORIZONTAL = 1  # Qt.Orientation.Horizontal
