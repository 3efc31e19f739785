"""Long screenshots of every layout, stitched from skin screens, read against their labels (Tesseract).

Each is 5 × its width tall or more: several tiles, so bubbles and rows lie
across tile edges. Every unit is read once (no two readings overlap), the
one-to-one thread's title names every incoming bubble however far down, and
recall, sender, date and text hold as on single screens.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import pytest

from ocr.extract import extract
from ocr.long_page import find_chrome, plan_tiles
from ocr.model import Extraction
from tests.ocr import scoring
from tests.ocr.long_render import LongShot, render_long

# Each layout's seed (any seed works; these are fixed so a failure replays).
SEEDS = {"sms_thread": 1, "chat_thread": 1, "sms_inbox": 1, "call_log": 1}


Read = tuple[LongShot, Extraction, dict[str, float]]


@functools.cache
def _read(layout: str) -> Read:
    """Rendered and read once per layout for all the tests below."""
    shot = render_long(SEEDS[layout], layout)
    out = extract(shot.image, shot.captured_at, name=f"long_{layout}.png", engine="tesseract")
    return shot, out, scoring.summarise(scoring.score_image(shot.gold, out.to_json()))


@pytest.mark.parametrize("layout", list(SEEDS))
def test_the_layout_and_most_units_are_read(layout: str) -> None:
    shot, out, s = _read(layout)
    h, w = shot.image.shape[:2]
    assert h >= 5 * w and len(plan_tiles(h, w, find_chrome(shot.image))) >= 3
    assert out.layout is not None and out.layout.value == shot.gold["layout"]
    assert s["recall"] >= 0.9, s
    assert s["precision"] >= 0.9, s  # a unit read in two tiles would be an extra message
    assert s["sender_acc"] >= 0.9, s
    assert s["date_acc"] >= 0.9, s
    if shot.gold["layout"] != "call_log":  # a call's text is its duration (see the lead's note)
        assert s["cer"] <= 0.05, s


@pytest.mark.parametrize("layout", list(SEEDS))
def test_a_unit_cut_by_a_tile_edge_is_read_once(layout: str) -> None:
    shot, out, _ = _read(layout)
    h, w = shot.image.shape[:2]
    tiles = plan_tiles(h, w, find_chrome(shot.image))
    edges = [t.bottom for t in tiles[:-1]] + [t.top for t in tiles[1:]]
    boxes = sorted((m.box for m in out.messages if m.box is not None), key=lambda b: b.y)
    assert any(b.y < e < b.y + b.h for b in boxes for e in edges), "no unit lies across a tile edge"
    for a, b in itertools.pairwise(boxes):
        assert a.y + a.h <= b.y + 0.5 * min(a.h, b.h), (a, b)  # stacked, never one unit twice


@pytest.mark.parametrize("layout", ["sms_thread", "chat_thread"])
def test_the_thread_title_names_every_incoming_bubble(layout: str) -> None:
    shot, out, _ = _read(layout)
    w = shot.image.shape[1]
    title = shot.gold["thread_title"]
    assert scoring.norm_sender(out.thread_title) == scoring.norm_sender(title)
    incoming: list[Any] = [m for m in out.messages if m.direction.value == "incoming"]
    assert any(m.box is not None and m.box.y > 3 * w for m in incoming)  # far below the title
    assert all(scoring.norm_sender(m.sender) == scoring.norm_sender(title) for m in incoming)
