"""Long (scrolling) screenshots — 长截图: screen-sized tiles, overlap dedupe, one title for a thread.

A 1080 × 20,000 screenshot is read as screen-sized tiles so time and memory
grow with one tile, not with the height. Each tile is made to look like the
phone screen the layouts were tuned on: the capture's real title bar on top,
a slice of the scrolled content, the real input or navigation bar below. So
a slice in the middle never has a bubble taken for a title bar, every tile
reads the one-to-one thread's real title, and a bubble under a slice's edge
is cut the way a scrolled screen cuts it.

Slices overlap by more than the tallest ordinary bubble or row, so every
unit lies whole in some slice; a unit read in two slices (whole in one, cut
in the other) is kept once, the taller reading, by where its box lies on the
page. A bubble under a time separator that lies above its slice takes the
time the bubble before it took from that separator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ocr.model import Box, Direction, ExtractedMessage, Extraction, Layout, UnassignedLine
from ocr.page import analyse

# A phone screen is about 2.2 × its width tall; a page taller than this many
# widths is a scrolling capture, read in tiles.
LONG_ASPECT = 3.0
# One tile is about one screen (2.2 × the width), as the layouts were tuned on.
TILE_ASPECT = 2.2
# Overlap between slices: taller than the tallest ordinary bubble or row of one
# screen (about a third of the width at phone scale).
OVERLAP_RATIO = 0.35
# Two readings of one unit overlap vertically by at least this share of the
# shorter one (distinct bubbles and rows are stacked, never overlapping).
SAME_UNIT_OVERLAP = 0.5
# A title or input bar taller than this share of the width is not one (a
# detection gone wrong on an unusual capture): the tile gets no chrome then.
MAX_BAR_RATIO = 0.5
# The least content a tile shows, as a share of the width, whatever the bars take.
MIN_SLICE_RATIO = 0.8
THREADS = (Layout.SMS_THREAD, Layout.CHAT_THREAD)


@dataclass(frozen=True)
class Tile:
    """Page rows ``top``..``bottom`` of content; ``first``/``last`` at the page's ends."""

    top: int
    bottom: int
    first: bool
    last: bool


@dataclass(frozen=True)
class Chrome:
    """The capture's own bars: rows 0..``header`` on top, ``footer``..height at the bottom."""

    header: int
    footer: int


def is_long(height: int, width: int) -> bool:
    """A scrolling capture: much taller than any phone screen."""
    return width > 0 and height > LONG_ASPECT * width


def plan_tiles(height: int, width: int, chrome: Chrome | None = None) -> list[Tile]:
    """Slices covering the content between the bars, each with the bars about one screen tall,
    consecutive ones overlapping by ``OVERLAP_RATIO`` × width."""
    top, bottom = (chrome.header, chrome.footer) if chrome else (0, height)
    bars = top + height - bottom
    slice_h = max(round(MIN_SLICE_RATIO * width), round(TILE_ASPECT * width) - bars, 1)
    if bottom - top <= slice_h:
        return [Tile(top, bottom, True, True)]
    step = max(1, slice_h - round(OVERLAP_RATIO * width))
    tops = [*range(top, bottom - slice_h, step), bottom - slice_h]
    return [Tile(t, t + slice_h, i == 0, i == len(tops) - 1) for i, t in enumerate(tops)]


def find_chrome(img: np.ndarray) -> Chrome:
    """The title bar (found on the first screen's worth) and the bottom bar (on the last)."""
    h, w = img.shape[:2]
    screen = min(h, round(TILE_ASPECT * w))
    header = analyse(img[:screen]).header_bottom
    footer = analyse(img[h - screen :]).footer_top + h - screen
    limit = MAX_BAR_RATIO * w
    return Chrome(header if 0 <= header <= limit else 0, footer if 0 <= h - footer <= limit else h)


def _same_unit(a: Box, b: Box) -> bool:
    dy = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    dx = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    return dx > 0 and dy >= SAME_UNIT_OVERLAP * min(a.h, b.h)


def _keep_time(into: ExtractedMessage, other: ExtractedMessage) -> None:
    """A reading cut by an edge may have seen the separator the whole one did not: keep it."""
    if into.time is None and into.date is None and (other.time is not None or other.date is not None):
        into.time, into.date, into.time_source, into.time_text = other.time, other.date, other.time_source, other.time_text


def merge_tiles(per_tile: list[tuple[Tile, list[ExtractedMessage]]], width: int) -> list[ExtractedMessage]:
    """Messages of all tiles in page order (boxes already in page coordinates), each unit once.

    A unit read twice (in the overlap of two tiles) overlaps itself; the
    reading with the taller box wins (the other saw it cut by an edge).
    """
    del width  # units are matched by overlap, whatever the scale
    kept: list[ExtractedMessage] = []
    for _tile, messages in per_tile:
        for msg in messages:
            if msg.box is None:
                kept.append(msg)
                continue
            box = msg.box
            dup = next((i for i, k in enumerate(kept) if k.box is not None and _same_unit(k.box, box)), None)
            if dup is None:
                kept.append(msg)
                continue
            old = kept[dup]
            if old.box is None or box.h > old.box.h:
                _keep_time(msg, old)
                kept[dup] = msg
            else:
                _keep_time(old, msg)
    return sorted(kept, key=lambda m: m.box.y if m.box is not None else 0)


def title_as_sender(messages: list[ExtractedMessage], title: str | None) -> None:
    """In a one-to-one thread the title names the sender of every incoming bubble, however far down."""
    if not title:
        return
    for msg in messages:
        if msg.direction == Direction.INCOMING and not msg.sender:
            msg.sender = title


def carry_separator_times(messages: list[ExtractedMessage], orphans: set[int]) -> None:
    """Bubbles read above the first time of their tile take the time of the bubble before them.

    In a thread a separator's time names every bubble under it; a slice that
    starts below the separator shows its bubbles without one. ``orphans`` are
    the ids of such readings.
    """
    before: ExtractedMessage | None = None
    for m in messages:
        if id(m) in orphans and m.time is None and m.date is None and before is not None:
            m.time, m.date, m.time_source, m.time_text = before.time, before.date, before.time_source, before.time_text
        if m.time is not None or m.date is not None:
            before = m


def _screen(img: np.ndarray, chrome: Chrome, tile: Tile) -> np.ndarray:
    """The tile as a phone screen: the title bar, the slice, the bottom bar (one small copy)."""
    parts = [img[: chrome.header], img[tile.top : tile.bottom], img[chrome.footer :]]
    return np.vstack([p for p in parts if p.shape[0] > 0])


def _to_page(y: int, chrome: Chrome, tile: Tile) -> int:
    """A row of the tile's screen → the row of the page."""
    if y < chrome.header:
        return y
    if y < chrome.header + tile.bottom - tile.top:
        return y - chrome.header + tile.top
    return y - chrome.header - (tile.bottom - tile.top) + chrome.footer


def read_long(
    img: np.ndarray,
    out: Extraction,
    read_tile: Callable[[np.ndarray, Extraction, Layout | None], None],
    forced: Layout | None,
) -> None:
    """Read a tall page tile by tile, merged into ``out``.

    The first tile decides the layout; later tiles are read as that layout.
    """
    h, w = img.shape[:2]
    chrome = find_chrome(img)
    per_tile: list[tuple[Tile, list[ExtractedMessage]]] = []
    leftovers: list[UnassignedLine] = []
    orphans: set[int] = set()
    layout = forced
    for tile in plan_tiles(h, w, chrome):
        part = replace(out, messages=[], unassigned=[], layout_scores={})
        read_tile(_screen(img, chrome, tile), part, layout)
        if tile.first:
            layout = part.layout
            out.layout, out.layout_scores, out.thread_title = part.layout, part.layout_scores, part.thread_title
        if out.thread_title is None and part.thread_title:
            out.thread_title = part.thread_title
        for m in part.messages:
            if m.box is not None:
                m.box = replace(m.box, y=_to_page(m.box.y, chrome, tile))
        for m in part.messages:  # in page order: those before the tile's first time
            if m.time is not None or m.date is not None:
                break
            orphans.add(id(m))
        shifted = [replace(u, box=replace(u.box, y=_to_page(u.box.y, chrome, tile))) for u in part.unassigned]
        per_tile.append((tile, part.messages))
        leftovers.extend(u for u in shifted if not any(abs(k.box.y - u.box.y) <= 4 for k in leftovers))
    out.messages = merge_tiles(per_tile, w)
    if out.layout in THREADS:
        carry_separator_times(out.messages, orphans)
        if out.thread_title:
            for m in out.messages:
                if m.direction == Direction.INCOMING:
                    m.sender = out.thread_title
    out.unassigned = leftovers
