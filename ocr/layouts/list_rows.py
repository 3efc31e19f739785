"""Geometry and reading shared by the two list screens (SMS inbox, call log).

Both screens are a column of rows: an optional avatar or icon on the left, a
first line (the other party) that starts at a common left edge, one or two
smaller lines under it, and a time right-aligned at a common right edge. The
code below finds that structure from pixels alone, with every threshold
relative to the image width or to the measured text height, so that other
phones, scales and dark mode need no pixel constants:

1. foreground = distance from the background colour (any text colour on any
   background, dark mode included, without a separate inversion step);
2. connected pieces → text lines (vertical overlap) → segments (gaps wider than
   half a text height), avatars and dividers set apart by shape;
3. the text column's left edge is the most common left edge of lines; lines
   starting there are row content, everything else is chrome (title, search
   field, filter chips, tab bar) or an icon;
4. lines → rows: a divider or a gap clearly wider than the gaps inside rows
   starts a new row;
5. every segment worth reading is read in one engine call on a stacked canvas
   (one Tesseract subprocess per page instead of one per crop: STACK.md §3).

The layout modules then decide what each segment means (name, time, snippet,
duration) from the text read and from colour (missed calls are red).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr.layouts.base import PageContext
from ocr.model import Box
from ocr.page import Page
from ocr.recognition import Line, OcrEngine, PageMemo
from ocr.regions import STRONG_LINE
from ocr.text import clean_line, normalise_number

# --- data ----------------------------------------------------------------------


@dataclass(slots=True)
class Segment:
    """A run of ink on one text line (a word group), in page pixels, and what was read there."""

    x0: int
    y0: int
    x1: int
    y1: int
    text: str = ""
    confidence: float = 0.0
    read: bool = False

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class TextLine:
    y0: int
    y1: int
    segments: list[Segment]  # sorted by x
    main: list[Segment] = field(default_factory=list)  # from the text column's left edge on
    left: list[Segment] = field(default_factory=list)  # icons left of the text column

    @property
    def h(self) -> int:
        return self.y1 - self.y0


@dataclass(slots=True)
class Row:
    lines: list[TextLine]
    extra: list[Segment] = field(default_factory=list)  # right-side pieces on no text-column line

    @property
    def y0(self) -> int:
        return min(ln.y0 for ln in self.lines)

    @property
    def y1(self) -> int:
        return max(ln.y1 for ln in self.lines)

    def box(self) -> Box:
        segs = [s for ln in self.lines for s in ln.main] + self.extra
        x0 = min(s.x0 for s in segs)
        x1 = max(s.x1 for s in segs)
        y0 = min(s.y0 for s in segs)
        y1 = max(s.y1 for s in segs)
        return Box(x0, y0, x1 - x0, y1 - y0)


@dataclass(slots=True)
class ListPage:
    image: np.ndarray  # BGR
    ink: np.ndarray  # uint8 distance from the background colour, 0..255
    background: tuple[int, int, int]
    text_left: int
    text_height: float
    rows: list[Row]


# --- foreground ------------------------------------------------------------------

# A pixel is ink when it differs from the background by more than this (0..255,
# max over channels). Dividers, search fields and tab bars (10–30 away from the
# background) stay background; grey secondary text (≥ 100 away) is ink.
INK_THRESHOLD = 48


def background_colour(image: np.ndarray) -> tuple[int, int, int]:
    """The most common colour (coarsely binned): the list's background."""
    small = image[:: max(1, image.shape[0] // 400), :: max(1, image.shape[1] // 200)]
    q = (small // 8).reshape(-1, 3).astype(np.int32)
    keys = q[:, 0] * 1024 + q[:, 1] * 32 + q[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    k = int(vals[int(np.argmax(counts))])
    sel = small.reshape(-1, 3)[keys == k]
    b, g, r = (int(v) for v in np.median(sel, axis=0))
    return b, g, r


def ink_map(image: np.ndarray, bg: tuple[int, int, int]) -> np.ndarray:
    diff = np.abs(image.astype(np.int16) - np.array(bg, dtype=np.int16)[None, None, :])
    return diff.max(axis=2).astype(np.uint8)


# --- segmentation -------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def h(self) -> int:
        return self.y1 - self.y0


def _pieces(mask: np.ndarray, width: int) -> list[_Piece]:
    """Connected ink, bridged horizontally across the gaps inside a glyph and between glyphs."""
    kx = max(3, round(width * 0.008))
    dil = cv2.dilate(mask, np.ones((1, kx), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(dil, connectivity=8)
    out: list[_Piece] = []
    min_area = max(4, round((width / 360) ** 2 * 2))
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area < min_area:
            continue
        # undo the dilation's horizontal growth
        half = kx // 2
        x0, x1 = x + half, x + w - (kx - 1 - half)
        if x1 <= x0:
            x0, x1 = x, x + w
        out.append(_Piece(x0, y, x1, y + h))
    return out


def _group_lines(pieces: list[_Piece], text_h: float) -> list[list[_Piece]]:
    """Pieces → lines.

    Text-sized pieces share a line when they overlap vertically by half the
    smaller height and are of comparable height; small pieces (punctuation,
    dots) then join the line they overlap most, so they can never bridge two
    lines.
    """
    big = sorted((p for p in pieces if p.h >= 0.5 * text_h), key=lambda p: (p.y0 + p.y1) / 2)
    small = [p for p in pieces if p.h < 0.5 * text_h]
    parent = list(range(len(big)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(big):
        for j in range(i + 1, len(big)):
            b = big[j]
            if b.y0 >= a.y1 and b.y0 - a.y1 > text_h:
                break
            ov = min(a.y1, b.y1) - max(a.y0, b.y0)
            if ov >= 0.5 * min(a.h, b.h) and max(a.h, b.h) <= 1.8 * min(a.h, b.h):
                parent[find(j)] = find(i)
    groups: dict[int, list[_Piece]] = {}
    for i, p in enumerate(big):
        groups.setdefault(find(i), []).append(p)
    lines = list(groups.values())
    for p in small:
        best, best_ov = None, 0
        for g in lines:
            y0, y1 = min(q.y0 for q in g), max(q.y1 for q in g)
            ov = min(y1, p.y1) - max(y0, p.y0)
            if ov > best_ov:
                best, best_ov = g, ov
        if best is not None and best_ov >= 0.5 * p.h:
            best.append(p)
    return sorted(lines, key=lambda g: min(p.y0 for p in g))


def _segments(line: list[_Piece], gap: float) -> list[Segment]:
    line = sorted(line, key=lambda p: p.x0)
    out: list[Segment] = []
    for p in line:
        if out and p.x0 - out[-1].x1 <= gap:
            s = out[-1]
            s.x1 = max(s.x1, p.x1)
            s.y0 = min(s.y0, p.y0)
            s.y1 = max(s.y1, p.y1)
        else:
            out.append(Segment(p.x0, p.y0, p.x1, p.y1))
    return out


def analyse(image: np.ndarray, top: int | None = None) -> ListPage:
    """Find the rows of a list screen (geometry only; nothing is read yet).

    ``top`` is where the status bar ends (``ocr.page``); without it the top
    6.5 % of the height is taken for the status bar.
    """
    height, width = image.shape[:2]
    bg = background_colour(image)
    ink = ink_map(image, bg)
    mask = (ink > INK_THRESHOLD).astype(np.uint8)
    pieces = _pieces(mask, width)
    # The status bar sits above every list, in the top ~6% of a phone screen.
    if top is None:
        top = round(height * 0.065)
    pieces = [p for p in pieces if (p.y0 + p.y1) / 2 > top]
    if not pieces:
        return ListPage(image, ink, bg, 0, 0.0, [])
    heights = np.array([p.h for p in pieces if p.h > 2])
    text_h = float(np.median(heights)) if heights.size else 10.0
    dividers = [p for p in pieces if p.h <= max(2, text_h * 0.2) and (p.x1 - p.x0) > width * 0.4]
    pieces = [p for p in pieces if p not in dividers]
    text_left = _text_left(pieces, width, text_h)
    tol = max(3.0, width * 0.013)
    # Avatars, unread dots and direction icons live left of the text column; set
    # them apart so that a tall avatar cannot glue a row's lines together.
    left = [p for p in pieces if p.x1 <= text_left - 0.15 * text_h]
    pieces = [p for p in pieces if p.x1 > text_left - 0.15 * text_h]
    # Headings (a large bold title) are not rows; their loose strokes go with them.
    big = [p for p in pieces if p.h > text_h * 2.2]
    pieces = [p for p in pieces if p.h <= text_h * 2.2 and not any(
        b.y0 <= (p.y0 + p.y1) / 2 <= b.y1 and b.x0 - text_h <= (p.x0 + p.x1) / 2 <= b.x1 + text_h for b in big)]
    heights = np.array([p.h for p in pieces if p.h > 0.5 * text_h])
    text_h = float(np.percentile(heights, 60)) if heights.size else text_h

    lines: list[TextLine] = []
    for group in _group_lines(pieces, text_h):
        segs = _segments(group, gap=0.5 * max(p.h for p in group))
        lines.append(TextLine(min(s.y0 for s in segs), max(s.y1 for s in segs), segs))
    column: list[TextLine] = []
    for ln in lines:
        # A line may start a little right of the edge: a full-width 【 carries half an em of blank.
        idx = next((k for k, s in enumerate(ln.segments) if -tol <= s.x0 - text_left <= tol + 0.7 * text_h), None)
        if idx is None:
            continue
        ln.main = ln.segments[idx:]
        ln.y0 = min(s.y0 for s in ln.main)
        ln.y1 = max(s.y1 for s in ln.main)
        column.append(ln)
    # A line cut to a sliver by the screen edge or the header is not visible text.
    if column:
        med = float(np.median([ln.h for ln in column]))
        column = [ln for ln in column if ln.h >= 0.45 * med]
    for p in left:
        cy = (p.y0 + p.y1) / 2
        for ln in column:
            if ln.y0 <= cy <= ln.y1 and p.h <= 1.6 * ln.h:
                ln.left.append(Segment(p.x0, p.y0, p.x1, p.y1))
                break
    rows = _rows(column, dividers, text_h)
    _attach_extras(rows, lines, column, width)
    return ListPage(image, ink, bg, text_left, text_h, rows)


def _text_left(pieces: list[_Piece], width: int, text_h: float) -> int:
    """The most common left edge of text-sized pieces: where every row's text begins."""
    cands = [p.x0 for p in pieces if 0.6 * text_h <= p.h <= 1.8 * text_h and p.x1 - p.x0 >= 0.6 * text_h
             and p.x0 < width * 0.5]
    if not cands:
        return 0
    tol = max(3.0, width * 0.013)
    best, best_n = cands[0], 0
    for c in cands:
        n = sum(1 for d in cands if abs(d - c) <= tol)
        if n > best_n or (n == best_n and c < best):
            best, best_n = c, n
    if best_n == 1:
        # No two lines agree (a list of one row): an icon's corner and a word
        # tie, so each line votes for its start with the length of its text.
        best = _longest_line_start(pieces, width, text_h)
    near = [d for d in cands if abs(d - best) <= tol] or [best]
    return int(min(near))


def _longest_line_start(pieces: list[_Piece], width: int, text_h: float) -> int:
    sized = [p for p in pieces if 0.6 * text_h <= p.h <= 1.8 * text_h and p.x0 < width * 0.5]

    def run(p: _Piece) -> int:
        """The ink on ``p``'s line from ``p`` rightwards (a row's time column aside)."""
        return sum(q.x1 - q.x0 for q in sized if p.x0 <= q.x0 < width * 0.75 and p.y0 <= (q.y0 + q.y1) / 2 <= p.y1)

    return min(sized, key=lambda p: (-run(p), p.x0)).x0


def _rows(column: list[TextLine], dividers: list[_Piece], text_h: float) -> list[Row]:
    """Split text-column lines into rows at dividers and at gaps wider than the within-row ones."""
    if not column:
        return []
    gaps = [column[i].y0 - column[i - 1].y1 for i in range(1, len(column))]
    threshold = _gap_threshold(gaps, text_h)
    rows: list[Row] = [Row([column[0]])]
    for i in range(1, len(column)):
        prev, cur = column[i - 1], column[i]
        divided = any(prev.y1 <= (d.y0 + d.y1) / 2 <= cur.y0 for d in dividers)
        if divided or gaps[i - 1] > threshold:
            rows.append(Row([cur]))
        else:
            rows[-1].lines.append(cur)
    return rows


def _gap_threshold(gaps: list[int], text_h: float) -> float:
    """The gap between rows is several times the gap between lines of one row: split there."""
    fallback = 1.2 * text_h
    if len(gaps) < 2:
        return fallback
    s = sorted(gaps)
    best_ratio, cut = 0.0, fallback
    for a, b in itertools.pairwise(s):
        ratio = (b + 1) / (max(a, 0) + 1)
        if ratio > best_ratio:
            best_ratio, cut = ratio, (a + b) / 2
    if best_ratio >= 1.6 and 0.3 * text_h <= cut <= 4 * text_h:
        return cut
    return fallback


def _attach_extras(rows: list[Row], lines: list[TextLine], column: list[TextLine], width: int) -> None:
    """Right-side pieces on lines of their own (an iOS call time centred in its row) join their row."""
    ids = {id(ln) for ln in column}
    for ln in lines:
        if id(ln) in ids:
            continue
        for s in ln.segments:
            if s.x0 < width * 0.45:
                continue
            for r in rows:
                if r.y0 <= s.cy <= r.y1:
                    r.extra.append(s)
                    break


# --- colour -------------------------------------------------------------------------


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
) -> tuple[ListPage, dict[int, list[Segment]]]:
    """Find a list screen's rows and read them in one engine call.

    Both list layouts read a row the same way: its first line (name, time)
    without trailing icons, the lines below as the layout says (``lower_lines``,
    for at most ``max_lines - 1`` of them), and wide extras (a time on a line of
    its own). ``top`` is where the content starts (below the title bar of
    ``ocr.page``). Returns the page and the segments read, keyed by ``id(line)``.
    """
    page = analyse(image, top)
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


def hue_share(page: ListPage, box: tuple[int, int, int, int]) -> dict[str, float]:
    """Shares of the ink in ``box`` that is saturated red, green, blue or orange.

    Call logs mark missed calls in red and often colour the direction arrow;
    OpenCV hue is 0..180, red wraps around 0.
    """
    x0, y0, x1, y1 = box
    x0, y0 = max(0, x0), max(0, y0)
    crop = page.image[y0:y1, x0:x1]
    ink = page.ink[y0:y1, x0:x1] > INK_THRESHOLD
    n = int(ink.sum())
    if n == 0:
        return {"red": 0.0, "green": 0.0, "blue": 0.0, "orange": 0.0}
    hsv = cv2.cvtColor(crop, cv2.COLOR_BGR2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    sat = ink & (s > 90) & (v > 90)
    red = sat & ((h <= 8) | (h >= 165))
    orange = sat & (h > 8) & (h <= 25)
    green = sat & (h >= 40) & (h <= 85)
    blue = sat & (h >= 95) & (h <= 130)
    return {k: float(m.sum()) / n for k, m in (("red", red), ("green", green), ("blue", blue), ("orange", orange))}


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
        _read_page(engine, page, todo)
        todo = [s for s in todo if not s.text]
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


def _read_page(engine: OcrEngine, page: ListPage, todo: list[Segment]) -> None:
    found: list[list[tuple[float, str, float]]] = [[] for _ in todo]
    for line in _confident(engine.recognize(page.image)):
        lx0, ly0 = line.box.x, line.box.y
        lx1, ly1 = lx0 + line.box.w, ly0 + line.box.h
        hits = []
        for k, s in enumerate(todo):
            xo = min(lx1, s.x1) - max(lx0, s.x0)
            yo = min(ly1, s.y1) - max(ly0, s.y0)
            if xo > 0.3 * min(s.w, lx1 - lx0) and yo > 0.4 * min(s.h, ly1 - ly0):
                # the unit sharing most of the line's area: a unit stretched by a
                # stray piece of the line below must not take that line
                hits.append((xo * yo / max(1, s.h), k))
        if hits:
            k = max(hits)[1]
            found[k].append((float(lx0), line.text, line.confidence))
    for seg, parts in zip(todo, found, strict=True):
        parts.sort()
        seg.text = clean_line(" ".join(p[1] for p in parts))
        seg.confidence = float(np.mean([p[2] for p in parts])) if parts else 0.0
        seg.read = True


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
    for line in _confident(engine.recognize(cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR))):
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


# --- text helpers -------------------------------------------------------------------

_ELLIPSIS = re.compile(r"\s*(?:…|⋯|\.{2,}|。{2,}|·{2,}|\.·|·\.)+\s*$")
_DIGIT_LOOKALIKES = str.maketrans("OoIl|", "00111")
_NUMBERISH = re.compile(r"^[+\d][\d\sOoIl|\-()]*\d$")


def strip_ellipsis(text: str) -> str:
    """Remove the ``…`` an app puts where it cut a snippet (SCHEMA: not part of the text)."""
    return _ELLIPSIS.sub("", text).strip()


def sender_text(text: str) -> str:
    """A row's name as SCHEMA writes a sender: numbers without spaces or dashes."""
    s = text.strip().strip("|>·•")
    s = s.strip()
    # A dot OCR saw in the blank between a number's groups (``0471 .6543210``).
    spaced = re.sub(r"\s[.·,]|[.·,]\s", " ", s)
    if _NUMBERISH.match(spaced):
        s = spaced
    if _NUMBERISH.match(s):
        s = s.translate(_DIGIT_LOOKALIKES)
        return normalise_number(s)
    return s


def joined(segments: list[Segment]) -> str:
    """Segment texts of one line in reading order; ``clean_line`` drops the spaces OCR invents."""
    return clean_line(" ".join(s.text for s in segments if s.text))


def name_and_time(segments: list[Segment]) -> tuple[list[Segment], str | None, list[Segment]]:
    """Split a row's first line into the name and the time printed at its right end.

    The time is the right-most run of segments that reads as a time; anything
    right of it (a chevron, an info icon) is dropped. When OCR glued the two
    into one segment, the text is split instead (``split_trailing_time``).
    """
    from ocr.times import is_time_text, split_trailing_time

    n = len(segments)
    for end in range(n, 1, -1):
        for start in range(1, end):
            cand = joined(segments[start:end])
            if cand and is_time_text(cand):
                return segments[:start], cand, segments[start:end]
    # No separate time segment. Only when nothing wide separates the pieces can a
    # time be glued to the name; after a wide blank an unreadable time stays
    # unknown rather than half-read (a wrong day is worse than none).
    texts = [s for s in segments if s.text]
    if texts and len(_name_part(texts)) == len(texts):
        whole = joined(texts)
        split = split_trailing_time(whole) or _split_glued_time(whole)
        if split:
            name, t = split
            conf = mean_confidence(texts)
            keep = Segment(texts[0].x0, texts[0].y0, texts[-1].x1, texts[-1].y1, name, conf, True)
            return [keep], t, [Segment(texts[-1].x0, texts[-1].y0, texts[-1].x1, texts[-1].y1, t, conf, True)]
    return _name_part(_drop_icons(segments)), None, []


def _name_part(segments: list[Segment]) -> list[Segment]:
    """The leading segments up to the first wide blank: a name never has one inside,
    and what follows it (an unreadable time) must not be glued onto the sender."""
    out = segments[:1]
    for s in segments[1:]:
        if s.x0 - out[-1].x1 > 1.2 * max(s.h, out[-1].h):
            break
        out.append(s)
    return out


def _split_glued_time(text: str) -> tuple[str, str] | None:
    """``妈妈10:46`` → (``妈妈``, ``10:46``): the longest time that ends the text.

    Line-level OCR removes the blank between a Chinese name and the time (a
    space next to CJK is taken for an artefact), so the split is made by text.
    A split never falls inside a number or a date.
    """
    from ocr.times import is_time_text

    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (a.isdigit() and b.isdigit()) or a in "/-.年月:：" or b in "/-.:：日号":
            continue
        rest, cand = text[:i].strip(), text[i:].strip()
        if rest and cand and is_time_text(cand):
            return rest, cand
    return None


def _drop_icons(segments: list[Segment]) -> list[Segment]:
    """Trailing pieces that read as nothing word-like (icons) are not part of a name."""
    out = list(segments)
    while len(out) > 1 and not re.search(r"[\w\u3400-\u9fff]{2,}", out[-1].text):
        out.pop()
    return out


def without_trailing_icons(segments: list[Segment]) -> list[Segment]:
    """Drop chevrons, info circles and badges at the end of a row's first line.

    They are narrower than any time text (a time is at least two characters, so
    more than 1.4 text heights wide); the first segment is the name and is kept
    however short (a one-character name such as ``哥``).
    """
    out = list(segments)
    while len(out) > 1 and out[-1].w < 1.4 * out[-1].h:
        out.pop()
    return out


def whole_line(segments: list[Segment]) -> list[Segment]:
    """One unit spanning a line's segments (a snippet, a call's second line)."""
    if not segments:
        return []
    return [Segment(segments[0].x0, min(s.y0 for s in segments), segments[-1].x1, max(s.y1 for s in segments))]


def mean_confidence(segments: list[Segment]) -> float:
    """Character-weighted mean confidence of what was read (0 when nothing was)."""
    total = sum(len(s.text) for s in segments)
    if total == 0:
        return 0.0
    return sum(s.confidence * len(s.text) for s in segments) / total


def union_box(segments: list[Segment]) -> tuple[int, int, int, int]:
    return (min(s.x0 for s in segments), min(s.y0 for s in segments),
            max(s.x1 for s in segments), max(s.y1 for s in segments))
