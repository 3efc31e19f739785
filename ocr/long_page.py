"""Long (scrolling) screenshots — 长截图: tiles, overlap dedupe, one title for a thread.

A 1080 × 20,000 screenshot is read as screen-sized tiles so time and memory
grow with one tile, not with the height. Tiles overlap by a fraction of the
width so a bubble or row cut by one tile's edge lies whole in the next; a
unit read in two tiles is kept once, by its position on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ocr.model import Direction, ExtractedMessage, Extraction, Layout, UnassignedLine

# A phone screen is about 2.2 × its width tall; a page taller than this many
# widths is a scrolling capture, read in tiles.
LONG_ASPECT = 3.0
# One tile is about one screen (2.2 × the width), as the layouts were tuned on.
TILE_ASPECT = 2.2
# Overlap between tiles: taller than the tallest ordinary bubble of one
# screen (about a third of the width at phone scale).
OVERLAP_RATIO = 0.35
# Two readings of one unit start within this fraction of the width of each other.
SAME_UNIT_RATIO = 0.04


@dataclass(frozen=True)
class Tile:
    """Rows ``top``..``bottom`` of the page; ``first``/``last`` carry the real chrome."""

    top: int
    bottom: int
    first: bool
    last: bool


def is_long(height: int, width: int) -> bool:
    """A scrolling capture: much taller than any phone screen."""
    return width > 0 and height > LONG_ASPECT * width


def plan_tiles(height: int, width: int) -> list[Tile]:
    """Screen-sized tiles covering the page, consecutive ones overlapping by ``OVERLAP_RATIO`` × width."""
    tile_h = max(1, round(TILE_ASPECT * width))
    if height <= tile_h:
        return [Tile(0, height, True, True)]
    step = max(1, tile_h - round(OVERLAP_RATIO * width))
    tops = [*range(0, height - tile_h, step), height - tile_h]
    return [Tile(t, t + tile_h, i == 0, i == len(tops) - 1) for i, t in enumerate(tops)]


def merge_tiles(per_tile: list[tuple[Tile, list[ExtractedMessage]]], width: int) -> list[ExtractedMessage]:
    """Messages of all tiles in page order (boxes already in page coordinates), each unit once.

    A unit read twice (in the overlap of two tiles) starts at the same place;
    the reading with the taller box wins (the other saw it cut by an edge).
    """
    near = max(2, round(SAME_UNIT_RATIO * width))
    kept: list[ExtractedMessage] = []
    for _tile, messages in per_tile:
        for msg in messages:
            if msg.box is None:
                kept.append(msg)
                continue
            dup = next(
                (
                    i
                    for i, k in enumerate(kept)
                    if k.box is not None
                    and abs(k.box.y - msg.box.y) <= near
                    and abs(k.box.x - msg.box.x) <= near
                ),
                None,
            )
            if dup is None:
                kept.append(msg)
            else:
                old = kept[dup].box
                if old is None or msg.box.h > old.h:
                    kept[dup] = msg
    return sorted(kept, key=lambda m: m.box.y if m.box is not None else 0)


def title_as_sender(messages: list[ExtractedMessage], title: str | None) -> None:
    """In a one-to-one thread the title names the sender of every incoming bubble, however far down."""
    if not title:
        return
    for msg in messages:
        if msg.direction == Direction.INCOMING and not msg.sender:
            msg.sender = title


def read_long(
    img: np.ndarray,
    out: Extraction,
    read_tile: Callable[[np.ndarray, Extraction, Layout | None], None],
    forced: Layout | None,
) -> None:
    """Read a tall page tile by tile (views into the one decoded array), merged into ``out``.

    The first tile decides the layout and carries the real title; later tiles
    are read as that layout and their "title" (a bubble under the tile's top
    edge) is not trusted: the top title names every incoming bubble.
    """
    h, w = img.shape[:2]
    per_tile: list[tuple[Tile, list[ExtractedMessage]]] = []
    leftovers: list[UnassignedLine] = []
    layout = forced
    for tile in plan_tiles(h, w):
        part = replace(out, messages=[], unassigned=[], layout_scores={})
        read_tile(img[tile.top : tile.bottom], part, layout)
        if tile.first:
            layout = part.layout
            out.layout, out.layout_scores, out.thread_title = (
                part.layout,
                part.layout_scores,
                part.thread_title,
            )
        for m in part.messages:
            if m.box is not None:
                m.box = replace(m.box, y=m.box.y + tile.top)
        shifted = [replace(u, box=replace(u.box, y=u.box.y + tile.top)) for u in part.unassigned]
        per_tile.append((tile, part.messages))
        leftovers.extend(u for u in shifted if not any(abs(k.box.y - u.box.y) <= 4 for k in leftovers))
    out.messages = merge_tiles(per_tile, w)
    if out.layout in (Layout.SMS_THREAD, Layout.CHAT_THREAD) and out.thread_title:
        for m in out.messages:
            if m.direction == Direction.INCOMING:
                m.sender = out.thread_title
    out.unassigned = leftovers
