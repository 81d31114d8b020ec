"""The one way the benchmarks time a call."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Return the seconds `fn` takes: the best of fewer than 5 runs, else the median."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 5 else statistics.median(times)


def timed_pair(fn: Callable[[], object], floor: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Time `fn` and its floor alternately, so a busy spell of a shared machine slows both alike.

    Returns the best time of each (the least disturbed run) out of `repeat` alternations.
    """
    ours, bare = [], []
    for _ in range(repeat):
        for fun, times in ((fn, ours), (floor, bare)):
            start = time.perf_counter()
            fun()
            times.append(time.perf_counter() - start)
    return min(ours), min(bare)
