"""The bars at the top of a screenshot: the phone's status bar and the app's title bar.

Neither holds messages, and both must be found before anything is read: the
status bar by its edges, the title bar by its colour or by its symmetry about
the title. Kept apart from ``preprocess`` (pixels to masks) as ``input_bar``
is for the bar at the bottom.
"""

from __future__ import annotations

import cv2
import numpy as np

from ocr.preprocess import dominant_color, foreground_mask, row_bands

# A title bar's own colour varies by less than this down its height (a soft
# gradient, JPEG noise); a larger step is where the bar ends and a card starts.
BAR_SHADE = 40
# ...and it changes by less than this from one sampled row to the next (a
# gradient spreads its change over the bar's height). A step of more is an
# edge: a bubble or card cut by the bar begins there, drawn in a shade of
# its own within BAR_SHADE of the bar's (iOS: bar 247, grey bubble 233).
BAR_STEP = 8


# A status bar's icons start and end within this share of the width from the
# top (Android bars are 0.06-0.075 w tall, iOS's text band ~0.08 w).
STATUS_BAR_BAND = 0.09
# Assumed bar height when the top shows no band at all (a plain bar).
STATUS_BAR_HEIGHT = 0.08


def status_bar_bottom(img: np.ndarray, bg: tuple[int, int, int] | None = None) -> int:
    """Bottom of the phone's status bar (clock, signal, battery): they are not messages.

    The status bar is the first band of foreground rows at the very top; phones
    draw it within about the top 8 % of the width-scaled height.
    """
    h, w = img.shape[:2]
    del bg  # kept for callers; the top strip is judged by its edges, not a colour
    top = img[: int(min(h, w * 0.25))]
    # Edges (morphological gradient), not distance from one colour: real
    # phones tint the top with a gradient or a wallpaper blur (iOS WeChat),
    # which a colour test takes for one tall band of "foreground", and the
    # status bar is lost. Text and icons have sharp edges; gradients have none.
    # iOS's "◀ App" back link under the clock merges with the clock's band:
    # it belongs to the status bar, and the band test below still holds.
    grey = cv2.cvtColor(top, cv2.COLOR_BGR2GRAY) if top.ndim == 3 else top
    edges = cv2.morphologyEx(grey, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    mask = np.where(edges > 48, 255, 0).astype(np.uint8)
    bands = row_bands(mask, min_gap=max(2, int(w * 0.01)))
    for s, e in bands:
        if s < w * STATUS_BAR_BAND and e - s < w * STATUS_BAR_BAND:
            return int(e + w * 0.01)
    if bands and bands[0][0] < w * STATUS_BAR_BAND:
        # The first band is too tall to be a status bar, yet starts where one
        # would be: a crop that begins at the app's title bar (a title beside
        # its round avatar is ~0.1 w tall). Assuming a status bar there would
        # throw the title away as chrome.
        return max(0, bands[0][0] - int(w * 0.01))
    return int(w * STATUS_BAR_HEIGHT)


# A subtitle (the number's place under it, 浙江杭州 移动) follows the title
# within 0.02 of the width; the first row under a bar starts well over 0.03 below it.
OWN_LINE_GAP = 0.03
# Shorter than this is a divider or a shadow, not a line of text (0.015 of
# the width is 5 px at 360, a 9 px glyph's body on the smallest screen).
TEXT_LINE_MIN = 0.015


def is_print(rows: np.ndarray) -> bool:
    """Whether a band of the mask is lines of print rather than a filled strip.

    The bottom of a bubble or card scrolled under the bar is a strip filled
    wall to wall; glyphs leave most of their own box blank.
    """
    cols = rows.max(axis=0) > 0
    return bool(cols.any()) and float((rows[:, cols] > 0).mean()) < PRINT_DENSITY


# Share of a band's inked columns' pixels that are ink: CJK and Latin print
# 0.2–0.5, a filled strip 0.9 and more.
PRINT_DENSITY = 0.65


def header_bottom(img: np.ndarray, bg: tuple[int, int, int], status_bottom: int) -> int:
    """Bottom of the app's title bar (back arrow, title, icons): not messages.

    Two cues. Where the bar has its own colour (iOS Messages), it ends where the
    rows turn to the page background. Where it has the page's colour (Android,
    WeChat), the bar is vertically symmetric about its first band of content
    (title, arrow and icons share a centre line), so it ends as far below that
    centre as the status bar's bottom is above it.
    """
    h, w = img.shape[:2]
    limit = int(min(h * 0.3, w * 0.6))
    y = status_bottom
    step = max(1, int(w * 0.004))
    # Cue 1: a differently coloured bar.
    row_colors_differ = 0
    yy = y + step
    bar: np.ndarray | None = None
    previous: np.ndarray | None = None
    while yy < limit:
        row = img[yy : yy + 1, int(w * 0.02) : int(w * 0.98)]
        c = np.array(dominant_color(row)).astype(int)
        # A bar is one colour: where the colour changes again without turning
        # to the page's, a list row drawn on a card of its own begins (it is
        # content, not part of the bar).
        if (
            int(np.abs(c - np.array(bg)).max()) > 5
            and (bar is None or int(np.abs(c - bar).max()) <= BAR_SHADE)
            and (previous is None or int(np.abs(c - previous).max()) <= BAR_STEP)
        ):
            bar = c if bar is None else bar
            previous = c
            row_colors_differ += 1
            yy += step
            continue
        break
    if row_colors_differ * step > w * 0.08 and yy < limit:
        return yy
    # Cue 2: symmetry about the first content band.
    fg = foreground_mask(img[status_bottom:limit], bg)
    bands = row_bands(fg, min_gap=max(2, int(w * 0.02)))
    if not bands:
        return int(status_bottom + w * 0.15)
    s, e = bands[0]
    if e - s > w * 0.2:
        # Taller than any title line: on iOS the bar is translucent and the
        # bubbles scrolled under it show through, so the title merged with
        # them into one band. Take the platform's bar height (44 pt of a
        # 375–430 pt wide screen, about 0.11 of the width) instead.
        return int(status_bottom + w * 0.12)
    centre = status_bottom + (s + e) / 2
    bottom = int(centre + (centre - status_bottom))
    # A large title (Android's 信息, iOS's Messages) sits low in a taller bar
    # with more blank above it than below: mirrored, the bar would take in
    # the first row under it. A line of text of its own (not the title's
    # subtitle, which follows it closely) starting before that bottom is content.
    # A filled shape (an avatar, a bubble) that starts there and runs on below
    # it was cut by the bar: a bar of the page's own colour is opaque, so
    # nothing under it shows, and the bar ends where the shape appears.
    for s2, e2 in bands[1:]:
        if status_bottom + s2 >= bottom:
            break
        if s2 - e < w * OWN_LINE_GAP or e2 - s2 < w * TEXT_LINE_MIN:
            continue
        if is_print(fg[s2:e2]) or status_bottom + e2 > bottom:
            bottom = status_bottom + s2 - 1
            break
    return max(bottom, status_bottom + e + 1)
