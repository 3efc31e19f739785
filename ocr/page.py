"""The structure of one screenshot, found once and shared by classifier and parsers.

Finding the background, bars, filled blocks and loose text lines is cheap
(tens of milliseconds) compared with OCR, and both the layout classifier and
the chosen parser need it, so it is computed once per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ocr.input_bar import bar_wide, footer_top
from ocr.model import Box
from ocr.preprocess import (
    BLOCK_TOLERANCE,
    Block,
    TextBand,
    background_distance,
    colour_distance,
    dominant_color,
    find_blocks,
    find_text_bands,
    foreground_mask,
    luminance,
    page_background,
)
from ocr.shapes import block_tolerance, vertical_extent
from ocr.top_bars import header_bottom, status_bar_bottom

# Avatars sit against the screen's edge: at most 0.10 of the width in from it
# on every dev and real screenshot (most at 0.03–0.06), while a short bubble
# ("ok", "踢") beside the avatar column starts 0.16 in. With 0.2 those bubbles
# were taken for avatars and their messages lost.
AVATAR_MARGIN = 0.12
# A bubble's fill differs from the page by more than this (WeChat's green is
# ~130 levels away from its grey, a white bubble ~20 from it: only coloured
# ones count); a bubble frosted behind an iOS bar by under 15.
COLOURED_BUBBLE = 40
# The widest a bubble is drawn, as a share of the screen (0.72–0.78 on every
# skin seen): a list's card is wider, so a FAB lined up with cards is no bubble.
BUBBLE_MAX_WIDTH = 0.82
# Bubbles on one side end at the same x to within anti-aliasing and JPEG
# blur: a few pixels at any width. An avatar stands a margin (0.1 of the
# width and more) outside them.
EDGE_ALIGNMENT = 0.012


@dataclass(slots=True)
class Page:
    """What :func:`analyse` found. All coordinates in image pixels."""

    width: int
    height: int
    bg: tuple[int, int, int]
    dark: bool
    status_bottom: int
    header_bottom: int
    footer_top: int
    blocks: list[Block] = field(default_factory=list)  # in the content area
    bands: list[TextBand] = field(default_factory=list)  # in the content area
    header_blocks: list[Block] = field(default_factory=list)
    header_bands: list[TextBand] = field(default_factory=list)

    def is_avatar(self, b: Block) -> bool:
        """Round or square picture beside a bubble or row: roughly square, small, at a side."""
        return self._avatar_shaped(b) and not self.is_round_bubble(b)

    def _avatar_shaped(self, b: Block) -> bool:
        w = self.width
        aspect = b.box.w / max(1, b.box.h)
        # One cut in half by the input bar is wider than tall, but still an avatar.
        clipped = b.box.y + b.box.h >= self.footer_top - 3 and aspect > 1.33
        return (0.75 <= aspect <= 1.33 or clipped) and w * 0.05 <= b.box.w <= w * 0.2 and (
            b.box.x < w * AVATAR_MARGIN or b.box.x + b.box.w > w * (1 - AVATAR_MARGIN)
        )

    def is_round_bubble(self, b: Block) -> bool:
        """An avatar's shape that is a one-word bubble (好, OK): it lines up with the bubbles, not beside them.

        A bubble round its single character is as square as an avatar and
        sits as near the edge. But an avatar stands outside its side's bubbles,
        level with one of them; such a bubble shares their outer edge, with
        nothing level beside it.
        """
        w = self.width
        if not self._avatar_shaped(b):
            return False
        bb = b.box
        right = bb.x + bb.w / 2 > w / 2
        edge = bb.x + bb.w if right else bb.x
        aligned = False
        for o in self.blocks:
            ob = o.box
            if o is b or self._avatar_shaped(o) or not (w * 0.07 <= ob.w <= w * BUBBLE_MAX_WIDTH):
                continue
            if min(bb.y + bb.h, ob.y + ob.h) - max(bb.y, ob.y) > 0:
                return False  # something level with it: the avatar of that bubble
            if abs((ob.x + ob.w if right else ob.x) - edge) <= w * EDGE_ALIGNMENT:
                aligned = True
        return aligned


def _overlaps(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _message_row(blocks: list[Block], bg: tuple[int, int, int], w: int) -> bool:
    """A picture at the screen's edge beside a wide, crisply coloured block: a bubble and its avatar.

    A translucent title bar (iOS) shows scrolled bubbles too, but frosted:
    their colour is within a few levels of the bar's, never this far.
    """
    for a in blocks:
        ab = a.box
        square = 0.75 <= ab.w / max(1, ab.h) <= 1.33 and w * 0.05 <= ab.w <= w * 0.2
        if not square or not (ab.x < w * AVATAR_MARGIN or ab.x + ab.w > w * (1 - AVATAR_MARGIN)):
            continue
        for b in blocks:
            bb = b.box
            if b is a or bb.w < w * 0.2:
                continue
            level = min(ab.y + ab.h, bb.y + bb.h) - max(ab.y, bb.y) > 0.3 * min(ab.h, bb.h)
            gap = max(ab.x - (bb.x + bb.w), bb.x - (ab.x + ab.w))
            vivid = colour_distance(b.color, bg) > COLOURED_BUBBLE
            if level and 0 <= gap < w * 0.08 and vivid:
                return True
    return False


# Blocks found at the usual tolerance may cover at most this share of a block
# found only at the page's finer one: a faint bubble holds a few glyph-sized
# scraps (dense characters plus their JPEG halo), while two bubbles that the
# finer tolerance ran together (chroma ringing bridges a 20-px gap) fill it.
FAINT_KNOWN_SHARE = 0.3


def _with_faint(blocks: list[Block], fine: list[Block]) -> list[Block]:
    """``blocks`` plus the faint ones only the finer tolerance finds, each replacing the scraps inside it."""
    out = list(blocks)
    for f in fine:
        fb = f.box
        touching = [b for b in out if _overlaps(b.box, fb)]
        inside = [b for b in touching if _inside(b.box, fb)]
        if len(inside) < len(touching) or sum(b.box.w * b.box.h for b in inside) > FAINT_KNOWN_SHARE * fb.w * fb.h:
            continue
        out = [b for b in out if b not in inside] + [f]
    out.sort(key=lambda b: (b.box.y, b.box.x))
    return out


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner.x >= outer.x and inner.y >= outer.y
        and inner.x + inner.w <= outer.x + outer.w and inner.y + inner.h <= outer.y + outer.h
    )


# How much taller a cut-short avatar's whole shape is than what the opening
# kept (measured: 47 → 65 px, 1.38; a short bubble "好的" at the right edge
# grew 114 → 124 px, 1.09, and became an "avatar" without this). Past
# SILHOUETTE_MAX_GROWTH the shape ran into something else (a bubble above:
# 69 → 292 px on a dev screen), while a silhouette avatar whose opening kept
# only its two lobes grows 32 → 65 px.
SILHOUETTE_GROWTH = 1.25
SILHOUETTE_MAX_GROWTH = 2.5


def _whole_avatars(img: np.ndarray, bg: tuple[int, int, int], tol: int, blocks: list[Block]) -> list[Block]:
    """Avatar-sized blocks at a screen edge, wider than tall, given the full height of their shape.

    A silhouette avatar (a person drawn in the page's colour on a disc)
    loses its lower half to the opening; left so, it is taken for a short
    bubble, and a thread of such avatars for a list of cards.
    """
    h, w = img.shape[:2]
    out: list[Block] = []
    for b in blocks:
        bb = b.box
        at_edge = bb.x < w * AVATAR_MARGIN or bb.x + bb.w > w * (1 - AVATAR_MARGIN)
        if not (at_edge and w * 0.05 <= bb.w <= w * 0.2 and bb.w > 1.33 * bb.h):
            out.append(b)
            continue
        top, bottom = max(0, bb.y - bb.w), min(h, bb.y + bb.h + bb.w)
        fg = foreground_mask(img[top:bottom, bb.x : bb.x + bb.w], bg, tol)
        y0, y1, fill = vertical_extent(fg, 0, bb.w, bb.y - top, bb.y - top + bb.h)
        # A silhouette's crescents add a third or more of its height; a short
        # bubble at the edge gains a few anti-aliased rows at most.
        if 0.75 <= bb.w / max(1, y1 - y0) <= 1.33 and SILHOUETTE_GROWTH * bb.h <= y1 - y0 <= SILHOUETTE_MAX_GROWTH * bb.h:
            b = Block(Box(bb.x, top + y0, bb.w, y1 - y0), b.color, fill)
        out.append(b)
    return out


def analyse(img: np.ndarray) -> Page:
    """Find background, dark mode, status bar, title bar, input bar, blocks and text lines."""
    h, w = img.shape[:2]
    bg = page_background(img)
    dark = luminance(bg) < 110
    sb = status_bar_bottom(img)
    hb = header_bottom(img, bg, sb)
    # The title bar may have its own colour (iOS): it is analysed against that.
    header_bg = dominant_color(img[sb:hb]) if hb > sb else bg
    header_blocks = find_blocks(img, header_bg, sb, hb, fill=False) if hb > sb else []
    if _message_row(header_blocks, header_bg, w):
        # What looked like a title bar is a message row of a crop that starts
        # below the app's bar: it is content, and there is no title.
        hb = sb
        header_blocks = []
    # iOS bars are translucent: a bubble scrolled under one shows through as a
    # wide blurred block with the title on top of it. Only small blocks
    # (avatars, icons, pills) are content of a bar; behind a backdrop the
    # title is found by local contrast, which the blur does not have.
    backdrop = any(b.box.w >= 0.3 * w for b in header_blocks)
    header_blocks = [b for b in header_blocks if b.box.w < 0.3 * w]
    header_bands = (
        find_text_bands(img, header_bg, sb, hb, [b.box for b in header_blocks], local=backdrop) if hb > sb else []
    )
    # Faint fills (white bubbles on a near-white page) are found on a clean
    # screenshot by a tolerance measured from the page's own noise, and only
    # added to what the usual tolerance finds.
    tol = block_tolerance(img, bg, hb, h, BLOCK_TOLERANCE)
    # The content's distance from the page, blurred once for the three masks cut from it.
    dist = background_distance(img[hb:h], bg)
    blocks_all = find_blocks(img, bg, hb, h, distance=dist)
    if tol < BLOCK_TOLERANCE:
        blocks_all = _with_faint(blocks_all, find_blocks(img, bg, hb, h, tol, distance=dist))
    blocks_all = _whole_avatars(img, bg, tol, blocks_all)
    bands_all = find_text_bands(img, bg, hb, h, [b.box for b in blocks_all], distance=dist)
    ft = footer_top(img, blocks_all, bands_all)
    if ft <= hb:
        ft = h
    blocks: list[Block] = []
    for b in blocks_all:
        if bar_wide(b.box, w) and b.box.y < ft - w * 0.04 and b.box.y + b.box.h > ft + w * 0.04:
            # A bubble cut off by the input bar merged with it into one block;
            # the part above the bar is looked at again on its own (SCHEMA:
            # cut-off messages are listed).
            blocks += [
                nb for nb in find_blocks(img, bg, b.box.y, ft)
                if nb.box.x >= b.box.x and nb.box.x + nb.box.w <= b.box.x + b.box.w
                and not any(_overlaps(nb.box, o.box) for o in blocks_all if o is not b)
            ]
        elif b.box.y + b.box.h / 2 < ft:
            blocks.append(b)
    blocks.sort(key=lambda b: (b.box.y, b.box.x))
    bands = [t for t in bands_all if t.box.y + t.box.h / 2 < ft]
    return Page(w, h, bg, dark, sb, hb, ft, blocks, bands, header_blocks, header_bands)
