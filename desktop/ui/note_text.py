"""A note as read-only text (last period's note, a revision in the history)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.desk.notes import NoteFields
from desktop.domain.terms import STATUS_WORDS


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoteText", text)


def describe(fields: NoteFields) -> str:
    """Return the note's three texts and status under their headings."""
    none = _tr("（无）")
    status = STATUS_WORDS[fields.status] if fields.status else _tr("未选择")
    percent = f"　{fields.percent}%" if fields.percent is not None else ""
    return "\n\n".join(
        [
            _tr("【进展情况】") + "\n" + (fields.progress or none),
            _tr("【存在问题】") + "\n" + (fields.problems or none),
            _tr("【下步计划】") + "\n" + (fields.next_steps or none),
            _tr("【完成状态】") + status + percent,
        ]
    )
