"""What the title bar cut off at the top of a thread: a member's name, the bottom of a bubble.

A screenshot is taken wherever the user stopped scrolling, so the first item
under the bar is often cut. Half of a member's name still names a member (the
one whose name, read whole further down, it matches beside the same avatar);
a bubble's bottom still is a message when a part of a line shows, and is
nothing when only its padding does (SCHEMA lists a cut bubble by its visible
lines); the lower half of a name is print, not a bubble.
"""

from __future__ import annotations

import numpy as np

from ocr.model import Box
from ocr.page import AVATAR_MARGIN, Page
from ocr.preprocess import colour_distance, distance_from, dominant_color, foreground_mask
from ocr.top_bars import is_print

# A member's name cut by the title bar shows the lower half of its glyphs, and
# comes back with some of them wrong (经理 → 经埋, 主管 → 土官, 清 → 消). A group
# prints the name above each of its member's messages beside the member's own
# avatar, so a name read whole on the same page beside an avatar of the same
# colour, sharing at least half of the cut name's glyphs in order, is the one
# that was cut. Names alone are not enough (张经理 / 李经理 share two thirds):
# the avatars must agree too, to within JPEG noise and the cut.
CUT_NAME_LIKENESS = 0.5
SAME_AVATAR = 24
# A name whose line starts this close under the bar's bottom (in widths) was cut by it.
CUT_REACH = 0.01


def restore_cut_names(named: list[tuple[str | None, Box | None, Box]], page: Page) -> list[str | None]:
    """Each bubble's member name, a name the bar cut replaced by the one read whole beside the same avatar.

    ``named`` holds, per bubble, the name read above it, where that name was
    read, and the bubble's box.
    """
    cut_line = page.header_bottom + page.width * CUT_REACH

    def is_cut(box: Box | None) -> bool:
        return box is not None and box.y <= cut_line

    whole = [(name, avatar_colour(bubble, page)) for name, box, bubble in named if name and not is_cut(box)]
    names = {n for n, _ in whole}
    out: list[str | None] = []
    for name, box, bubble in named:
        own = avatar_colour(bubble, page) if name and is_cut(box) and name not in names else None
        if name is None or own is None:
            out.append(name)
            continue
        same_avatar = {n for n, c in whole if c is not None and colour_distance(c, own) <= SAME_AVATAR}
        scored = [(shared_in_order(name, n) / max(len(name), len(n)), n) for n in same_avatar]
        likeness, best = max(scored, default=(0.0, name))
        out.append(best if likeness >= CUT_NAME_LIKENESS else name)
    return out


def avatar_colour(bubble: Box, page: Page) -> tuple[int, int, int] | None:
    """The colour of the filled square at the screen's edge beside a bubble, level with its top or above it."""
    w = page.width
    for a in page.blocks:
        ab = a.box
        at_edge = ab.x < w * AVATAR_MARGIN or ab.x + ab.w > w * (1 - AVATAR_MARGIN)
        gap = max(ab.x - (bubble.x + bubble.w), bubble.x - (ab.x + ab.w))
        level = ab.y <= bubble.y + bubble.h / 2 and ab.y + ab.h > bubble.y
        if at_edge and ab.w < w * 0.2 and 0 <= gap < w * 0.08 and level:
            return a.color
    return None


def shared_in_order(a: str, b: str) -> int:
    """How many glyphs two strings share in the same order (their longest common subsequence)."""
    row = [0] * (len(b) + 1)
    for ca in a:
        diag = 0
        for j, cb in enumerate(b, 1):
            diag, row[j] = row[j], diag + 1 if ca == cb else max(row[j], row[j - 1])
    return row[-1]


# Share of a cut strip's inside (its rounded ends left out) drawn in another
# colour than its fill: the feet of a line's glyphs are 5-20 %; JPEG noise on
# a bare fill stays under 1 %.
STRIP_INK = 0.02
INK_CONTRAST = 60


def is_cut_bubble(img: np.ndarray, strip: Box, bg: tuple[int, int, int]) -> bool:
    """Whether a strip just under the bar is what shows of a message: a fill, with parts of a line in it.

    The bottom half of a member's name is print on the page, not a fill; a
    bubble's bottom padding alone holds no line (nothing of it is legible).
    """
    x, y, w, h = strip.x, strip.y, strip.w, strip.h
    if is_print(foreground_mask(img[y : y + h, x : x + w], bg)):
        return False
    inside = img[y : y + h, x + h : x + w - h]
    if inside.size == 0:
        return False
    far = distance_from(inside, dominant_color(inside)) > INK_CONTRAST
    return float(far.mean()) > STRIP_INK
