"""Android list screens (SMS lists, call logs) drawn here (PIL + the bundled Noto Sans SC).

Small and explicit: each test states the shape it needs — a row swiped
sideways, rows drawn as cards, an English title, a second label under the
name, a 360-px-wide forwarded screen — instead of depending on one corpus
skin. Sizes are fractions of the width, as phones draw in dp.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.ocr.chat_render import FONT

PAGE = (255, 255, 255)
CARD_PAGE = (240, 241, 245)
INK = (20, 20, 20)
GREY = (120, 120, 120)
RED = (220, 40, 40)
GREEN = (40, 160, 80)
BLUE = (40, 110, 220)
AVATARS = [(240, 140, 110), (110, 170, 240), (250, 190, 80), (160, 120, 220)]


@dataclass(frozen=True)
class ListRow:
    """One row: ``name`` on the first line with ``time`` at its right end, ``second`` under it.

    ``arrow`` ("in", "out", "missed") draws a call's direction arrow before the
    second line; ``right`` is a text right-aligned on the second line (a call's
    duration).
    """

    name: str
    time: str
    second: str
    arrow: str | None = None
    right: str = ""


def render_list(
    title: str,
    rows: list[ListRow],
    *,
    width: int = 1080,
    cards: bool = False,
    swiped: int | None = None,
    height: int | None = None,
    tabs: tuple[str, ...] = (),
    headers: dict[int, str] | None = None,
) -> np.ndarray:
    """BGR pixels of a list screen: status bar, a large title, the rows, a navigation bar.

    ``headers`` puts a section header (今天 / 昨天 / 更早) at the screen's margin,
    left of the text column, above the row of that index.
    """
    w = width
    h = height or int(w * 2.2)
    u = w / 1080  # one "px" of a 1080-wide design
    img = Image.new("RGB", (w, h), CARD_PAGE if cards else PAGE)
    d = ImageDraw.Draw(img)
    f_status = ImageFont.truetype(str(FONT), max(8, int(34 * u)))
    f_title = ImageFont.truetype(str(FONT), max(10, int(64 * u)))
    f_name = ImageFont.truetype(str(FONT), max(9, int(46 * u)))
    f_small = ImageFont.truetype(str(FONT), max(8, int(36 * u)))
    d.text((int(40 * u), int(20 * u)), "12:08", font=f_status, fill=INK)
    d.text((int(w - 150 * u), int(20 * u)), "86%", font=f_status, fill=INK)
    d.text((int(48 * u), int(150 * u)), title, font=f_title, fill=INK)
    y = int(300 * u)
    row_h = int(200 * u)
    for i, r in enumerate(rows):
        if headers and i in headers:
            d.text((int(40 * u), y + int(20 * u)), headers[i], font=f_small, fill=GREY)
            y += int(90 * u)
        if y + row_h > h - int(160 * u):
            break
        shift = 0
        if cards:
            d.rounded_rectangle((int(30 * u), y + int(12 * u), w - int(30 * u), y + row_h - int(12 * u)),
                                int(28 * u), fill=PAGE)
        if swiped == i:
            # The row slid left: the archive action's colour shows behind it at the right.
            shift = -int(300 * u)
            d.rectangle((0, y, w, y + row_h), fill=(46, 125, 50))
            d.rectangle((0, y, w + shift, y + row_h), fill=PAGE)
            d.text((w - int(200 * u), y + int(75 * u)), "归档", font=f_name, fill=(255, 255, 255))
        x0 = int(60 * u) + shift
        size = int(110 * u)
        d.ellipse((x0, y + int(45 * u), x0 + size, y + int(45 * u) + size), fill=AVATARS[i % len(AVATARS)])
        tx = x0 + size + int(40 * u)
        name_fill = RED if r.arrow == "missed" else INK
        d.text((tx, y + int(40 * u)), r.name, font=f_name, fill=name_fill)
        tw = d.textlength(r.time, font=f_small)
        d.text((w - int(70 * u) - tw + shift, y + int(48 * u)), r.time, font=f_small, fill=GREY)
        sx = tx
        if r.arrow:
            colour = {"in": GREEN, "out": BLUE, "missed": RED}[r.arrow]
            a = int(30 * u)
            ay = y + int(118 * u)
            if r.arrow == "out":
                d.line((sx, ay + a, sx + a, ay), fill=colour, width=max(2, int(5 * u)))
            else:
                d.line((sx + a, ay, sx, ay + a), fill=colour, width=max(2, int(5 * u)))
            sx += a + int(20 * u)
        d.text((sx, y + int(110 * u)), r.second, font=f_small, fill=GREY)
        if r.right:
            rw = d.textlength(r.right, font=f_small)
            d.text((w - int(70 * u) - rw + shift, y + int(110 * u)), r.right, font=f_small, fill=GREY)
        y += row_h
    d.rectangle((0, h - int(130 * u), w, h), fill=(247, 247, 247))
    for k, label in enumerate(tabs):
        d.text((int((180 + 330 * k) * u), h - int(90 * u)), label, font=f_small, fill=GREY)
    return np.asarray(img)[:, :, ::-1].copy()
