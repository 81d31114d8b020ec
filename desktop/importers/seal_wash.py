"""Wash the round red seals off a scanned page before OCR, and keep every other red mark.

A seal stamped over the 成文日期 and the organ's name hides black text under red ink, and its ring of
characters reads as noise. The red 版头 (the issuing organ's name in large red characters) and the red
separating line are text and layout the reader wants. They are told apart by shape. Red ink is grouped into
blobs on a coarse grid (cells about 1.5 mm wide, so nearby strokes join), and a blob is a seal when it is
round, seal-sized and its ink lies inside the ellipse its box draws, much of it near the rim (the ring). A
line of red characters is wide, the separating line is thin, and a block of red text fills its corners.
Everything red inside a seal's ellipse is washed (its star and characters too). numpy only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SEAL_SIDE = (0.10, 0.40)  # a seal's side as a share of the page width (a 42 mm seal on A4 is 0.2)
SEAL_ASPECT = 1.5  # round or oval (some financial seals are oval), not a line
OUTSIDE_ELLIPSE = 0.04  # at most this share of a seal's ink lies outside the ellipse of its box
ON_RIM = 0.25  # at least this share lies in the outer band: the ring
CELLS_ACROSS = 140  # grid cells across the page: 1.5 mm on A4


def red_ink(pixels: Any) -> Any:
    """Return the mask of red ink in an RGB page array."""
    import numpy  # numpy: loaded in the OCR child

    red, green, blue = (pixels[..., i].astype(numpy.int16) for i in range(3))
    return (red > 140) & (red - green > 60) & (red - blue > 60)


def _blobs(cells: Any) -> Iterator[tuple[int, int, int, int]]:
    """Yield the box (row0, col0, row1, col1), ends excluded, of each 8-connected group of true cells."""
    import numpy  # numpy: loaded in the OCR child

    todo = {(int(r), int(c)) for r, c in zip(*numpy.nonzero(cells), strict=True)}
    while todo:
        stack = [todo.pop()]
        rows, cols = [stack[0][0]], [stack[0][1]]
        while stack:
            row, col = stack.pop()
            for near in ((row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)):
                if near in todo:
                    todo.remove(near)
                    stack.append(near)
                    rows.append(near[0])
                    cols.append(near[1])
        yield min(rows), min(cols), max(rows) + 1, max(cols) + 1


def _reach(height: int, width: int) -> Any:
    """Return each pixel's distance from the centre of a box, 1.0 on the ellipse inscribed in it."""
    import numpy  # numpy: loaded in the OCR child

    ys, xs = numpy.ogrid[0:height, 0:width]
    return numpy.hypot((xs + 0.5 - width / 2) / (width / 2), (ys + 0.5 - height / 2) / (height / 2))


def _seal_sized(height: int, width: int, page_width: int) -> bool:
    """Tell whether a box is as large and as round as a seal's."""
    low, high = (share * page_width for share in SEAL_SIDE)
    if min(width, height) < low or max(width, height) > high:
        return False
    return max(width, height) <= SEAL_ASPECT * min(width, height)


def _ring_shaped(reach: Any) -> bool:
    """Tell whether ink at these distances from its box's centre (`_reach`) is a seal: inside, on the rim."""
    import numpy  # numpy: loaded in the OCR child

    if reach.size == 0:
        return False
    outside = float(numpy.mean(reach > 1.05))
    rim = float(numpy.mean((reach > 0.75) & (reach <= 1.05)))
    return outside <= OUTSIDE_ELLIPSE and rim >= ON_RIM


def without_seals(pixels: Any) -> Any:
    """Return a copy of the RGB page array with everything inside its round red seals turned white."""
    import numpy  # numpy: loaded in the OCR child

    page = numpy.array(pixels, copy=True)
    ink = red_ink(page)
    if not ink.any():
        return page
    height, width = ink.shape
    cell = max(2, width // CELLS_ACROSS)
    rows, cols = -(-height // cell), -(-width // cell)
    padded = numpy.zeros((rows * cell, cols * cell), bool)
    padded[:height, :width] = ink
    cells = padded.reshape(rows, cell, cols, cell).any(axis=(1, 3))
    for row0, col0, row1, col1 in _blobs(cells):
        top, left = row0 * cell, col0 * cell
        bottom, right = min(row1 * cell, height), min(col1 * cell, width)
        box = ink[top:bottom, left:right]
        # the blob's cells hold its ink up to a cell from the edge: tighten the box to the ink itself
        ys, xs = numpy.nonzero(box)
        top, bottom, left, right = top + ys.min(), top + ys.max() + 1, left + xs.min(), left + xs.max() + 1
        box = ink[top:bottom, left:right]
        if not _seal_sized(bottom - top, right - left, width):
            continue
        reach = _reach(bottom - top, right - left)
        if _ring_shaped(reach[box]):
            page[top:bottom, left:right][box & (reach <= 1.05)] = 255
    return page
