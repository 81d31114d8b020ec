"""Breaking a 公文 title (or a two-line 发文机关标志) into lines, per GB/T 9704-2012 §7.3.1.

标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形: a line breaks only
between words (the words come from a segmenter the caller passes in: this module is standard library only),
never after 的/和/及/与 or an opening mark and never before a closing mark, and the line lengths make an
inverted trapezoid (each line no longer than the one above, the first longer than the last) or a diamond
(a longest middle line). Among the shapes that qualify, the one with the best joints and the most even
lines wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, pairwise

from desktop.domain.gongwen.format_facts import NO_LINE_END, NO_LINE_START, text_width

# A title line may not end with these function words (它们属于下一行的词组).
FUNCTION_WORDS = ("的", "和", "及", "与", "或", "暨", "并")
# Nor begin with these: 的 and 和 bind the words on both sides ("…方案》/的通知" reads as a fragment).
BAD_STARTS = ("的", "和")
# Good joints: after a closing book-title mark or 、, and before 关于 or an opening book-title mark.
_GOOD_AFTER = "》”、，）"
_GOOD_BEFORE = ("《", "关于", "“")
# More lines than needed are allowed only when no shape fits; each one costs this much.
_MAX_EXTRA_LINES = 2
# Titles are short; beyond this many words the search keeps only break points near the even cuts.
_MAX_WORDS = 60


def bad_line_end(line: str) -> bool:
    """Return True when a title line may not end this way (a function word or an opening mark)."""
    return not line or line.endswith(FUNCTION_WORDS) or line[-1] in NO_LINE_END


def bad_line_start(line: str) -> bool:
    """Return True when a title line may not begin this way (a closing or pause mark, 的 or 和)."""
    return not line or line[0] in NO_LINE_START or line.startswith(BAD_STARTS)


def good_shape(widths: Sequence[float], *, strict: bool = False) -> bool:
    """Return True for an inverted trapezoid (each line ≤ the one above, first > last) or a diamond.

    `strict` asks each line to be shorter than the one above (or, in a diamond, than its neighbour
    nearer the peak): 16/12/12 is a trapezoid, but its equal last lines read as a block.
    """
    if len(widths) < 2:
        return True

    def step(a: float, b: float) -> bool:
        return a > b if strict else a >= b

    if all(step(a, b) for a, b in pairwise(widths)) and widths[0] > widths[-1]:
        return True
    peak = max(range(len(widths)), key=lambda i: widths[i])
    rising = all(step(b, a) for a, b in pairwise(widths[: peak + 1]))
    falling = all(step(a, b) for a, b in pairwise(widths[peak:]))
    return 0 < peak < len(widths) - 1 and rising and falling and widths[peak] > max(widths[0], widths[-1])


def _joint_cost(before: str, after: str) -> float:
    if before.endswith(tuple(_GOOD_AFTER)) or after.startswith(_GOOD_BEFORE):
        return 0.0
    inside_book = before.count("《") > before.count("》")
    return 2.0 + (1.0 if inside_book else 0.0)


def _cost(lines: list[str], widths: list[float]) -> float:
    joints = sum(_joint_cost("".join(lines[: i + 1]), lines[i + 1]) for i in range(len(lines) - 1))
    steps = sum(abs(a - b) for a, b in pairwise(widths))
    return joints + 0.5 * steps


def _valid(lines: list[str], widths: list[float], per_line: float, strict: bool) -> bool:
    return (
        all(w <= per_line for w in widths)
        and not any(bad_line_end(line) for line in lines[:-1])
        and not any(bad_line_start(line) for line in lines[1:])
        and good_shape(widths, strict=strict)
    )


def _best_for(
    words: Sequence[str], count: int, per_line: float, *, strict: bool
) -> tuple[float, list[str]] | None:
    ends = list(_accumulate(words))
    total = ends[-1]
    cuts = list(range(1, len(words)))
    if len(words) > _MAX_WORDS:  # keep the joints within half a line of an even cut
        even = [total * k / count for k in range(1, count)]
        cuts = [c for c in cuts if any(abs(ends[c - 1] - e) <= per_line / 2 for e in even)]
    best: tuple[float, list[str]] | None = None
    for chosen in combinations(cuts, count - 1):
        bounds = (0, *chosen, len(words))
        lines = ["".join(words[a:b]) for a, b in pairwise(bounds)]
        widths = [text_width(line) for line in lines]
        if _valid(lines, widths, per_line, strict):
            cost = _cost(lines, widths)
            if best is None or cost < best[0]:
                best = (cost, lines)
    return best


def _accumulate(words: Sequence[str]) -> list[float]:
    running, out = 0.0, []
    for word in words:
        running += text_width(word)
        out.append(running)
    return out


def title_lines(words: Sequence[str], per_line: float) -> list[str]:
    """Break a title, given as its words in order, into lines of at most `per_line` characters.

    Returns one line when the title fits; otherwise the fewest lines that keep every word whole and make a
    trapezoid or diamond. A word longer than a line, or a title no arrangement fits, falls back to even
    cuts that still respect the marks.
    """
    title = "".join(words)
    if text_width(title) <= per_line:
        return [title]
    fewest = -int(-text_width(title) // per_line)
    for strict in (True, False):  # lines of distinct lengths first, equal neighbours only when none fits
        for extra in range(_MAX_EXTRA_LINES + 1):
            found = _best_for([w for w in words if w], fewest + extra, per_line, strict=strict)
            if found:
                return found[1]
    return _even_cuts(title, per_line)


def _even_cuts(title: str, per_line: float) -> list[str]:
    """Cut into even lines by character, moving a cut so no line starts or ends on a forbidden mark."""
    count = -int(-text_width(title) // per_line)
    lines: list[str] = []
    rest = title
    while count > 1:
        cut = max(1, min(int(per_line), -(-len(rest) // count)))
        while 1 < cut < len(rest) and (rest[cut] in NO_LINE_START or rest[cut - 1] in NO_LINE_END):
            cut -= 1
        lines.append(rest[:cut])
        rest = rest[cut:]
        count -= 1
    return [*lines, rest]


def breaks_inside_words(lines: Sequence[str], words: Sequence[str]) -> list[int]:
    """Return the indexes of the lines whose end falls inside one of `words` (the segmented whole title)."""
    bounds, at = set(), 0
    for word in words:
        at += len(word)
        bounds.add(at)
    inside, at = [], 0
    for i, line in enumerate(lines[:-1]):
        at += len(line)
        if at not in bounds:
            inside.append(i)
    return inside


def title_faults(lines: Sequence[str], words: Sequence[str]) -> list[str]:
    """Return what is wrong with how a title was broken into `lines` (§7.3.1), in words a clerk reads."""
    faults = [
        f"标题在词语中间回行：“{lines[i][-2:]}/{lines[i + 1][:2]}”" for i in breaks_inside_words(lines, words)
    ]
    faults += [f"标题行末是“{line[-1]}”，应移到下一行" for line in lines[:-1] if bad_line_end(line)]
    faults += [f"标题行首是“{line[0]}”，应移到上一行" for line in lines[1:] if bad_line_start(line)]
    return faults
