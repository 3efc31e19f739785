"""Where a bubble's words are read, as boxes on the page.

A bubble's box as found is not always where its words are: the page round
a circle binarises to black corners, a pill's rounded ends to black wedges,
and a bubble scrolled under the title bar keeps a line that reaches over the
bar's found bottom.
"""

from __future__ import annotations

from ocr.model import Box
from ocr.page import Page
from ocr.preprocess import Block


def inset(box: Box) -> Box:
    """A pill without its rounded ends (a third of its height each side, a sixth top and bottom)."""
    dx, dy = box.h // 3, box.h // 6
    return Box(box.x + dx, box.y + dy, max(1, box.w - 2 * dx), max(1, box.h - 2 * dy))


def bubble_region(b: Block, page: Page) -> Box:
    """Where a bubble's words are read: a round one's inscribed square; one cut by the title bar reaches above the cut.

    The title bar's bottom is found to a few pixels; a bubble scrolled under
    it keeps a line whose top half-line may lie over that bottom, and the
    line, read but centred outside the bubble, was lost with the bar.
    """
    if page.is_round_bubble(b):
        return _inscribed(b.box)
    box = b.box
    if box.y <= page.header_bottom + 2:
        up = min(box.y - page.status_bottom, round(page.width * CUT_LINE_REACH))
        return Box(box.x, box.y - up, box.w, box.h + up)
    return box


# Half a body line and its leading: 0.03 of the width (body glyphs are 0.035–0.05 w).
CUT_LINE_REACH = 0.03


def _inscribed(box: Box) -> Box:
    """The square inside a round bubble: the page round it binarises to black corners Tesseract reads as nothing."""
    dx, dy = round(box.w * _CIRCLE_INSET), round(box.h * _CIRCLE_INSET)
    return Box(box.x + dx, box.y + dy, max(1, box.w - 2 * dx), max(1, box.h - 2 * dy))


# (1 - 1/sqrt(2)) / 2: each side of a circle's box outside its inscribed square.
_CIRCLE_INSET = 0.146
