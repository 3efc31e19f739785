"""Rows that do not start at the text column: a row swiped sideways, a section header at the margin.

Split from :mod:`ocr.layouts.list_rows` (the geometry of a list page), whose
``analyse`` calls these once the column's rows are known.
"""

from __future__ import annotations

import numpy as np

from ocr.layouts.list_rows import INK_THRESHOLD, Row, Segment, TextLine, _Piece, _segments

# A row swiped right starts up to about a third of a narrow screen further right
# (its action button is ~100 dp); a line starting further right is a time or a label.
SHIFTED_MAX_START = 0.6


def shifted_rows(rows: list[Row], lines: list[TextLine], groups: list[list[_Piece]], column: list[TextLine],
                 left: list[_Piece], text_h: float, width: int, ink: np.ndarray | None = None) -> list[Row]:
    """Rows that do not start at the text column: a row swiped sideways, a section header.

    A swiped row slides its text left or right to show action buttons (the
    buttons are filled blocks and fall out as headings); a section header
    (今天 / Yesterday) starts at the screen margin, left of a column that
    avatars push right. Such lines lie between the column's rows. Lines with
    a common left edge and row-like gaps become one row, read like any other.
    Only the list's own band counts, between the first row and the last: what
    sits higher (tabs, a search field, a notification) or lower (a tab bar)
    is chrome; except the one line right above the first row, which may be
    the section header that dates it (昨天 over a scrolled list). The parsers
    tell a header from chips by its text.
    """
    if not rows:
        return []
    ids = {id(ln) for ln in column}
    first_top = rows[0].y0
    med = float(np.median([ln.h for ln in column]))
    tol = max(3.0, width * 0.013) + 0.7 * text_h
    cands: list[TextLine] = []
    for ln, group in zip(lines, groups, strict=True):
        if id(ln) in ids or any(r.y0 - 0.2 * text_h <= (ln.y0 + ln.y1) / 2 <= r.y1 + 0.2 * text_h for r in rows):
            continue
        segs = _with_left(ln, group, left, text_h)  # a row swiped left keeps its start
        if segs[0].x0 >= width * SHIFTED_MAX_START or not (0.45 * med <= ln.h <= 1.8 * med):
            continue
        ln.segments = ln.main = segs
        ln.y0, ln.y1 = min(s.y0 for s in segs), max(s.y1 for s in segs)
        cands.append(ln)
    out: list[Row] = []
    for ln in sorted(cands, key=lambda ln: ln.y0):
        prev = out[-1].lines[-1] if out else None
        between = prev is not None and any(prev.y1 <= c.y0 and c.y1 <= ln.y0 for c in column)
        if (prev is not None and not between and ln.y0 - prev.y1 <= 1.2 * text_h
                and _same_start(ln, prev, tol, text_h)):
            out[-1].lines.append(ln)
        else:
            out.append(Row([ln]))
    last_bottom = rows[-1].y1
    inside = [r for r in out if r.y0 >= first_top and r.y1 <= last_bottom]
    # A section header (今天 / Yesterday) right above the first row gives the rows
    # under it their day: the one line nearest above, as close as a header sits.
    # A search field's text is not one: it sits in a filled box.
    above = [r for r in out if r.y1 <= first_top and len(r.lines) == 1]
    if above and first_top - above[-1].y1 <= HEADER_GAP * text_h and not _in_a_field(above[-1], ink, text_h):
        inside.insert(0, above[-1])
    return inside


# Ink distance (0..255) of a filled field's colour from the page's: a search box
# or a chip is drawn 10–30 away from the background, the background itself ~0.
_FIELD_FILL = 6


def _in_a_field(row: Row, ink: np.ndarray | None, text_h: float) -> bool:
    """Whether the blank just left and right of the row's line differs from the background (a filled box)."""
    if ink is None:
        return False
    ln = row.lines[0]
    pad = max(2, round(0.3 * text_h))
    x0, x1 = ln.main[0].x0, ln.main[-1].x1
    y0, y1 = ln.y0, ln.y1
    strips = [ink[y0:y1, max(0, x0 - 3 * pad) : max(0, x0 - pad)], ink[y0:y1, x1 + pad : x1 + 3 * pad]]
    blank = np.concatenate([s[s <= INK_THRESHOLD].ravel() for s in strips if s.size])
    return bool(blank.size) and float(np.median(blank)) > _FIELD_FILL


# How far above the first row a section header may end, in text heights: the
# headers drawn by the phones we know leave 1–3 text heights before the row.
HEADER_GAP = 3.5


def absorb_shifted_halves(shifted: list[Row], rows: list[Row], lines: list[TextLine], groups: list[list[_Piece]],
                          left: list[_Piece], text_h: float, width: int) -> list[Row]:
    """A swiped row's line that a blank happened to put at the column edge joins its row.

    ``星河速借: your payment…`` slid left can leave ``your`` exactly where the
    column begins: that line then passes for a row of its own and its start
    for icons. A column row right above or below a shifted row, whose line
    starts (its left pieces included) where the shifted row starts, is that
    row's other half. Returns the rows that remain.
    """
    group_of = {id(ln): g for ln, g in zip(lines, groups, strict=True)}
    tol = max(3.0, width * 0.013) + 0.7 * text_h
    gone: set[int] = set()
    for sr in shifted:
        x = sr.lines[0].main[0].x0
        for r in rows:
            near = 0 <= r.y0 - sr.y1 <= 1.2 * text_h or 0 <= sr.y0 - r.y1 <= 1.2 * text_h
            if id(r) in gone or not near:
                continue
            rebuilt = [_with_left(ln, group_of[id(ln)], left, text_h) for ln in r.lines]
            if all(segs[0].x0 < r.lines[0].main[0].x0 and abs(segs[0].x0 - x) <= tol for segs in rebuilt):
                for ln, segs in zip(r.lines, rebuilt, strict=True):
                    ln.segments = ln.main = segs
                    ln.left = []
                sr.lines = sorted(sr.lines + r.lines, key=lambda ln: ln.y0)
                gone.add(id(r))
    return [r for r in rows if id(r) not in gone]


def _with_left(ln: TextLine, group: list[_Piece], left: list[_Piece], text_h: float) -> list[Segment]:
    """A line's segments with the text-sized pieces left of the column on it put back."""
    extra = [p for p in left if text_h * 0.5 <= p.h <= 1.8 * text_h and min(p.y1, ln.y1) - max(p.y0, ln.y0) >= 0.5 * p.h]
    return _segments(group + extra, gap=0.5 * max(p.h for p in group)) if extra else ln.segments




def _same_start(a: TextLine, b: TextLine, tol: float, text_h: float) -> bool:
    """Whether two lines start at one edge, a small icon before either (a call's arrow) aside."""
    def starts(ln: TextLine) -> list[int]:
        out = [ln.main[0].x0]
        if len(ln.main) > 1 and ln.main[0].w <= 1.2 * text_h:
            out.append(ln.main[1].x0)
        return out

    return any(abs(x - y) <= tol for x in starts(a) for y in starts(b))
