"""The input bar at the bottom of a conversation (text field, +, send, emoji) and what is not one.

Found from the page's structure before any text is read: a full-width bar
of its own colour, or a row of a wide field beside a small icon at a screen
edge. Real screenshots showed what this must not take for the bar: a bubble
run under it (merged with it into one block), Android's navigation buttons
under it, a wallpaper tint over one end of it (iOS), and a crop that ends
at a message row beside its avatar, with no bar at all.
"""

from __future__ import annotations

import numpy as np

from ocr.model import Box
from ocr.preprocess import BLOCK_TOLERANCE, Block, TextBand, foreground_mask, page_background


def _full_width_run_top(img: np.ndarray, b: Box) -> int | None:
    """Top of the rows at the bottom of ``b`` that are (almost) all non-background.

    None unless that run is bar-sized (between 10 % of the width and 20 % of
    the height).
    """
    h, w = img.shape[:2]
    region = img[b.y : b.y + b.h]
    mask = foreground_mask(region, page_background(img), BLOCK_TOLERANCE) > 0
    top = _bar_run_top(mask.mean(axis=1) >= 0.9, w, h)
    if top is None:
        # A wallpaper tint or a gradient in the bar (iOS) leaves parts of its
        # rows near the page's colour (often one whole corner). A bar still
        # reaches a screen edge, which no bubble does.
        edge = max(2, int(w * BAR_EDGE))
        at_edge = (mask[:, :edge].mean(axis=1) >= 0.9) | (mask[:, -edge:].mean(axis=1) >= 0.9)
        top = _bar_run_top(at_edge & (mask.mean(axis=1) >= 0.6), w, h)
    return None if top is None else b.y + top


# The strip at each side of the screen that a bar covers and a bubble never
# does: bubbles keep a margin of at least 2 % of the width on phones we know.
BAR_EDGE = 0.01
# A bar whose far end the wallpaper tints still spans this share of the width
# (iOS WeChat: 0.86); the widest bubble with its avatar margin stays under it.
TINTED_BAR = 0.8


def bar_wide(b: Box, w: int) -> bool:
    """As wide as an input bar: (nearly) the screen's width, or, for a bar
    tinted at one end by the wallpaper (iOS), most of it from one screen edge;
    no bubble reaches a screen edge."""
    at_edge = b.x <= w * BAR_EDGE or b.x + b.w >= w * (1 - BAR_EDGE)
    return b.w >= w * 0.9 or (b.w >= w * TINTED_BAR and at_edge)


def _bar_run_top(full: np.ndarray, w: int, h: int) -> int | None:
    """Top of the run of ``full`` rows at the bottom, if it is bar-sized."""
    # A few rows inside the bar (a field's edge, the home indicator) are not
    # full: gaps of up to 1 % of the width do not end the run.
    allow = max(2, int(w * 0.01))
    top = len(full)
    miss = 0
    for y in range(len(full) - 1, -1, -1):
        if full[y]:
            top, miss = y, 0
        else:
            miss += 1
            if miss > allow:
                break
    run = len(full) - top
    # At least a tenth of the width: the strip under an input field (home
    # indicator zone) is a full-width run too, but not the whole bar.
    if w * 0.1 <= run < h * 0.2:
        return top
    return None


def footer_top(img: np.ndarray, blocks: list[Block], bands: list[TextBand]) -> int:
    """Top of the input bar (text field, +, send, emoji): not messages.

    A full-width bar of its own colour near the bottom is taken whole. Else the
    lowest row of things on the page (the home indicator aside) is the input
    bar when it holds a wide field next to a small icon at a screen edge.
    With neither, the screenshot ends with content.
    """
    h, w = img.shape[:2]
    boxes = [b.box for b in blocks] + [t.box for t in bands]
    low = [b for b in boxes if b.y + b.h / 2 > h * 0.75 and b.h > w * 0.02]
    for b in sorted(low, key=lambda b: b.y):
        if not bar_wide(b, w):
            continue
        # A bubble scrolled under the bar touches it and merges with it into
        # one block: the bar is the run of full-width rows at its bottom.
        top = _full_width_run_top(img, b)
        if top is not None:
            return top
        if b.h < h * 0.2 and b.w >= w * 0.9:
            return b.y
    if not low:
        return h
    row = _lowest_row(low)
    if all(b.w < w * 0.1 for b in row) and min(b.y for b in row) > h - w * 0.15:
        # Android's three navigation buttons under the input bar: small icons
        # in the bottom strip, never content. The bar is the row above them.
        rest = [b for b in low if b not in row]
        row = _lowest_row(rest) if rest else row
    wide = [b for b in row if b.w >= w * 0.4]
    edge = [b for b in row if b.w < w * 0.2 and (b.x < w * 0.2 or b.x + b.w > w * 0.8)]
    # A crop with no input bar ends at (or inside) a message row: the row
    # reaches the image's bottom and its picture repeats the avatar column
    # above. A real bar keeps a margin (home indicator, navigation bar) below.
    at_bottom = any(b.y + b.h >= h - w * CROP_MARGIN for b in row)
    cut_row = at_bottom and any(_repeats_above(e, [b.box for b in blocks], w) for e in edge)
    if wide and edge and not cut_row:
        return min(b.y for b in row)
    return h


# Two avatars of one chat differ by JPEG noise and anti-aliasing only: this
# share of the width in position and size.
AVATAR_MATCH = 0.015
# Below an input bar phones keep at least this share of the width (gesture
# bar 0.04, home indicator 0.06, on dev and real screens); a crop's last row
# ends closer to the image's bottom.
CROP_MARGIN = 0.02
# A column of this many like pictures higher up makes the edge picture an avatar.
AVATARS_ABOVE = 2


def _repeats_above(edge: Box, boxes: list[Box], w: int) -> bool:
    """The edge picture repeats pictures higher on the page, as an avatar does."""
    tol = w * AVATAR_MATCH
    # Position and width only: the bar or the screen's edge may cut its height.
    like = [b for b in boxes if b.y + b.h <= edge.y and abs(b.x - edge.x) <= tol and abs(b.w - edge.w) <= tol]
    return len(like) >= AVATARS_ABOVE


def _lowest_row(boxes: list[Box]) -> list[Box]:
    """The lowest box and the things beside it.

    Not a bubble scrolled under the bar: it overlaps the row too, but starts
    far above it; taking its top as the bar's would drop the cut-off message
    SCHEMA says to keep.
    """
    lowest = max(boxes, key=lambda b: b.y + b.h)
    return [
        b for b in boxes
        if b.y < lowest.y + lowest.h and b.y + b.h > lowest.y + lowest.h * 0.2 and b.y >= lowest.y - lowest.h * 0.5
    ]
