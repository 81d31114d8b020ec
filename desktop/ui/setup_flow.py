"""The set-up of 本单位, its categories and the reporting rhythm: filled from the workspace, saved back."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.services import measures as measure_service
from desktop.services import periods as period_service
from desktop.services import units as unit_service
from desktop.services.workspace import Workspace
from desktop.ui.setup_dialog import SetupChoice, SetupDialog


def run_setup(ws: Workspace, parent: QWidget | None, *, first_run: bool) -> bool:
    """Show the set-up dialog; save what the clerk chose. Return False when it was cancelled."""
    dialog = setup_dialog_for(ws, parent)
    if first_run:
        dialog.setWindowTitle(dialog.tr("欢迎使用落实：先设置本单位"))
    if not dialog.exec():
        return False
    save_setup(ws, dialog.choice())
    return True


def setup_dialog_for(ws: Workspace, parent: QWidget | None) -> SetupDialog:
    """Return the set-up dialog filled from the workspace."""
    ranked = sorted(unit_service.list_units(ws), key=lambda u: -(u.lead_count + u.support_count))
    units = [(u.name, u.lead_count, u.support_count) for u in ranked if not u.wildcard]
    profile = unit_service.get_profile(ws)
    schedule = period_service.get_schedule(ws)
    current = None
    if profile.unit:
        current = SetupChoice(profile.unit, list(profile.categories), schedule.rhythm, schedule.due_days)
    return SetupDialog(
        units=units,
        categories=unit_service.list_categories(ws),
        current=current,
        count=lambda unit, categories: measure_service.count_tasks(ws, unit=unit, categories=categories),
        parent=parent,
    )


def save_setup(ws: Workspace, choice: SetupChoice) -> None:
    """Save the clerk's unit, categories and rhythm."""
    unit_service.set_profile(ws, unit=choice.unit, categories=choice.categories)
    period_service.set_schedule(ws, rhythm=choice.rhythm, due_days=choice.due_days)
