"""The structure of one screenshot, found once and shared by classifier and parsers.

Finding the background, bars, filled blocks and loose text lines is cheap
(tens of milliseconds) compared with OCR, and both the layout classifier and
the chosen parser need it, so it is computed once per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ocr.preprocess import (
    Block,
    TextBand,
    dominant_color,
    find_blocks,
    find_text_bands,
    footer_top,
    header_bottom,
    luminance,
    page_background,
    status_bar_bottom,
)


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
        w = self.width
        aspect = b.box.w / max(1, b.box.h)
        return 0.75 <= aspect <= 1.33 and w * 0.05 <= b.box.w <= w * 0.2 and (
            b.box.x < w * 0.2 or b.box.x + b.box.w > w * 0.8
        )


def analyse(img: np.ndarray) -> Page:
    """Find background, dark mode, status bar, title bar, input bar, blocks and text lines."""
    h, w = img.shape[:2]
    bg = page_background(img)
    dark = luminance(bg) < 110
    sb = status_bar_bottom(img)
    hb = header_bottom(img, bg, sb)
    # The title bar may have its own colour (iOS): it is analysed against that.
    header_bg = dominant_color(img[sb:hb]) if hb > sb else bg
    header_blocks = find_blocks(img, header_bg, sb, hb) if hb > sb else []
    header_bands = find_text_bands(img, header_bg, sb, hb, [b.box for b in header_blocks]) if hb > sb else []
    blocks_all = find_blocks(img, bg, hb, h)
    bands_all = find_text_bands(img, bg, hb, h, [b.box for b in blocks_all])
    ft = footer_top(img, blocks_all, bands_all)
    if ft <= hb:
        ft = h
    blocks = [b for b in blocks_all if b.box.y + b.box.h / 2 < ft]
    bands = [t for t in bands_all if t.box.y + t.box.h / 2 < ft]
    return Page(w, h, bg, dark, sb, hb, ft, blocks, bands, header_blocks, header_bands)
