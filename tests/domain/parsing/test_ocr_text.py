"""Recognised boxes back in reading order; seals, page numbers and unsure characters."""

from __future__ import annotations

from desktop.domain.models import Measure, Plan
from desktop.domain.parsing.doubts import OCR
from desktop.domain.parsing.ocr_text import TextBox, Unsure, page_text, with_scan_doubts

W, H = 1654.0, 2339.0


def box(
    x: float, y: float, text: str, *, tilt: float = 0.0, low: int | None = None, h: float = 40
) -> TextBox:
    scores = tuple(0.5 if i == low else 0.99 for i in range(len(text)))
    return TextBox(x, y, x + 40 * len(text), y + h, text, scores, tilt)


def test_boxes_on_one_baseline_join_and_lines_go_top_down() -> None:
    boxes = [box(700, 300, "负责）"), box(200, 302, "（市商务局"), box(200, 200, "1.加强统筹。")]
    assert page_text(boxes, W, H, 1).lines == ("1.加强统筹。", "（市商务局负责）")


def test_a_two_column_page_is_read_column_by_column() -> None:
    left = [box(100, 200 + 60 * i, f"左栏第{i}行") for i in range(6)]
    right = [box(900, 200 + 60 * i, f"右栏第{i}行") for i in range(6)]
    lines = page_text(right + left, W, H, 1).lines
    assert lines == tuple(f"左栏第{i}行" for i in range(6)) + tuple(f"右栏第{i}行" for i in range(6))


def test_seal_arcs_page_numbers_and_huge_stamps_are_dropped() -> None:
    body = [box(200, 200 + 60 * i, f"正文第{i}行") for i in range(5)]
    seal = box(1000, 1500, "内蒙古自治区人民政府", tilt=0.4)
    number = box(760, 2200, "— 3 —")
    stamp = box(900, 1200, "印", h=300)
    assert page_text([*body, seal, number, stamp], W, H, 3).lines == tuple(f"正文第{i}行" for i in range(5))


def test_a_lookalike_is_read_as_meant_and_an_unsure_character_is_named() -> None:
    read = page_text([box(200, 200, "自治区商务厅丶财政厅负责", low=3)], W, H, 2)
    assert read.lines == ("自治区商务厅、财政厅负责",)
    assert read.unsure == (Unsure(2, "商", "自治区商务厅、"),)  # three characters either side


def test_every_measure_carries_a_doubt_naming_its_unsure_characters() -> None:
    plan = Plan(
        title="方案",
        doc_number=None,
        issued_on=None,
        chapters=(),
        measures=(Measure(1, "1", "", "加强统筹，自治区商务厅负责"), Measure(2, "2", "", "完善机制")),
    )
    doubted = with_scan_doubts(plan, (Unsure(2, "商", "自治区商务厅"),))
    first, second = (m.doubts[-1] for m in doubted.measures)
    assert first.code == OCR == second.code
    assert "第2页“商”" in first.detail and "商" not in second.detail
