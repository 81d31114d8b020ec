"""The 发文字号 as OCR and web pages write it."""

from __future__ import annotations

from desktop.domain.parsing.front_matter import normalise_doc_number


def test_the_year_of_a_doc_number_is_bracketed_alike_however_it_was_read() -> None:
    for read in (
        "内政发[2026]4号",
        "内政发〔2026]4号",
        "内政发[2026〕4号",
        "内政发（2026）4号",
        "内政发 【2026】 4号",
    ):
        assert normalise_doc_number(read) == "内政发〔2026〕4号", read
    assert normalise_doc_number("内政发〔2026〕4号") == "内政发〔2026〕4号"
