"""Chinese word segmentation for laying out titles (rjieba: jieba's dictionary in Rust, MIT licensed).

Loaded at the first title that needs breaking, never at start-up: building the dictionary takes about
0.1 s. Runs of digits, Latin letters and the unit after a number (2026年, 6.0版) are kept as one word.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBER = re.compile(r"^[0-9A-Za-z.．%％\-]+$")
_AFTER_NUMBER = set("年月日号版项条个家亿万元期批届次")
# Compounds of 公文 titles and organ names that the general dictionary cuts in two (人民政府/办公室).
TITLE_VOCABULARY = (
    "关于印发",
    "人民政府办公室",
    "人民政府办公厅",
    "发展和改革委员会",
    "政府工作报告",
    "实施方案",
    "行动方案",
    "工作方案",
    "工作要点",
    "任务清单",
    "营商环境",
    "若干措施",
    "责任分解",
    "落实情况",
    "乡村振兴",
    "高质量发展",
    "放管服",
    "一网通办",
    "数字政府",
)


@lru_cache(maxsize=256)
def words(text: str) -> tuple[str, ...]:
    """Return `text` cut into words, in order; their concatenation is `text`."""
    import rjieba  # rjieba: loaded to break a title (its dictionary takes 0.1 s to build)

    merged: list[str] = []
    for word in rjieba.cut(text):
        if merged and _NUMBER.match(merged[-1]) and (_NUMBER.match(word) or word[:1] in _AFTER_NUMBER):
            merged[-1] += word
        else:
            merged.append(word)
    return tuple(_keep_whole(merged, text))


def _keep_whole(tokens: list[str], text: str) -> list[str]:
    """Join tokens the dictionary split inside a TITLE_VOCABULARY word (试点工作/方案 → 试点工作方案)."""
    inside: set[int] = set()
    for word in TITLE_VOCABULARY:
        start = text.find(word)
        while start >= 0:
            inside.update(range(start + 1, start + len(word)))
            start = text.find(word, start + 1)
    out: list[str] = []
    at = 0
    for token in tokens:
        if out and at in inside:
            out[-1] += token
        else:
            out.append(token)
        at += len(token)
    return out
