"""A second reading of short bubbles (嗯嗯, 好的, OK) that the page's canvas read as nothing.

Why: Tesseract (``prefers_page`` false) reads all of a thread's bubbles on one
canvas, and it returns nothing for some one-line bubbles of one or two glyphs:

* its layout analysis drops a row whose few blobs look like noise before the
  recogniser sees it (a CJK glyph falls apart into radicals, so two glyphs are
  five or six small blobs); a clean 谢谢 is then no text at one size and read
  at 0.96 at a size 2 % larger or smaller;
* Latin words on a small screen (Okay at 17 px) read as scraps (OFkay, 0.26)
  that the confidence floor drops.

The bubble was found but held no line: beside an avatar it became an empty
"picture" message and the text was lost, and in an SMS thread it was dropped.
Such a bubble is read once more, zoomed, with the noise-row filter off: only
those bubbles, all on one canvas, so a page that has them costs one extra
Tesseract call and other pages none. A picture or a sticker is not re-read: it
is taller than a line of text (or not one uniformly filled block at all). Nor
is a bubble cut by the title bar or the input bar: its height is only what is
visible, and its line is cut too (realworld 05: the lower half of 去天天二层吧
under the title bar read, without the noise filter, as 六和信入一大必; on a
seed-2 WeChat screen the cut 我会还的…时间 as 门). The cost: a bubble that lost
only its padding to the bar is not read again either (realworld 22: 动物自走棋,
whose line the second reading had right). Telling the two apart needs the bar's
true bottom, and the page's estimate lies inside that bubble's text there.
A reading still under the confidence floor is not kept: chi_sim cannot read
some glyphs at any size (嗯 comes back as 咽 at 0.2-0.4), and a wrong text is
not better evidence than an empty bubble the reviewer will look at.
"""

from __future__ import annotations

import numpy as np

from ocr.model import Box
from ocr.page import Page
from ocr.recognition import Line, OcrEngine
from ocr.regions import Region, read_regions

# A bubble holding one line of text is its line plus padding above and below,
# about two line heights (measured on 40 random-skin thread screens: bubbles
# read as one row median 1.71 line heights, the short bubbles read as nothing
# 1.45-2.03; bubbles of two rows median 2.67). Taller empty blocks are pictures.
ONE_LINE_HEIGHTS = 2.4
# The second reading is at another size than the first (Tesseract's failure on
# a short line depends on the exact size) and larger: a Latin word at 17 px
# (Okay on a 480-px screen) reads 0.90 at 1.5x where it read 0.26 as OFkay.
SHORT_LINE_ZOOM = 1.5
# A bubble this close to a bar (px) is cut by it: is_bubble's cut-off margin.
CUT_MARGIN = 3


def one_whole_line(page: Page, box: Box, line_h: float) -> bool:
    """Whole (not cut by a bar) and no taller than a bubble holding one line of the page's body text."""
    cut = box.y <= page.header_bottom + CUT_MARGIN or box.y + box.h >= page.footer_top - CUT_MARGIN
    return not cut and box.h <= ONE_LINE_HEIGHTS * line_h


def reread_short(engine: OcrEngine, image: np.ndarray, boxes: list[Box]) -> list[list[Line]]:
    """The lines of each one-line bubble read again alone on a canvas of their own (page coordinates).

    A page-reading engine (RapidOCR) has read the whole page already: nothing
    more to read, each bubble gets no line.
    """
    if engine.prefers_page or not boxes:
        return [[] for _ in boxes]
    regions = [Region(b, 0, zoom=SHORT_LINE_ZOOM, weak_lines_ok=True) for b in boxes]
    return read_regions(engine, image, regions, short_lines=True)
