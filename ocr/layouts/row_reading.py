"""Reading a list screen's rows: one engine call per page for every segment worth reading.

Geometry comes from :mod:`ocr.layouts.list_rows`; this module asks the engine
for the text of the segments and hands it back on them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import cv2
import numpy as np

from ocr.layouts.base import PageContext
from ocr.layouts.list_rows import INK_THRESHOLD, ListPage, Segment, TextLine, analyse
from ocr.layouts.row_text import without_trailing_icons
from ocr.model import Box
from ocr.page import Page
from ocr.recognition import Line, OcrEngine, PageMemo
from ocr.regions import STRONG_LINE
from ocr.text import clean_line

# Where the classifier leaves the rows it found, for the list parsers to reuse.
LIST_PAGE = "list_page"


def content_top(ctx: PageContext) -> int | None:
    """Where a list's rows may start: below the title bar the page model found."""
    page = ctx.notes.get("page")
    return page.header_bottom if isinstance(page, Page) else None


def read_rows(
    engine: OcrEngine,
    image: np.ndarray,
    lower_lines: Callable[[ListPage, TextLine], list[Segment]],
    max_lines: int | None = None,
    top: int | None = None,
    known: object = None,
) -> tuple[ListPage, dict[int, list[Segment]]]:
    """Find a list screen's rows and read them in one engine call.

    Both list layouts read a row the same way: its first line (name, time)
    without trailing icons, the lines below as the layout says (``lower_lines``,
    for at most ``max_lines - 1`` of them), and wide extras (a time on a line of
    its own). ``top`` is where the content starts (below the title bar of
    ``ocr.page``); ``known`` is the same page's rows already found (by the
    classifier, with the same ``top``). Returns the page and the segments read, keyed by ``id(line)``.
    """
    page = known if isinstance(known, ListPage) and known.image is image else analyse(image, top)
    units: dict[int, list[Segment]] = {}
    for row in page.rows:
        first = row.lines[0]
        units[id(first)] = without_trailing_icons(first.main)
        for ln in row.lines[1:max_lines]:
            units[id(ln)] = lower_lines(page, ln)
    wanted = [u for us in units.values() for u in us]
    wanted += [s for row in page.rows for s in row.extra if s.w >= 1.4 * s.h]
    read_segments(engine, page, wanted)
    return page, units


# --- reading ------------------------------------------------------------------------

_TARGET_H = 40  # px of text height on the canvas


def _normalised_crop(page: ListPage, seg: Segment, pad: int) -> np.ndarray:
    """Dark text on white, whatever the colours on screen (distance from background → darkness)."""
    height, width = page.ink.shape
    x0, x1 = max(0, seg.x0 - pad), min(width, seg.x1 + pad)
    y0, y1 = max(0, seg.y0 - pad), min(height, seg.y1 + pad)
    d = page.ink[y0:y1, x0:x1].astype(np.float32)
    top = float(np.percentile(d, 99.5)) if d.size else 1.0
    top = max(top, INK_THRESHOLD * 1.5)
    img = 255.0 - np.clip(d * (255.0 / top), 0, 255)
    return img.astype(np.uint8)


def read_segments(engine: OcrEngine, page: ListPage, segments: list[Segment]) -> None:
    """Fill in ``text`` and ``confidence`` of every segment.

    An engine that reads whole pages well (``prefers_page``: RapidOCR) reads the
    page once and its lines are assigned to segments by position; whatever it
    missed (its detector drops some lone characters, such as a one-character
    name) is read again from crops. Other engines (Tesseract) read crops stacked
    on one canvas: one call per page instead of one per crop.
    """
    todo = [s for s in segments if not s.read]
    if not todo:
        return
    _read_segments(engine, page, todo)
    if isinstance(engine, PageMemo) and page.image is engine.page and not engine.page_read:
        engine.report([Line(s.text, s.confidence, Box(s.x0, s.y0, s.w, s.h)) for s in todo if s.text])


def _read_segments(engine: OcrEngine, page: ListPage, todo: list[Segment]) -> None:
    if engine.prefers_page:
        covered = _read_page(engine, page, todo)
        todo = [s for s in todo if not s.text and id(s) not in covered]
        for s in todo:
            s.read = False
        if todo:
            _read_stacked(engine, page, todo, target_h=_TARGET_H * 1.6, pad_ratio=0.8)
        return
    _read_stacked(engine, page, todo, target_h=_TARGET_H, pad_ratio=0.25)
    # A unit that came back as no word at all (a short name read as ``=`` or as
    # nothing) is read once more at several sizes in one extra call: on two
    # Chinese characters Tesseract's result swings with the scale.
    retry = [s for s in todo if not _WORDY.search(s.text)][:_MAX_RETRIES]
    if retry:
        _read_variants(engine, page, retry)


def _read_variants(engine: OcrEngine, page: ListPage, segs: list[Segment]) -> None:
    variants = [(s, h) for s in segs for h in _RETRY_HEIGHTS]
    copies = [Segment(s.x0, s.y0, s.x1, s.y1) for s, _ in variants]
    _read_stacked(engine, page, copies, target_h=[h for _, h in variants], pad_ratio=0.5)
    for s in segs:
        best = max(
            (c for (orig, _), c in zip(variants, copies, strict=True) if orig is s and _WORDY.search(c.text)),
            key=lambda c: c.confidence,
            default=None,
        )
        if best is not None:
            s.text, s.confidence = best.text, best.confidence


_RETRY_HEIGHTS = (24, 32, 52)
_WORDY = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_MAX_RETRIES = 4


def _confident(lines: list[Line]) -> list[Line]:
    """Lines read well enough to be text: in list rows, icons and avatars read as weak lines."""
    return [ln for ln in lines if ln.confidence >= STRONG_LINE]


def _read_page(engine: OcrEngine, page: ListPage, todo: list[Segment]) -> set[int]:
    """Assign the page's lines to the segments; return the ids of segments a line read as part of another.

    An engine line that spans several segments of one text line (a number
    with wide blanks between its groups, a label and the time after it) goes
    to the segment sharing most of its area; the others it covers were read
    with it and must not be read again alone, or their characters would come
    back twice (``+86 186 1245 0874`` as ``+861 5 186 1 +86 186 1245 0874``).
    """
    found: list[list[tuple[float, str, float]]] = [[] for _ in todo]
    covered: set[int] = set()
    for line in _confident(engine.recognize(page.image)):
        lx0, ly0 = line.box.x, line.box.y
        lx1, ly1 = lx0 + line.box.w, ly0 + line.box.h
        hits = []
        inside = []
        for k, s in enumerate(todo):
            xo = min(lx1, s.x1) - max(lx0, s.x0)
            yo = min(ly1, s.y1) - max(ly0, s.y0)
            if xo > 0.3 * min(s.w, lx1 - lx0) and yo > 0.4 * min(s.h, ly1 - ly0):
                # the unit sharing most of the line's area: a unit stretched by a
                # stray piece of the line below must not take that line
                hits.append((xo * yo / max(1, s.h), k))
                if xo >= _COVERED * s.w and yo >= 0.5 * s.h:
                    inside.append(k)
        if hits:
            k = max(hits)[1]
            found[k].append((float(lx0), line.text, line.confidence))
            covered.update(id(todo[j]) for j in inside if j != k)
    for seg, parts in zip(todo, found, strict=True):
        parts.sort()
        seg.text = clean_line(" ".join(p[1] for p in parts))
        seg.confidence = float(np.mean([p[2] for p in parts])) if parts else 0.0
        seg.read = True
    by_id = {id(s): s for s in todo}
    return {c for c in covered if not by_id[c].text}


# A segment lying this much (of its width) inside a line the engine read for
# another segment was read as part of that line.
_COVERED = 0.8


def _read_stacked(
    engine: OcrEngine, page: ListPage, todo: list[Segment], *, target_h: float | list[float], pad_ratio: float
) -> None:
    pad = max(2, round(page.text_height * pad_ratio))
    heights = target_h if isinstance(target_h, list) else [target_h] * len(todo)
    crops: list[np.ndarray] = []
    for s, th in zip(todo, heights, strict=True):
        c = _normalised_crop(page, s, pad)
        # Each unit at the same glyph height: Tesseract's block mode (psm 6) expects
        # uniform text, and names are set larger than snippets.
        scale = th / max(1.0, s.h)
        if abs(scale - 1.0) > 0.1:
            c = cv2.resize(c, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC if scale > 1 else cv2.INTER_AREA)
        crops.append(c)
    target = max(heights)
    margin = round(target)
    gap = round(target * 1.2)
    width = max(c.shape[1] for c in crops) + 2 * margin
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) - 1) + 2 * margin
    canvas = np.full((height, width), 255, np.uint8)
    slots: list[tuple[int, int]] = []
    y = margin
    for c in crops:
        canvas[y : y + c.shape[0], margin : margin + c.shape[1]] = c
        slots.append((y, y + c.shape[0]))
        y += c.shape[0] + gap
    found: list[list[tuple[float, str, float]]] = [[] for _ in todo]
    # The canvas goes to the engine grey, as drawn: the same reading as in three
    # equal channels (checked line by line), with a third of the pixels to hand
    # over, and Tesseract reads it about a sixth faster.
    for line in _confident(engine.recognize(canvas)):
        cy = line.box.y + line.box.h / 2
        for k, (a, b) in enumerate(slots):
            if a - gap / 2 <= cy < b + gap / 2:
                found[k].append((float(line.box.x), line.text, line.confidence))
                break
    for seg, parts in zip(todo, found, strict=True):
        parts.sort()
        seg.text = clean_line(" ".join(p[1] for p in parts))
        seg.confidence = float(np.mean([p[2] for p in parts])) if parts else 0.0
        seg.read = True
