"""What surrounds the content on a phone: status bar, title bars, input bar, navigation, overlays.

None of it is a message; an extractor must leave it all out. Each painter
draws on the final page (after the content, so it hides what scrolled under it)
and returns the height it took.
"""

from __future__ import annotations

import random
from datetime import datetime

from PIL import ImageDraw

from tests.ocr.skins.canvas import Colour, Run, font
from tests.ocr.skins.skin import Skin, hue_colour


def _text(d: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, px: int, fill: Colour,
          bold: bool = False, anchor: str = "la") -> float:
    d.text(xy, text, font=font(px, bold), fill=fill, anchor=anchor)
    return font(px, bold).getlength(text)


def chevron(d: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill: Colour, w: int, left: bool = True) -> None:
    k = -1 if left else 1
    d.line([(cx - k * size / 2, cy - size), (cx + k * size / 2, cy), (cx - k * size / 2, cy + size)],
           fill=fill, width=w, joint="curve")


def icon_dots(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: Colour) -> None:
    for k in (-1, 0, 1):
        d.ellipse((cx - r, cy + k * 3.2 * r - r, cx + r, cy + k * 3.2 * r + r), fill=fill)


def icon_phone(d: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill: Colour, w: int) -> None:
    d.arc((cx - size, cy - size, cx + size, cy + size), 100, 260, fill=fill, width=w)
    d.rounded_rectangle((cx - size * 0.9, cy - size * 1.05, cx - size * 0.2, cy - size * 0.55), w, fill=fill)
    d.rounded_rectangle((cx - size * 0.9, cy + size * 0.55, cx - size * 0.2, cy + size * 1.05), w, fill=fill)


def icon_search(d: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill: Colour, w: int) -> None:
    d.ellipse((cx - size, cy - size, cx + size * 0.5, cy + size * 0.5), outline=fill, width=w)
    d.line([(cx + size * 0.3, cy + size * 0.3), (cx + size, cy + size)], fill=fill, width=w)


def status_bar(d: ImageDraw.ImageDraw, sk: Skin, cap: datetime, bg: Colour, rng: random.Random) -> int:
    h = sk.px(sk.status_dp)
    d.rectangle((0, 0, sk.width, h), fill=bg)
    px = sk.px(12.5 if sk.platform == "android" else 15)
    clock = f"{cap.hour:02d}:{cap.minute:02d}" if rng.random() < 0.8 else f"{cap.hour % 12 or 12}:{cap.minute:02d}"
    x = sk.px(16) if sk.platform == "android" else sk.px(38)
    cy = h * (0.5 if sk.platform == "android" else 0.55)
    _text(d, (x, cy), clock, px, sk.fg, bold=sk.platform == "ios", anchor="lm")
    if sk.platform == "android" and rng.random() < 0.6:  # notification icons beside the clock
        nx = x + font(px).getlength(clock) + sk.px(8)
        for _ in range(rng.randint(1, 3)):
            d.rounded_rectangle((nx, cy - sk.px(5), nx + sk.px(10), cy + sk.px(5)), sk.px(2), fill=sk.fg)
            nx += sk.px(15)
    # battery, signal, wifi from the right
    bx1: float = sk.width - sk.px(16)
    bw, bh = sk.px(24), sk.px(11)
    d.rounded_rectangle((bx1 - bw, cy - bh / 2, bx1, cy + bh / 2), sk.px(3), outline=sk.fg, width=max(1, sk.px(1)))
    level = rng.randint(8, 100)
    d.rectangle((bx1 - bw + sk.px(2), cy - bh / 2 + sk.px(2), bx1 - bw + sk.px(2) + (bw - sk.px(4)) * level / 100,
                 cy + bh / 2 - sk.px(2)), fill=sk.fg)
    if rng.random() < 0.5:
        _text(d, (bx1 - bw - sk.px(4), cy), str(level), sk.px(10), sk.fg, anchor="rm")
        bx1 -= font(sk.px(10)).getlength(str(level)) + sk.px(4)
    sx = bx1 - bw - sk.px(10)
    for k in range(4):
        bar_h = sk.px(3 + 2.5 * k)
        d.rectangle((sx - sk.px(4) * (4 - k), cy + sk.px(6) - bar_h, sx - sk.px(4) * (4 - k) + sk.px(2.5), cy + sk.px(6)),
                    fill=sk.fg)
    wx = sx - sk.px(26)
    for k, r in enumerate((9, 6, 3)):
        d.arc((wx - sk.px(r), cy - sk.px(r) + sk.px(5), wx + sk.px(r), cy + sk.px(r) + sk.px(5)), 225, 315,
              fill=sk.fg, width=max(1, sk.px(1.8 if k < 2 else 3)))
    if sk.platform == "android" and rng.random() < 0.4:
        _text(d, (wx - sk.px(16), cy), rng.choice(["5G", "4G", "HD"]), sk.px(9), sk.fg, bold=True, anchor="rm")
    return h


def thread_title_bar(d: ImageDraw.ImageDraw, sk: Skin, y0: int, title: str, subtitle: str | None,
                     rng: random.Random) -> int:
    """A conversation's top bar: back arrow, title (number or name), optional subtitle, icons."""
    h = sk.px(rng.uniform(52, 64) if subtitle is None else rng.uniform(60, 72))
    d.rectangle((0, y0, sk.width, y0 + h), fill=sk.bar)
    w = max(1, sk.px(2))
    chevron(d, sk.px(20), y0 + h / 2, sk.px(8), sk.fg, w)
    tpx = sk.px(rng.uniform(16.5, 19))
    centered = sk.title_style == "center" or sk.platform == "ios"
    cy = y0 + h / 2 - (sk.px(8) if subtitle else 0)
    if centered:
        _text(d, (sk.width / 2, cy), title, tpx, sk.fg, bold=rng.random() < 0.6, anchor="mm")
        if subtitle:
            _text(d, (sk.width / 2, cy + sk.px(19)), subtitle, sk.px(11.5), sk.sub, anchor="mm")
    else:
        x = sk.px(rng.uniform(44, 60))
        _text(d, (x, cy), title, tpx, sk.fg, bold=rng.random() < 0.5, anchor="lm")
        if subtitle:
            _text(d, (x, cy + sk.px(19)), subtitle, sk.px(11.5), sk.sub, anchor="lm")
    if sk.family.startswith("wechat"):
        for k in range(3):  # WeChat's horizontal "more" dots
            cx = sk.width - sk.px(36) + k * sk.px(7)
            d.ellipse((cx - sk.px(2), y0 + h / 2 - sk.px(2), cx + sk.px(2), y0 + h / 2 + sk.px(2)), fill=sk.fg)
    else:
        icon_dots(d, sk.width - sk.px(20), y0 + h / 2, sk.px(2), sk.fg)
        icon_phone(d, sk.width - sk.px(60), y0 + h / 2, sk.px(9), sk.accent if rng.random() < 0.5 else sk.fg, w)
    if rng.random() < 0.5:
        d.line((0, y0 + h - 1, sk.width, y0 + h - 1), fill=sk.divider, width=1)
    return h


def list_header(d: ImageDraw.ImageDraw, sk: Skin, y0: int, title: str, tabs: list[str],
                rng: random.Random) -> int:
    """A list screen's header: title (big, small or One UI's tall one), search field, filter tabs."""
    y = y0
    w = max(1, sk.px(2))
    if sk.title_style == "huge":
        h = int(sk.height * rng.uniform(0.18, 0.26))
        d.rectangle((0, y, sk.width, y + h), fill=sk.bg)
        _text(d, (sk.width / 2, y + h * 0.5), title, sk.px(rng.uniform(28, 34)), sk.fg, anchor="mm")
        if rng.random() < 0.6:
            note = f"{rng.randint(1, 9)}条未读信息" if sk.lang == "zh" else f"{rng.randint(1, 9)} unread messages"
            _text(d, (sk.width / 2, y + h * 0.5 + sk.px(28)), note, sk.px(13), sk.sub, anchor="mm")
        y += h
        bar = sk.px(48)
        d.rectangle((0, y, sk.width, y + bar), fill=sk.bg)
        icon_search(d, sk.width - sk.px(64), y + bar / 2, sk.px(8), sk.fg, w)
        icon_dots(d, sk.width - sk.px(24), y + bar / 2, sk.px(2), sk.fg)
        y += bar
    elif sk.title_style == "big_left":
        h = sk.px(rng.uniform(64, 84))
        d.rectangle((0, y, sk.width, y + h), fill=sk.bg)
        _text(d, (sk.px(sk.margin + 4), y + h * 0.55), title, sk.px(sk.title), sk.fg, bold=True, anchor="lm")
        icon_dots(d, sk.width - sk.px(22), y + h * 0.55, sk.px(2), sk.fg)
        if rng.random() < 0.5:
            icon_search(d, sk.width - sk.px(62), y + h * 0.55, sk.px(8), sk.fg, w)
        y += h
    else:
        h = sk.px(rng.uniform(50, 58))
        d.rectangle((0, y, sk.width, y + h), fill=sk.bar)
        anchor_x, anchor = (sk.width / 2, "mm") if sk.title_style == "center" else (sk.px(sk.margin + 4), "lm")
        _text(d, (anchor_x, y + h / 2), title, sk.px(rng.uniform(17, 20)), sk.fg, bold=True, anchor=anchor)
        icon_dots(d, sk.width - sk.px(22), y + h / 2, sk.px(2), sk.fg)
        y += h
    if sk.search_box:
        h = sk.px(rng.uniform(44, 56))
        d.rectangle((0, y, sk.width, y + h), fill=sk.bg)
        m = sk.px(sk.margin)
        field = (sk.divider if not sk.dark else sk.card)
        d.rounded_rectangle((m, y + sk.px(6), sk.width - m, y + h - sk.px(6)), sk.px(rng.choice([8, 12, 22])),
                            fill=field)
        icon_search(d, m + sk.px(20), y + h / 2, sk.px(6), sk.sub, max(1, sk.px(1.6)))
        _text(d, (m + sk.px(36), y + h / 2), "搜索" if sk.lang == "zh" else "Search", sk.px(14), sk.sub, anchor="lm")
        y += h
    if tabs:
        h = sk.px(rng.uniform(40, 50))
        d.rectangle((0, y, sk.width, y + h), fill=sk.bg)
        x: float = sk.px(sk.margin)
        chip = rng.random() < 0.5
        for k, t in enumerate(tabs):
            tw = font(sk.px(14)).getlength(t)
            if chip:
                fill = sk.accent if k == 0 else sk.card
                d.rounded_rectangle((x, y + sk.px(6), x + tw + sk.px(28), y + h - sk.px(6)), sk.px(16), fill=fill,
                                    outline=sk.divider)
                _text(d, (x + sk.px(14), y + h / 2), t, sk.px(14), (255, 255, 255) if k == 0 else sk.fg, anchor="lm")
                x += tw + sk.px(38)
            else:
                _text(d, (x + sk.px(8), y + h / 2), t, sk.px(14), sk.accent if k == 0 else sk.sub, anchor="lm")
                if k == 0:
                    d.rectangle((x + sk.px(8), y + h - sk.px(4), x + sk.px(8) + tw, y + h - sk.px(2)), fill=sk.accent)
                x += tw + sk.px(30)
        y += h
    return y - y0


def input_bar(d: ImageDraw.ImageDraw, sk: Skin, y1: int, rng: random.Random) -> int:
    """The compose bar above the navigation bar; returns its height (drawn ending at ``y1``)."""
    h = sk.px(rng.uniform(52, 64))
    y0 = y1 - h
    wechat = sk.family.startswith("wechat")
    bar_bg = sk.bar if not wechat else (sk.card if sk.dark else (247, 247, 247))
    d.rectangle((0, y0, sk.width, y1), fill=bar_bg)
    if rng.random() < 0.6:
        d.line((0, y0, sk.width, y0), fill=sk.divider, width=1)
    w = max(1, sk.px(1.8))
    r = sk.px(13)
    cy = y0 + h / 2
    field_l, field_r = sk.px(52), sk.width - sk.px(52)
    if wechat:
        d.ellipse((sk.px(12), cy - r, sk.px(12) + 2 * r, cy + r), outline=sk.fg, width=w)
        d.ellipse((sk.width - sk.px(12) - 2 * r, cy - r, sk.width - sk.px(12), cy + r), outline=sk.fg, width=w)
        d.ellipse((sk.width - sk.px(48) - 2 * r, cy - r, sk.width - sk.px(48), cy + r), outline=sk.fg, width=w)
        field_r = sk.width - sk.px(86)
        d.rounded_rectangle((field_l, cy - sk.px(18), field_r, cy + sk.px(18)), sk.px(4),
                            fill=(255, 255, 255) if not sk.dark else (44, 44, 46))
        return h
    d.ellipse((sk.px(12), cy - r, sk.px(12) + 2 * r, cy + r), fill=sk.accent)
    d.line((sk.px(12) + r, cy - r / 2, sk.px(12) + r, cy + r / 2), fill=(255, 255, 255), width=w)
    d.line((sk.px(12) + r / 2, cy, sk.px(12) + 1.5 * r, cy), fill=(255, 255, 255), width=w)
    d.rounded_rectangle((field_l, cy - sk.px(18), field_r, cy + sk.px(18)), sk.px(18),
                        fill=sk.card if sk.bg != sk.card else sk.divider, outline=sk.divider)
    hint = rng.choice(["短信", "发送短信", "输入信息", "信息"] if sk.lang == "zh" else ["Text message", "Message", "SMS"])
    _text(d, (field_l + sk.px(14), cy), hint, sk.px(14.5), sk.sub, anchor="lm")
    d.polygon([(sk.width - sk.px(36), cy - sk.px(9)), (sk.width - sk.px(16), cy), (sk.width - sk.px(36), cy + sk.px(9))],
              fill=sk.sub)
    return h


def bottom_tabs(d: ImageDraw.ImageDraw, sk: Skin, y1: int, labels: list[str], active: int) -> int:
    """A bottom navigation bar with icons and labels (dialer, some messaging apps)."""
    h = sk.px(60)
    y0 = y1 - h
    d.rectangle((0, y0, sk.width, y1), fill=sk.bar if sk.bar != sk.bg else sk.card)
    d.line((0, y0, sk.width, y0), fill=sk.divider, width=1)
    n = len(labels)
    for k, lab in enumerate(labels):
        cx = sk.width * (k + 0.5) / n
        c = sk.accent if k == active else sk.sub
        d.rounded_rectangle((cx - sk.px(11), y0 + sk.px(10), cx + sk.px(11), y0 + sk.px(32)), sk.px(5), outline=c,
                            width=max(1, sk.px(2)))
        _text(d, (cx, y0 + sk.px(46)), lab, sk.px(11), c, anchor="mm")
    return h


def nav_bar(d: ImageDraw.ImageDraw, sk: Skin, rng: random.Random) -> int:
    """Android's navigation (gesture pill or three buttons) or iOS's home indicator."""
    sh, sw = sk.height, sk.width
    if sk.platform == "ios":
        h = sk.px(30)
        d.rectangle((0, sh - h, sw, sh), fill=sk.bar)
        d.rounded_rectangle((sw / 2 - sk.px(68), sh - sk.px(13), sw / 2 + sk.px(68), sh - sk.px(8)), sk.px(3), fill=sk.fg)
        return h
    if sk.nav == "none":
        return 0
    if sk.nav == "pill":
        h = sk.px(rng.uniform(16, 24))
        d.rectangle((0, sh - h, sw, sh), fill=sk.bar)
        d.rounded_rectangle((sw / 2 - sk.px(54), sh - h / 2 - sk.px(2), sw / 2 + sk.px(54), sh - h / 2 + sk.px(2)),
                            sk.px(2), fill=sk.fg)
        return h
    h = sk.px(48)
    d.rectangle((0, sh - h, sw, sh), fill=sk.bar)
    cy = sh - h / 2
    w = max(1, sk.px(1.8))
    d.polygon([(sw * 0.25 + sk.px(7), cy - sk.px(8)), (sw * 0.25 - sk.px(7), cy), (sw * 0.25 + sk.px(7), cy + sk.px(8))],
              outline=sk.sub, width=w)
    d.ellipse((sw / 2 - sk.px(8), cy - sk.px(8), sw / 2 + sk.px(8), cy + sk.px(8)), outline=sk.sub, width=w)
    d.rectangle((sw * 0.75 - sk.px(7), cy - sk.px(7), sw * 0.75 + sk.px(7), cy + sk.px(7)), outline=sk.sub, width=w)
    return h


def headsup(d: ImageDraw.ImageDraw, sk: Skin, rng: random.Random, phrase: str, who: str) -> int:
    """A notification card over the top of the screen; returns its bottom edge."""
    m = sk.px(8)
    top = sk.px(rng.uniform(6, 30))
    h = sk.px(rng.uniform(72, 88))
    fill = (250, 250, 250) if not sk.dark else (48, 48, 52)
    d.rounded_rectangle((m + 2, top + 3, sk.width - m + 2, top + h + 3), sk.px(16), fill=(120, 120, 120))
    d.rounded_rectangle((m, top, sk.width - m, top + h), sk.px(16), fill=fill)
    icon = hue_colour(rng, 0.6, 0.8)
    d.rounded_rectangle((m + sk.px(12), top + sk.px(14), m + sk.px(36), top + sk.px(38)), sk.px(6), fill=icon)
    app = rng.choice(["微信 · 现在", "信息 · 刚刚", "支付宝"] if sk.lang == "zh" else ["WeChat · now", "Messages · now"])
    fg = (20, 20, 20) if not sk.dark else (235, 235, 235)
    _text(d, (m + sk.px(46), top + sk.px(14)), app, sk.px(12), (120, 120, 120))
    _text(d, (m + sk.px(46), top + sk.px(32)), who, sk.px(14), fg, bold=True)
    body = phrase
    f = font(sk.px(13.5))
    while body and f.getlength(body) > sk.width - 2 * m - sk.px(60):
        body = body[:-1]
    _text(d, (m + sk.px(46), top + sk.px(52)), body, sk.px(13.5), fg)
    return top + h + 3


def fab_radius(sk: Skin, box: tuple[float, float, float, float]) -> float:
    """Material's floating buttons are rounded squares (16 dp on 56 dp), not circles."""
    return min((box[3] - box[1]) * 0.3, sk.px(16))


def fab(d: ImageDraw.ImageDraw, sk: Skin, box: tuple[float, float, float, float], label: str | None) -> None:
    """A floating action button: a rounded square, or extended with a label (\"开始聊天\")."""
    x0, y0, x1, y1 = box
    radius = fab_radius(sk, box)
    d.rounded_rectangle((x0 + 2, y0 + 4, x1 + 2, y1 + 4), radius, fill=(150, 150, 150) if not sk.dark else (10, 10, 10))
    d.rounded_rectangle(box, radius, fill=sk.accent)
    cy = (y0 + y1) / 2
    w = max(1, sk.px(2.4))
    cx = x0 + sk.px(28) if label else (x0 + x1) / 2
    d.line((cx - sk.px(8), cy, cx + sk.px(8), cy), fill=(255, 255, 255), width=w)
    d.line((cx, cy - sk.px(8), cx, cy + sk.px(8)), fill=(255, 255, 255), width=w)
    if label:
        Run(label, cx + sk.px(16), cy - sk.px(10), sk.px(14), True, (255, 255, 255)).draw(d)
