"""Normalise plan text: spaces, punctuation folding, Chinese numerals (document lines: desktop.domain.parsing.lines)."""

from __future__ import annotations

import re
import unicodedata

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018-\u201d\u2026"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")
_MULTI_SPACE = re.compile(r"[ \t\u00a0\u3000]+")

# Internal matching form: one bracket family, full-width separators.
_FOLD = str.maketrans(
    {
        "(": "（",
        ")": "）",
        "[": "〔",
        "]": "〕",
        "【": "〔",
        "】": "〕",
        "［": "〔",
        "］": "〕",
        "﹝": "〔",
        "﹞": "〕",
        ",": "，",
        ";": "；",
        ":": "：",
        "︰": "：",
    }
)
OPENERS = "（〔"
CLOSERS = "）〕"


def clean_spaces(text: str) -> str:
    """Drop spaces next to Chinese text (PDF artefacts), collapse the rest, strip the ends."""
    text = _SPACE_NEAR_CJK.sub("", text)
    return _MULTI_SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Return `text` with brackets and separators folded to one full-width family, for matching."""
    return text.translate(_FOLD)


def fold_width(text: str) -> str:
    """Fold full-width letters and digits to ASCII, keeping Chinese punctuation as it is."""
    out = []
    for ch in text:
        if "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a":
            out.append(unicodedata.normalize("NFKC", ch))
        else:
            out.append(ch)
    return "".join(out)


_CN_VALUES = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_to_int(text: str) -> int:
    """Return the value of an Arabic or Chinese numeral such as '12', '十二', '二十三' or '二〇二六'."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_VALUES.get(ch, 0)
        return value
    tens, _, ones = text.partition("十")
    return (_CN_VALUES.get(tens, 1) if tens else 1) * 10 + (_CN_VALUES.get(ones, 0) if ones else 0)


def squash(text: str) -> str:
    """Return `text` without spaces, brackets of titles and punctuation, for comparing titles."""
    return re.sub(r"[\s《》〈〉“”\"'·、，,。.：:（）()]", "", text)


def label_key(label: str) -> str:
    """Return a measure label as typed or stored, folded for comparing: '（三）5.', '(三)5' and '（三）５' agree."""
    folded = unicodedata.normalize("NFKC", label).strip()
    folded = (
        re.sub(r"\s+", "", folded)
        .translate(str.maketrans("〔【［", "(((", ""))
        .translate(str.maketrans("〕】］", ")))"))
    )
    return folded.rstrip(".、,，。")
