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
    "民生实事",
    "高质量发展",
    "放管服",
    "一网通办",
    "一件事一次办",
    "跨省通办",
    "数字政府",
    "自由贸易试验区",
    "自贸试验区",
    "招商引资",
    "民营经济",
    "专精特新",
    "公平竞争审查",
    "社会信用体系",
)
# A compound the plan itself repeats this often (in its measures' texts) is one word in its title.
PLAN_WORD_MIN_COUNT = 2
PLAN_WORD_MAX_CHARS = 10  # longer joins would leave a long title nowhere to break
_HANZI = re.compile(r"^[\u4e00-\u9fff]+$")


@lru_cache(maxsize=256)
def words(text: str, vocabulary: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Return `text` cut into words, in order; their concatenation is `text`.

    A word of `vocabulary` (the plan's own compounds) or TITLE_VOCABULARY is never cut.
    """
    import rjieba  # rjieba: loaded to break a title (its dictionary takes 0.1 s to build)

    merged: list[str] = []
    for word in rjieba.cut(text):
        if merged and _NUMBER.match(merged[-1]) and (_NUMBER.match(word) or word[:1] in _AFTER_NUMBER):
            merged[-1] += word
        else:
            merged.append(word)
    return tuple(_keep_whole(merged, text, (*TITLE_VOCABULARY, *vocabulary)))


def plan_vocabulary(title: str, texts: tuple[str, ...]) -> tuple[str, ...]:
    """Return the compounds of `title` that the plan's texts repeat: adjacent 汉字 words found together.

    The general dictionary cuts 自由贸易试验区 into 自由贸易/试验区; a plan about one says it many times, so
    the two words seen together PLAN_WORD_MIN_COUNT times or more make one word of the title.
    """
    plan = "\n".join(texts)
    if not plan:
        return ()
    tokens = list(words(title))
    found: list[str] = []
    joined = True
    while joined:
        joined = False
        for i in range(len(tokens) - 1):
            pair = tokens[i] + tokens[i + 1]
            if (
                _HANZI.match(pair)
                and len(pair) <= PLAN_WORD_MAX_CHARS
                and min(len(tokens[i]), len(tokens[i + 1])) >= 2
                and plan.count(pair) >= PLAN_WORD_MIN_COUNT
            ):
                tokens[i : i + 2] = [pair]
                found.append(pair)
                joined = True
                break
    return tuple(found)


def _keep_whole(tokens: list[str], text: str, vocabulary: tuple[str, ...]) -> list[str]:
    """Join tokens the dictionary split inside a vocabulary word (试点工作/方案 → 试点工作方案)."""
    inside: set[int] = set()
    for word in vocabulary:
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
