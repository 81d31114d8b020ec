"""Revision matching with a standard-library similarity: the domain does not depend on rapidfuzz."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from desktop.domain.models import Measure, UnitRef
from desktop.domain.revision import Change, How, Stored, compare, correct, text_diff
from desktop.domain.terms import Role


def similar(query: str, choices: Sequence[str]) -> list[tuple[int, float]]:
    scored = [(i, 100 * difflib.SequenceMatcher(None, query, c).ratio()) for i, c in enumerate(choices)]
    return sorted(scored, key=lambda p: -p[1])


def _m(label: str, text: str, lead: str = "甲厅", *, uid: str = "") -> Measure:
    return Measure(
        seq=int(label), label=label, chapter="一", text=text, units=(UnitRef(lead, Role.LEAD),), uid=uid
    )


OLD = [
    Stored(11, "u11", _m("1", "清理规范招商引资违规政策，加强信息披露。")),
    Stored(12, "u12", _m("2", "常态化向民间资本推介项目，加快办理前期手续。")),
    Stored(13, "u13", _m("3", "深化工程建设项目审批制度改革，压减审批时间。")),
    Stored(14, "u14", _m("4", "建立健全企业信用修复机制。")),
]


def test_renumbered_reworded_units_changed_added_removed() -> None:
    new = [
        _m("1", "常态化向民间资本推介项目，加快办理前期手续。"),  # was 2: renumbered only
        _m("2", "深化工程建设项目审批制度改革，进一步压减审批时间。"),  # was 3: reworded
        _m("3", "建立健全企业信用修复机制。", lead="乙局"),  # was 4: units changed
        _m("4", "开展营商环境满意度第三方评估。"),  # added
    ]
    review = compare(OLD, new, similar=similar)
    assert review.removed == (11,)
    assert review.added == (3,)
    by_new = {m.new_index: m for m in review.matches}
    assert by_new[0].measure_id == 12 and by_new[0].changes == () and by_new[0].renumbered
    assert by_new[0].how is How.SAME_TEXT
    assert by_new[1].measure_id == 13 and by_new[1].changes == (Change.TEXT,) and by_new[1].how is How.SIMILAR
    assert by_new[2].measure_id == 14 and by_new[2].changes == (Change.UNITS,)
    assert not review.is_identity


def test_carried_ids_win_over_text() -> None:
    new = [_m("1", "完全改写后的第一项措施内容。", uid="u11")]
    review = compare(OLD, new, similar=similar)
    assert review.matches[0].measure_id == 11 and review.matches[0].how is How.UID
    assert set(review.removed) == {12, 13, 14}


def test_identical_version_is_identity() -> None:
    review = compare(OLD, [s.measure for s in OLD], similar=similar)
    assert review.is_identity and not review.added and not review.removed


def test_correction_moves_a_match_and_releases_the_old_pairing() -> None:
    new = [_m("1", "清理规范招商引资违规政策，加强信息披露。"), _m("2", "全新的措施。")]
    review = compare(OLD, new, similar=similar)
    fixed = correct(review, OLD, new, 1, 11)  # the clerk says the new measure 2 continues measure 11
    assert fixed.match_for(1) is not None and fixed.match_for(1).how is How.CLERK  # type: ignore[union-attr]
    assert fixed.added == (0,) and 11 not in fixed.removed
    back = correct(fixed, OLD, new, 1, None)
    assert back.added == (0, 1) and 11 in back.removed


def test_text_diff_marks_deletions_and_insertions() -> None:
    segments = text_diff("压减审批时间", "进一步压减审批时限")
    assert "".join(s.text for s in segments if s.kind != "insert") == "压减审批时间"
    assert "".join(s.text for s in segments if s.kind != "delete") == "进一步压减审批时限"
    assert {s.kind for s in segments} == {"equal", "delete", "insert"}


def test_an_added_measure_gets_a_clean_label() -> None:
    from desktop.domain.corrections import added_label

    assert added_label(["1", "2", "（五十三）"]) == "新增1"
    assert added_label(["1", "新增1", "新增2"]) == "新增3"  # never '新增1-新增'
