"""A WeChat-style chat screenshot drawn here (PIL + the bundled Noto Sans SC).

Small and explicit on purpose: a test states the one situation it needs
(a short bubble beside the avatar column, a picture message, a translucent
title bar) instead of depending on the corpus.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Regular.ttf"
W, H = 1080, 2400
PAGE = (237, 237, 237)
GREEN = (149, 236, 105)
WHITE = (255, 255, 255)
QUOTE_GREY = (225, 225, 225)  # WeChat's quote block on its (237, 237, 237) page
AVATAR = 110


@dataclass(frozen=True)
class Item:
    """One row of the chat: ``side`` is "in", "out" or "pill" (a centred time pill); ``text`` None draws a picture.

    ``document`` makes the picture a page with thin lines (a photographed form)
    on paper of the page's own grey, so there is no fill to find it by. (Paper 3
    levels off the page is found on a clean screenshot, as a faint fill, and its
    lines are then read as the message's text.)
    """

    side: str
    text: str | None
    document: bool = False
    quote: str | None = None  # a reply's quote, drawn as WeChat does: a grey block under the bubble
    name: str | None = None  # a group member's name, printed small above the bubble


def render_chat(
    title: str, items: list[Item], *, translucent_bar: bool = False, start_y: int = 300, opaque_bar: bool = False
) -> np.ndarray:
    """BGR pixels of a 1080×2400 chat screen with a status bar, a title bar and an input bar.

    Items are drawn from ``start_y`` down, 180 px a text row; the input bar
    (the bottom 150 px) is drawn last, so it cuts off what reaches it. With
    ``opaque_bar`` the title bar (the page's colour, no dividing line, 250 px)
    is drawn over the items too, as WeChat on Android draws it.
    """
    img = Image.new("RGB", (W, H), PAGE)
    d = ImageDraw.Draw(img)
    body = ImageFont.truetype(str(FONT), 48)
    small = ImageFont.truetype(str(FONT), 36)
    d.text((40, 20), "12:08", font=small, fill=(0, 0, 0))
    if translucent_bar:
        # A green bubble scrolled under an iOS bar shows through it, frosted:
        # about (226, 235, 228) on a (236, 236, 236) page, as on a real one.
        ghost = Image.new("RGB", (W, 170), PAGE)
        ImageDraw.Draw(ghost).rounded_rectangle((420, 20, 1000, 200), 14, fill=GREEN)
        ghost = ghost.filter(ImageFilter.GaussianBlur(12))
        img.paste(Image.blend(ghost, Image.new("RGB", (W, 170), PAGE), 0.85), (0, 80))
        d = ImageDraw.Draw(img)
    d.text((40, 130), "<", font=body, fill=(0, 0, 0))
    tw_title = d.textlength(title, font=body)
    d.text(((W - tw_title) / 2, 135), title, font=body, fill=(0, 0, 0))
    if not opaque_bar:
        d.line((0, 250, W, 250), fill=(220, 220, 220), width=2)
    y = start_y
    for i, item in enumerate(items):
        if item.side == "pill":
            # WeChat's time pill: centred, grey print on a slightly darker grey.
            assert item.text is not None
            pw = int(d.textlength(item.text, font=small)) + 40
            d.rounded_rectangle(((W - pw) // 2, y, (W + pw) // 2, y + 60), 8, fill=(218, 218, 218))
            d.text(((W - pw) // 2 + 20, y + 10), item.text, font=small, fill=(120, 120, 120))
            y += 120
            continue
        left = item.side == "in"
        ax = 30 if left else W - 30 - AVATAR
        # A member has one avatar: its colour comes from the name; a nameless row's from its place.
        key = zlib.crc32(item.name.encode()) if item.name else None
        fill = tuple(60 + (key >> k) % 160 for k in (0, 8, 16)) if key is not None else (70 + 20 * i % 120, 110, 160)
        d.rectangle((ax, y, ax + AVATAR, y + AVATAR), fill=fill)
        if item.text is None:
            bw, bh = 380, 360
            x0 = ax + AVATAR + 24 if left else ax - 24 - bw
            if item.document:
                pic = Image.new("RGB", (bw, bh), PAGE)
                pd = ImageDraw.Draw(pic)
                for k in range(20, bh, 40):
                    pd.line((15, k, bw - 15, k), fill=(90, 90, 90), width=1)
                pd.rectangle((bw - 60, bh - 150, bw - 16, bh - 106), fill=(200, 40, 40))  # a stamp
            else:
                rng = np.random.default_rng(i)
                photo = rng.integers(40, 200, (bh // 8, bw // 8, 3), dtype=np.uint8)
                pic = Image.fromarray(photo).resize((bw, bh), Image.Resampling.NEAREST)
            img.paste(pic, (x0, y))
            d = ImageDraw.Draw(img)
            y += bh + 60
            continue
        tw = d.textlength(item.text, font=body)
        bw, bh = int(tw) + 64, 120
        x0 = ax + AVATAR + 24 if left else ax - 24 - bw
        if item.name is not None:
            d.text((x0 + 4, y), item.name, font=small, fill=(150, 150, 150))
            y += 52
        d.rounded_rectangle((x0, y, x0 + bw, y + bh), 12, fill=WHITE if left else GREEN)
        d.text((x0 + 32, y + 30), item.text, font=body, fill=(0, 0, 0))
        if item.quote is not None:
            # Lined up with the bubble's outer edge, 10 px under it, smaller grey print.
            qw = int(d.textlength(item.quote, font=small)) + 48
            qx = x0 if left else x0 + bw - qw
            d.rounded_rectangle((qx, y + bh + 10, qx + qw, y + bh + 100), 8, fill=QUOTE_GREY)
            d.text((qx + 24, y + bh + 32), item.quote, font=small, fill=(110, 110, 110))
            y += 100
        y += bh + 60
    if opaque_bar:
        d.rectangle((0, 0, W, 250), fill=PAGE)
        d.text((40, 20), "12:08", font=small, fill=(0, 0, 0))
        d.text((40, 130), "<", font=body, fill=(0, 0, 0))
        d.text(((W - tw_title) / 2, 135), title, font=body, fill=(0, 0, 0))
    d.rectangle((0, H - 150, W, H), fill=(246, 246, 246))
    d.rounded_rectangle((120, H - 125, 860, H - 45), 10, fill=WHITE)
    return np.asarray(img)[:, :, ::-1].copy()
