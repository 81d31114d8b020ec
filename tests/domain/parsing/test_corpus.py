"""Acceptance: every measure of the real-plan corpus (tests/fixtures/corpus) is read exactly, and doubts
mark the wrong ones while sparing the right ones."""

from __future__ import annotations

from tests.corpus import score


def test_corpus_scores_every_measure_exactly() -> None:
    results = score()
    misses = [line for r in results for line in r.misses]
    exact = sum(r.exact for r in results)
    total = sum(r.expected for r in results)
    assert total >= 368
    assert exact == total, "\n".join(misses)


def test_doubts_mark_wrong_measures_and_few_right_ones() -> None:
    results = score()
    unmarked = [x for r in results for x in r.wrong_without_doubt]
    assert unmarked == []
    right = sum(r.right for r in results)
    doubted = sum(len(r.right_with_doubt) for r in results)
    assert doubted <= right / 10, [x for r in results for x in r.right_with_doubt]
