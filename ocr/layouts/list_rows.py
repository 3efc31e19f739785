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
   (one Tesseract subprocess per page instead of one per crop: STACK.md §3),
   by :mod:`ocr.layouts.row_reading`; what the text of a piece means (a name,
   a time, a number) is :mod:`ocr.layouts.row_text`.

The layout modules then decide what each segment means (name, time, snippet,
duration) from the text read and from colour (missed calls are red).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr.model import Box
from ocr.preprocess import distance_from
from ocr.shapes import component_runs

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
    core: tuple[int, int] | None = None  # top and bottom of its text, badges aside (``_core``)

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
    return distance_from(image, bg)


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
    out: list[_Piece] = []
    min_area = max(4, round((width / 360) ** 2 * 2))
    for run_top, _, stats in component_runs(dil, 8):
        for x, ry, w, h, area in stats[1:].tolist():
            if area < min_area:
                continue
            y = run_top + ry
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
    lines = _join_strokes(list(groups.values()), text_h)
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


def _join_strokes(lines: list[list[_Piece]], text_h: float) -> list[list[_Piece]]:
    """A group lying within a taller line's height and touching it is a stroke of that line.

    A glyph's separate stroke (小's left dot beside a big name) is under
    half the glyph's height, too short to be grouped with it by size, yet
    no line of its own: as one it pushed the row's real second line past
    the lines the row is read by, and that line's words were lost.
    """
    def span(g: list[_Piece]) -> tuple[int, int, int, int]:
        return min(p.x0 for p in g), min(p.y0 for p in g), max(p.x1 for p in g), max(p.y1 for p in g)

    out = sorted(lines, key=lambda g: span(g)[3] - span(g)[1], reverse=True)
    k = len(out) - 1
    while k > 0:
        x0, y0, x1, y1 = span(out[k])
        for big in out[:k]:
            _, by0, _, by1 = span(big)
            inside = by0 <= y0 and y1 <= by1 and (y1 - y0) < by1 - by0
            if inside and any(p.x0 - x1 <= _STROKE_GAP * text_h and x0 - p.x1 <= _STROKE_GAP * text_h for p in big):
                big.extend(out.pop(k))
                break
        k -= 1
    return out


# How far apart a glyph's strokes may be found, in text heights (the blank
# inside 小, 川 at any size is well under half the glyph's height).
_STROKE_GAP = 0.3


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
    groups = _group_lines(pieces, text_h)
    for group in groups:
        segs = _segments(group, gap=0.5 * max(p.h for p in group))
        core = (_weighted_median([(p.y0, p.x1 - p.x0) for p in group]), _weighted_median([(p.y1, p.x1 - p.x0) for p in group]))
        lines.append(TextLine(min(s.y0 for s in segs), max(s.y1 for s in segs), segs, core=core))
    column: list[TextLine] = []
    for ln in lines:
        # A line may start a little right of the edge: a full-width 【 carries half an em of blank
        # (and more, rounded, on a downscaled screen).
        idx = next((k for k, s in enumerate(ln.segments) if -tol <= s.x0 - text_left <= tol + BRACKET_BLANK * text_h), None)
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
    # text left of the column on no row's line: a header at the margin, a row slid left
    margin = _group_lines([p for p in left if 0.5 * text_h <= p.h <= 1.8 * text_h and not any(
        min(p.y1, ln.y1) - max(p.y0, ln.y0) >= 0.5 * p.h for ln in lines)], text_h)
    lines += [TextLine(min(p.y0 for p in g), max(p.y1 for p in g), _segments(g, 0.5 * max(p.h for p in g)))
              for g in margin]
    groups += margin
    from ocr.layouts.shifted_rows import absorb_shifted_halves, shifted_rows  # they build on this module

    shifted = shifted_rows(rows, lines, groups, column, left, text_h, width, ink)
    if shifted:
        rows = absorb_shifted_halves(shifted, rows, lines, groups, left, text_h, width)
        rows = sorted(rows + shifted, key=lambda r: r.y0)
        column = column + [ln for r in shifted for ln in r.lines]
    _attach_extras(rows, lines, column, width)
    return ListPage(image, ink, bg, text_left, text_h, rows)


# How far right of the column's edge a line may start, in text heights: 【 and
# （ carry half an em of blank, a downscaled screen rounds it up.
BRACKET_BLANK = 1.0


def _text_left(pieces: list[_Piece], width: int, text_h: float) -> int:
    """The most common left edge of text-sized pieces: where every row's text begins."""
    sized = [p for p in pieces if 0.6 * text_h <= p.h <= 1.8 * text_h and p.x1 - p.x0 >= 0.6 * text_h
             and p.x0 < width * 0.5]
    # Only where a run of text starts votes: a number drawn in groups (155 8532
    # 6979) on a monospaced dialer lines its later groups up row after row,
    # while its first group's narrow 1 is no candidate at all.
    starts = _run_starts(sized, pieces, text_h)
    cands = [p.x0 for p, first in zip(sized, starts, strict=True) if first]
    if not cands:
        return 0
    tol = max(3.0, width * 0.013)
    best, best_n = cands[0], 0
    for c in cands:
        n = sum(1 for d in cands if abs(d - c) <= tol)
        if n > best_n or (n == best_n and c < best):
            best, best_n = c, n
    # A line that starts with 【 or （ starts up to an em right of the edge (the
    # bracket's own blank): when most snippets start so, the names' edge just
    # left of it, nearly as common, is the column's.
    left_of = [c for c in cands if tol < best - c <= tol + BRACKET_BLANK * text_h]
    for c in sorted(left_of):
        n = sum(1 for d in cands if abs(d - c) <= tol)
        if 2 * n >= best_n:
            best, best_n = c, n
            break
    if best_n == 1:
        # No two lines agree (a list of one row): an icon's corner and a word
        # tie, so each line votes for its start with the length of its text.
        best = _longest_line_start(pieces, width, text_h)
    near = [d for d in cands if abs(d - best) <= tol] or [best]
    return int(min(near))


def _run_starts(sized: list[_Piece], pieces: list[_Piece], text_h: float) -> list[bool]:
    """For each of ``sized``: whether no other piece on its line ends less than a word space before it."""
    if not sized:
        return []
    x1 = np.array([q.x1 for q in pieces])
    y0 = np.array([q.y0 for q in pieces])
    y1 = np.array([q.y1 for q in pieces])
    h = y1 - y0
    out = []
    for p in sized:
        gap = p.x0 - x1
        overlap = np.minimum(p.y1, y1) - np.maximum(p.y0, y0)
        before = (gap >= 0) & (gap < WORD_SPACE * text_h) & (overlap > 0.5 * np.minimum(p.h, h))
        out.append(not bool(before.any()))
    return out


# A word space, in text heights: digit groups and CJK glyphs of one run sit closer.
WORD_SPACE = 0.5


def _longest_line_start(pieces: list[_Piece], width: int, text_h: float) -> int:
    sized = [p for p in pieces if 0.6 * text_h <= p.h <= 1.8 * text_h and p.x0 < width * 0.5]

    def run(p: _Piece) -> int:
        """The ink on ``p``'s line from ``p`` rightwards (a row's time column aside)."""
        return sum(q.x1 - q.x0 for q in sized if p.x0 <= q.x0 < width * 0.75 and p.y0 <= (q.y0 + q.y1) / 2 <= p.y1)

    return min(sized, key=lambda p: (-run(p), p.x0)).x0


def _core(ln: TextLine) -> tuple[int, int]:
    """A line's vertical extent from its text alone.

    An unread badge (a round count bubble) or an icon beside the text
    stretches the line's box towards its neighbour; gaps measured on such
    boxes make one gap far smaller than the others, and the row split then
    falls between a row's own lines. Text takes most of a line's width, a
    badge little: the top and bottom are the medians of the line's pieces'
    tops and bottoms, weighted by width (pieces, not segments: a badge may
    be glued to the snippet's last segment).
    """
    if ln.core is not None:
        return ln.core
    segs = ln.main or ln.segments
    return _weighted_median([(s.y0, s.w) for s in segs]), _weighted_median([(s.y1, s.w) for s in segs])


def _weighted_median(values: list[tuple[int, int]]) -> int:
    total = sum(w for _, w in values)
    acc = 0
    for v, w in sorted(values):
        acc += w
        if 2 * acc >= total:
            return v
    return values[-1][0]


def _rows(column: list[TextLine], dividers: list[_Piece], text_h: float) -> list[Row]:
    """Split text-column lines into rows at dividers and at gaps wider than the within-row ones."""
    if not column:
        return []
    cores = [_core(ln) for ln in column]
    gaps = [cores[i][0] - cores[i - 1][1] for i in range(1, len(column))]
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
