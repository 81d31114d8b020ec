from __future__ import annotations

from datetime import date

from desktop.domain.desk.lights import elapsed_share, lights_for
from desktop.domain.desk.notes import NoteFields, copied_fields
from desktop.domain.terms import Light, Status, status_from_word

TODAY = date(2026, 6, 1)


def test_status_words_and_synonyms() -> None:
    assert status_from_word("已完成") is Status.DONE
    assert status_from_word(" 推进中 ") is Status.IN_PROGRESS
    assert status_from_word("进度缓慢") is Status.BEHIND
    assert status_from_word("暂未开启") is Status.NOT_STARTED
    assert status_from_word("standing") is Status.STANDING
    assert status_from_word("很好") is None


def test_filled_and_normalized() -> None:
    assert not NoteFields(progress="  \n").filled
    assert NoteFields(problems="资金不足").filled
    assert NoteFields(percent=150).normalized().percent == 100
    assert NoteFields(progress="完成。\n\n").normalized().progress == "完成。"


def test_copied_fields() -> None:
    last = NoteFields(progress="召开会议2次", problems="经费不足", next_steps="开展回头看")
    assert copied_fields(NoteFields(progress="召开会议 2次", problems="经费不足"), last) == [
        "progress",
        "problems",
    ]
    # the next-step plan pasted as this period's progress, unchanged
    assert copied_fields(NoteFields(progress="开展回头看"), last) == ["progress"]
    assert copied_fields(NoteFields(progress="开展回头看，检查企业30家"), last) == []
    assert copied_fields(NoteFields(), last) == []  # empty fields are not copies
    assert copied_fields(NoteFields(progress="x"), None) == []


def test_elapsed_share() -> None:
    assert elapsed_share(date(2026, 1, 1), date(2026, 12, 31), date(2026, 7, 2)) > 0.49
    assert elapsed_share(date(2026, 1, 1), date(2026, 12, 31), date(2025, 7, 2)) == 0.0
    assert elapsed_share(date(2026, 1, 1), date(2026, 1, 1), date(2026, 1, 2)) == 1.0


def test_lights() -> None:
    def lights(due: date | None, note: NoteFields | None = None, standing: bool = False) -> set[Light]:
        return set(lights_for(due_on=due, standing=standing, note=note, today=TODAY, start=date(2026, 1, 1)))

    assert lights(date(2026, 5, 31)) == {Light.OVERDUE}
    assert lights(date(2026, 6, 8)) == {Light.DUE_SOON}
    assert lights(date(2026, 6, 9)) == set()
    assert lights(date(2026, 5, 31), NoteFields(status=Status.DONE)) == set()
    assert lights(date(2026, 5, 31), standing=True) == set()
    assert lights(None, NoteFields(status=Status.BEHIND)) == {Light.BEHIND}
    # 序时进度: five months of twelve elapsed (about 41 %), 30 % reported done
    assert lights(date(2026, 12, 31), NoteFields(percent=30)) == {Light.BEHIND}
    assert lights(date(2026, 12, 31), NoteFields(percent=60)) == set()
    assert lights(date(2026, 12, 31), NoteFields(status=Status.NOT_STARTED)) == {Light.BEHIND}
    assert (
        lights(date(2026, 12, 31), NoteFields(status=Status.IN_PROGRESS)) == set()
    )  # no share: no arithmetic
