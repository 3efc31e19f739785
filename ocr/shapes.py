"""Filled shapes in a foreground mask, robust to faint fills and to text inside them.

A bubble whose fill is barely lighter than the page (One UI's white bubbles
on a near-white page, 5–10 levels apart) has a thin margin between its
outline and its text. The JPEG ringing round each glyph pulls pixels back to
the page's colour, so the fill is holed next to every line; the opening
that removes loose text then cuts the thin margin too, and the bubble falls
apart into fragments (fill 0.4–0.6) that no rule takes for a bubble. Its
outline is still closed at full resolution, so whatever it encloses is
filled first.

How far from the page a pixel must be to count is taken from the page's own
flat margins: a clean screenshot can be trusted to a couple of levels, a
noisy one (JPEG, a gradient) keeps the old, wider tolerance.
"""

from __future__ import annotations

import cv2
import numpy as np

# Share of a hole-filled shape that the plain opening must already hold: a
# bubble keeps most of its fill between its text lines, while a thin outline
# (an input field's frame, a search box) keeps none of it and stays an outline.
FILLED_SHARE = 0.3
# The lowest tolerance used on a clean page: anti-aliasing and the odd
# quantisation step move flat areas by one or two levels.
MIN_TOLERANCE = 2
# Headroom over the margin's noise (99th percentile of its distance from the page).
NOISE_HEADROOM = 2


def fill_holes(mask: np.ndarray) -> np.ndarray:
    """``mask`` with every background region it fully encloses set to foreground."""
    h, w = mask.shape[:2]
    padded = np.zeros((h + 2, w + 2), np.uint8)
    padded[1:-1, 1:-1] = mask
    flood = padded.copy()
    cv2.floodFill(flood, np.zeros((h + 4, w + 4), np.uint8), (0, 0), 255)
    holes = cv2.bitwise_not(flood)[1:-1, 1:-1]
    return cv2.bitwise_or(mask, holes)


def open_filled(fg: np.ndarray, k: int) -> np.ndarray:
    """Shapes of ``fg`` that survive an opening by a ``k``×``k`` square, holes filled first.

    A hole-filled shape is kept only where the plain opening already finds a
    good part of it (``FILLED_SHARE``), so outlines and frames are not
    turned into solid blocks.

    Only the runs of rows where filling added something are labelled: every
    hole-filled shape lies within one run of rows that hold some of it (no
    shape crosses an empty row), and a shape that filling left as it was is
    already in the plain opening, whole.
    """
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    plain = cv2.morphologyEx(fg, cv2.MORPH_OPEN, kernel)
    filled = cv2.morphologyEx(fill_holes(fg), cv2.MORPH_OPEN, kernel)
    if np.array_equal(plain, filled):
        return plain
    out = plain.copy()
    # The opening is monotone, so ``plain`` lies inside ``filled``: what filling added is where they differ.
    added = np.asarray((filled != plain).any(axis=1))
    for a, b in row_runs(np.asarray(filled.any(axis=1))):
        if added[a:b].any():
            _add_kept_fills(filled[a:b], plain[a:b], out[a:b], k)
    return out


def row_runs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Runs of True in a 1-D boolean array, as (start, end) half-open."""
    edges = np.diff(np.concatenate(([0], rows.astype(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def component_runs(mask: np.ndarray, connectivity: int) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """``mask``'s connected components, labelled run of rows by run: ``(top, labels, stats)`` per run.

    No component crosses an empty row, so each lies in one run of rows that
    hold foreground; labelling only those runs skips the empty rows between
    them (most of a page's rows, in a mask of shapes or of text lines), and
    labelling costs about as much per pixel as there are pixels. A run is
    started on an even row (the row above it is empty), where a labelling
    of the whole mask, which scans it in 2×2 blocks, meets it: the
    components come in the same order. ``stats`` rows are relative to ``top``.
    """
    out: list[tuple[int, np.ndarray, np.ndarray]] = []
    for a, b in row_runs(np.asarray(mask.any(axis=1))):
        a -= a % 2
        _, labels, stats, _ = cv2.connectedComponentsWithStats(mask[a:b], connectivity=connectivity)
        out.append((a, labels, stats))
    return out


def _add_kept_fills(filled: np.ndarray, plain: np.ndarray, out: np.ndarray, k: int) -> None:
    """Set in ``out`` the hole-filled shapes of ``filled`` that the plain opening holds enough of."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(filled, connectivity=4)
    if n <= 1:
        return
    held = np.bincount(labels[plain > 0].ravel(), minlength=n)
    keep = held >= FILLED_SHARE * stats[:, cv2.CC_STAT_AREA]
    keep[0] = False
    if not keep.any():
        return
    # Plain pieces big enough to be a shape of their own (1.5 kernels a side),
    # not scraps of text that survived the opening (looked up only in the
    # boxes of the shapes kept).
    _, plabels, pstats, _ = cv2.connectedComponentsWithStats(plain, connectivity=4)
    solid = (pstats[:, cv2.CC_STAT_WIDTH] >= 1.5 * k) & (pstats[:, cv2.CC_STAT_HEIGHT] >= 1.5 * k)
    solid[0] = False
    for i in np.nonzero(keep)[0]:
        # Filling may close a shape's inside, never grow it past what the
        # plain opening found: a member's name a few pixels over its bubble,
        # joined to it by JPEG ringing, encloses small gaps that filled would
        # weld the name onto the bubble.
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        mine = labels[y : y + bh, x : x + bw] == i
        ys, xs = np.nonzero(mine & solid[plabels[y : y + bh, x : x + bw]])
        if ys.size == 0:  # only pieces (a silhouette avatar's two lobes): their extent
            ys, xs = np.nonzero(mine & (plain[y : y + bh, x : x + bw] > 0))
        y0, y1, x0, x1 = y + ys.min(), y + ys.max() + 1, x + xs.min(), x + xs.max() + 1
        sub = labels[y0:y1, x0:x1] == i
        out[y0:y1, x0:x1][sub] = 255


# How far below the title bar's found bottom its edge or shadow may still reach
# (the bar's bottom is found to a few pixels; a shadow is 2–4 dp).
BAR_EDGE = 0.03


def block_tolerance(img: np.ndarray, bg: tuple[int, int, int], top: int, bottom: int, ceiling: int) -> int:
    """How far from ``bg`` a pixel must be to belong to a filled shape, from the page's own noise.

    Measured in the flat margins at both sides of the content (where
    :func:`ocr.preprocess.page_background` takes the page's colour): a
    lossless screenshot has almost none, so a bubble 3–6 levels from the
    page is still found; JPEG noise or a textured page keeps ``ceiling``
    (the tolerance that holds on any screenshot).
    """
    h, w = img.shape[:2]
    m = max(2, int(w * 0.02))
    # The bar's own bottom edge and shadow may lie just under the top found for it.
    rows = img[max(0, top + int(w * BAR_EDGE)) : min(h, bottom)]
    if rows.shape[0] < 3:
        return ceiling
    strips = np.concatenate([rows[:, :m], rows[:, w - m :]], axis=1)
    smooth = cv2.medianBlur(np.ascontiguousarray(strips), 3).astype(np.int16)
    d = np.abs(smooth - np.array(bg, np.int16).reshape(1, 1, 3)).max(axis=2)
    # Rows whose margins are mostly off the page's colour cross another fill
    # (a navigation bar, an input bar that was not found, a card's edge): a
    # colour of its own is no noise of the page's.
    d = d[np.median(d, axis=1) <= MIN_TOLERANCE]
    if d.shape[0] < 3:
        return ceiling
    near = d[d <= 2 * ceiling]
    if near.size < 0.8 * d.size:
        return ceiling  # the margins are not one flat colour: trust nothing finer
    noise = float(np.percentile(near, 99))
    return int(min(ceiling, max(MIN_TOLERANCE, round(noise) + NOISE_HEADROOM)))


def vertical_extent(fg: np.ndarray, x0: int, x1: int, y0: int, y1: int) -> tuple[int, int, float]:
    """Top, bottom (half-open) and fill of the foreground shape that holds rows ``y0..y1`` of columns ``x0..x1``.

    The opening keeps only a shape's thick part. An avatar drawn as a
    person's silhouette on a disc has its lower half cut by the silhouette
    into two thin crescents, which the opening removes: what is left is wider
    than tall and no longer looks like an avatar. Its pixels are still one
    connected shape with the crescents. The fill is the share of the whole
    box that shape covers (a disc with a silhouette cut out: well under a
    square picture's).
    """
    cols = fill_holes(fg[:, x0:x1])
    n, labels = cv2.connectedComponents(cols, connectivity=4)
    inside = np.unique(labels[y0:y1][labels[y0:y1] > 0]) if n > 1 else np.zeros(0, np.int32)
    if inside.size == 0:
        return y0, y1, 0.0
    shape = np.isin(labels, inside)
    ys = np.nonzero(shape.any(axis=1))[0]
    top, bottom = int(min(y0, ys.min())), int(max(y1, ys.max() + 1))
    return top, bottom, float(shape[top:bottom].sum()) / float(max(1, (bottom - top) * (x1 - x0)))


# Two rounded bubbles of one side stacked with no gap (a downscaled screen
# closes the 2-4 px between them) make one block pinched in where their
# corners meet: on the side both line up on, the edge dips by about a corner's
# radius and comes back. One bubble has no such dip (a tail bulges out).
# WAIST_DEPTH is the least dip that counts (a third of the smallest corner
# radius seen, 0.02 of the width); WAIST_REACH how far above and below the
# edge is looked at; WAIST_PART the least height of each part (one line and
# its padding).
WAIST_DEPTH = 0.007
WAIST_REACH = 0.025
WAIST_PART = 0.06
# Only shapes a bubble's width are cut: a wider one is a card, or a bubble run
# into the input bar, which the page model cuts at the bar (bubbles are drawn
# at most 0.78 of the width, ocr.page.BUBBLE_MAX_WIDTH).
WAIST_MAX_WIDTH = 0.82


def waists(comp: np.ndarray, width: int) -> list[int]:
    """Rows where a filled shape's left or right edge pinches in and widens again: two shapes stacked."""
    h = comp.shape[0]
    part = int(width * WAIST_PART)
    if h < 2 * part or comp.shape[1] > width * WAIST_MAX_WIDTH:
        return []
    filled = comp.any(axis=1)
    if not filled.all():
        return []
    left = comp.argmax(axis=1)
    right = comp.shape[1] - 1 - comp[:, ::-1].argmax(axis=1)
    depth = max(2, round(width * WAIST_DEPTH))
    reach = max(3, round(width * WAIST_REACH))
    cuts: list[int] = []
    for r in range(part, h - part):
        above_r, below_r = slice(max(0, r - reach), r), slice(r + 1, min(h, r + 1 + reach))
        dip_right = right[r] <= min(right[above_r].max(), right[below_r].max()) - depth
        dip_left = left[r] >= max(left[above_r].min(), left[below_r].min()) + depth
        if not (dip_right or dip_left):
            continue
        # The waist's deepest row, once per waist.
        if cuts and r - cuts[-1] <= reach:
            if (right[r] < right[cuts[-1]]) if dip_right else (left[r] > left[cuts[-1]]):
                cuts[-1] = r
            continue
        if r - (cuts[-1] if cuts else 0) >= part:
            cuts.append(r)
    return [c for c in cuts if h - c >= part]
