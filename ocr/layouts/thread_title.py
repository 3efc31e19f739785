"""A thread's title: where it is in the bar and which line of it names the other party.

The title names the sender of every incoming message of a thread, so it is
found from the bar's structure (bands of text away from the bar's icons,
pieces of one line joined) before anything is read, and read once or twice.
"""

from __future__ import annotations

import re

from ocr.model import Box
from ocr.page import Page
from ocr.preprocess import TextBand
from ocr.recognition import Line
from ocr.text import cjk_ratio, normalise_number

_TITLE_JUNK = " >〉›》<‹〈《|·•.,:;'\"`~_"
# The second reading of the title (Tesseract): measured against 0.6 and 1.3 on
# dev and realworld, 0.75 read the most titles (1.000 / 0.533 at the time).
TITLE_SECOND_ZOOM = 0.75


def title_bands(page: Page) -> list[TextBand]:
    """The title bar's lines of text that may be the title, each one band."""
    w = page.width
    # Bold digits on a small screen are dense enough to be found as filled
    # blocks: a wide, line-high block of the bar joins a text band level with
    # it a word space away. Alone it is a badge or a pill (an unread count
    # beside the back arrow), never the title.
    # A single bold glyph found as a block (师 after 何律) joins its line the same way.
    pieces = [
        TextBand(b.box) for b in page.header_blocks
        if (b.box.w >= 1.5 * b.box.h or _glyph_shaped(b.box, w)) and b.box.h < w * 0.08
    ]
    # A whole bold title found as one block (老妈 at 360 px, its glyphs run
    # together) is centred in the bar, where no badge or pill sits.
    centred = [t for t in pieces if t.box.w >= 1.5 * t.box.h and abs(t.box.centre[0] - w / 2) < w * CENTRED_TITLE]
    return _level_runs(
        [t for t in page.header_bands + _glyph_runs(page) + centred if _title_place(t.box, page)],
        [t for t in pieces if _title_place(t.box, page) and t not in centred],
    )


# A centred title's middle is within this share of the width of the screen's
# (WeChat and iOS centre it to the pixel; a member count keeps it centred).
CENTRED_TITLE = 0.04


def clean_title(lines: list[Line], page: Page) -> tuple[str | None, float]:
    """The thread title: the first real text line of the title bar, number-normalised.

    Title bars put the name or number first and a subtitle (location, carrier,
    the number behind a contact name) under it in smaller type.
    """
    candidates: list[Line] = []
    for ln in lines:
        t = ln.text.strip(_TITLE_JUNK)
        meaningful = len(re.findall(r"[0-9A-Za-z\u3400-\u9fff]", t))
        if meaningful == 0 or (meaningful == 1 and (cjk_ratio(t) == 0 or ln.confidence < 0.8)):
            continue
        candidates.append(ln)
    if not candidates:
        return None, 0.0
    # Title-bar icons (search, call, menu) come back as low-confidence Latin
    # scraps ("Ne", "Q-"): a confident line is text, so prefer those.
    confident = [ln for ln in candidates if ln.confidence >= 0.6]
    if confident:
        candidates = confident
    tallest = max(ln.box.h for ln in candidates)
    # Skip small print above the title (rare), then take the top line.
    big = [ln for ln in candidates if ln.box.h >= tallest * 0.7]
    best = min(big, key=lambda ln: ln.box.y)
    t = best.text.strip(_TITLE_JUNK)
    t = re.sub(r"\s*[>〉›》〈《]+$", "", t).strip()
    # Brackets around Chinese are drawn full-width (刘露阳（女朋友）); a member
    # count stays half-width (财务群(6)), as apps draw it.
    t = re.sub(r"[(（]([^()（）]*[\u3400-\u9fff][^()（）]*)[)）]", r"（\1）", t)
    return normalise_number(t), best.confidence


# Pieces of one title line are this many line heights apart at most: a number
# drawn in groups (028-3691 9294) on a small screen falls apart into pieces a
# few pixels apart (a word space is under half a line height), while an icon
# beside the title (call, chevron) is 2-3 line heights away on dev screens.
TITLE_WORD_GAP = 1.0


def _title_place(b: Box, page: Page) -> bool:
    """Below the status bar, away from the bar's ends (back arrow, icons), tall enough to be text.

    An icon drawn as a thin stroke (the call handset) is narrower than any
    title: a one-character title is as wide as it is tall.
    """
    w = page.width
    return (b.y >= page.status_bottom - 2 and w * 0.1 < b.centre[0] < w * 0.9 and b.h >= w * 0.015
            and b.w >= ICON_ASPECT * b.h)


# Width over height under which a band of the bar is an icon, not a title
# (a CJK glyph is ~1, the handset stroke 0.4).
ICON_ASPECT = 0.6


def _glyph_runs(page: Page) -> list[TextBand]:
    """Bold glyphs of the bar found each as a filled block, two or more side by side: a line of text.

    On a 360 px screen a bold two-character title (表哥) is dense enough for
    each glyph to be found as a block and for no text band to be left; one
    square block alone is an icon or a badge.
    """
    w = page.width
    glyphs = sorted(
        (b.box for b in page.header_blocks if _glyph_shaped(b.box, w)),
        key=lambda b: b.x,
    )
    runs: list[tuple[Box, int]] = []
    for b in glyphs:
        if runs:
            a, n = runs[-1]
            level = min(a.y + a.h, b.y + b.h) - max(a.y, b.y) > 0.6 * min(a.h, b.h)
            if level and 0 <= b.x - (a.x + a.w) < GLYPH_GAP * max(a.h, b.h) and 0.7 < b.h / max(1, a.h) < 1.4:
                x0, y0 = a.x, min(a.y, b.y)
                runs[-1] = (Box(x0, y0, b.x + b.w - x0, max(a.y + a.h, b.y + b.h) - y0), n + 1)
                continue
        runs.append((b, 1))
    return [TextBand(r) for r, n in runs if n >= 2]


# A CJK glyph's box is about square (a narrow one such as 川 or 卜 is not
# found as a block); the blank between two glyphs of a title is a fraction
# of their height.
GLYPH_ASPECT = (0.6, 1.4)
GLYPH_GAP = 0.5


def _glyph_shaped(b: Box, w: int) -> bool:
    """About square and no taller than a title line: one bold glyph found as a block."""
    return GLYPH_ASPECT[0] <= b.w / max(1, b.h) <= GLYPH_ASPECT[1] and b.h < w * 0.08


def _level_runs(bands: list[TextBand], pieces: list[TextBand]) -> list[TextBand]:
    """Bands of one line (level with each other, a word space apart) as one band.

    A page-reading engine's line is given to the band that holds its centre:
    a title split into pieces holds none of it, and the subtitle under it
    (a place, a carrier) became the title. ``pieces`` (text found as blocks)
    only join bands; a run of pieces alone is dropped.
    """
    runs: list[tuple[Box, bool]] = []
    tagged = [(t.box, True) for t in bands] + [(t.box, False) for t in pieces]
    for b, is_band in sorted(tagged, key=lambda tb: tb[0].x):
        for k, (a, has_band) in enumerate(runs):
            v = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
            if v > 0.5 * min(a.h, b.h) and b.x - (a.x + a.w) < TITLE_WORD_GAP * max(a.h, b.h):
                x0, y0 = min(a.x, b.x), min(a.y, b.y)
                x1, y1 = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
                runs[k] = (Box(x0, y0, x1 - x0, y1 - y0), has_band or is_band)
                break
        else:
            runs.append((b, is_band))
    return [TextBand(b) for b, has_band in sorted(runs, key=lambda r: (r[0].y, r[0].x)) if has_band]
