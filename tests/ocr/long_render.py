"""Long (scrolling) screenshots stitched from skin screens, with their labels.

A phone's 长截图 is screen after screen of one conversation or list under
one title bar, with the input bar (or the navigation bar) once at the bottom.
This stacks the content of several screens drawn by ``tests.ocr.skins`` in one
skin, under the chrome of the first, and labels every message the way
``tests.ocr.skins.screen`` labels one screen. In a one-to-one thread the
title is drawn once, at the top: every incoming bubble's sender is that title,
however far down it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from tests.ocr.skins import content, screen
from tests.ocr.skins.canvas import Item, Rect
from tests.ocr.skins.skin import CHAT_FAMILIES, PHONE_FAMILIES, draw_skin

THREADS = ("sms_thread", "chat_thread")
# Long screenshots are taken on the phone at its full width (1080 px on most Android phones).
MIN_WIDTH, MAX_WIDTH = 1000, 1200


@dataclass(frozen=True)
class LongShot:
    image: np.ndarray  # BGR
    gold: dict[str, Any]
    captured_at: datetime
    # Where each stitched screen's content starts (image rows): the seams between screens.
    seams: tuple[int, ...]


def _batch(sk: Any, seed: int, k: int, cap: datetime, layout: str) -> tuple[list[Item], dict[str, Any]]:
    """One screen's worth of content; a thread's is one-to-one (a group names its senders itself)."""
    for attempt in range(40):
        rng = random.Random(f"screenproof-long:{seed}:{k}:{attempt}")
        if layout in THREADS:
            items, info = content.thread_items(sk, rng, cap, True, layout)
            if info.get("group"):
                continue
        else:
            items, info = content.list_items(sk, rng, cap, True, layout)
        return items, info
    raise RuntimeError(f"seed {seed}: no one-to-one thread in 40 draws")


def render_long(seed: int, layout: str, *, min_aspect: float = 5.0, family: str | None = None) -> LongShot:
    """A long screenshot at least ``min_aspect`` × its width tall, of ``layout``, in one skin."""
    thread = layout in THREADS
    for attempt in range(100):  # a phone's own capture: full width (about 1080 px), not a forwarded copy
        rng = random.Random(f"screenproof-long:{seed}:{attempt}")
        sk = draw_skin(rng, family or rng.choice(CHAT_FAMILIES if layout == "chat_thread" else PHONE_FAMILIES))
        if MIN_WIDTH <= sk.width <= MAX_WIDTH:
            break
    cap = screen._capture(rng)
    batches: list[tuple[list[Item], dict[str, Any]]] = []
    while sum(float(i["content_h"]) for _, i in batches) < min_aspect * sk.width:
        batches.append(_batch(sk, seed, len(batches), cap, layout))
    first = batches[0][1]
    chrome_seed = rng.random()
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    top, bottom, _ = screen._chrome(scratch, sk, random.Random(chrome_seed), layout, first, cap, False)
    below = sk.height - bottom
    tall = replace(sk, height=int(top + sum(float(i["content_h"]) for _, i in batches) + below))
    img = Image.new("RGB", (tall.width, tall.height), tall.bg)
    d = ImageDraw.Draw(img)
    vt, vb = float(top), float(tall.height - below)
    covers: list[Rect] = [(-screen.EDGE, -screen.EDGE, 0, screen.EDGE), (tall.width, -screen.EDGE, screen.EDGE, screen.EDGE)]
    messages: list[dict[str, Any]] = []
    seams = []
    y = float(top)
    for items, info in batches:
        seams.append(round(y))
        for it in items:
            it.draw(d, y)
        kind = str(info["kind"])
        if thread:
            part = screen._thread_gold(items, y, vt, vb, tall, kind)
        else:
            part = screen._list_gold(items, y, vt, vb, covers, kind)
        messages += part
        y += float(info["content_h"])
    screen._chrome(d, tall, random.Random(chrome_seed), layout, first, cap, False)
    if thread:  # one title over the whole capture names every incoming bubble
        for m in messages:
            if m["direction"] == "incoming":
                m["sender"] = first["title_gold"]
    gold = {
        "layout": layout,
        "captured_at": cap.isoformat(timespec="seconds"),
        "thread_title": first["title_gold"] if thread else None,
        "messages": messages,
        "render": {"generator": "tests/ocr/long_render", "seed": seed, "family": sk.family, "size": [tall.width, tall.height]},
    }
    bgr = np.asarray(img)[:, :, ::-1].copy()
    return LongShot(bgr, gold, cap, tuple(seams))
