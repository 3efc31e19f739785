"""A random phone skin: the family sets the habits, the seed varies everything else.

Families follow what users' phones look like (MIUI/HyperOS, EMUI/HarmonyOS,
ColorOS, OriginOS, Samsung One UI, stock Android, iOS, WeChat on Android and
iOS), but every measure is drawn around the family's habit rather than fixed,
and colours, avatars, row styles, languages and overlays are drawn per screen,
so no parser can be fitted to a skin.
"""

from __future__ import annotations

import colorsys
import random
from dataclasses import dataclass

from tests.ocr.skins.canvas import Colour
from tests.ocr.skins.timefmt import TimeStyle

PHONE_FAMILIES = ["miui", "emui", "coloros", "originos", "oneui", "stock", "ios"]
CHAT_FAMILIES = ["wechat_android", "wechat_ios"]

# (width px, dp width): real screen widths, and widths of screenshots forwarded or resized.
WIDTHS = [(360, 360), (480, 360), (540, 360), (720, 360), (720, 393), (828, 414), (1080, 393), (1080, 411),
          (1080, 360), (1170, 390), (1179, 393), (1242, 414), (1284, 428), (1440, 411), (1440, 480)]
ASPECTS = [2.0, 2.111, 2.165, 2.222, 2.167, 1.778]


def hexc(s: str) -> Colour:
    return (int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))


def jitter(rng: random.Random, c: Colour, amount: int = 10) -> Colour:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)  # type: ignore[return-value]


def hue_colour(rng: random.Random, s: float, v: float) -> Colour:
    r, g, b = colorsys.hsv_to_rgb(rng.random(), s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


@dataclass
class Skin:
    family: str
    platform: str  # android / ios
    width: int
    height: int
    s: float  # px per dp
    dark: bool
    lang: str
    times: TimeStyle
    # colours
    bg: Colour
    bar: Colour
    fg: Colour
    sub: Colour
    accent: Colour
    divider: Colour
    card: Colour
    missed: Colour
    in_bg: Colour
    in_fg: Colour
    out_bg: Colour
    out_fg: Colour
    # type sizes (dp)
    body: float
    name: float
    small: float
    title: float
    bold_names: bool
    # shapes
    title_style: str  # big_left, left, center, huge (One UI's tall header)
    avatar: str  # round, square, none, letter
    avatar_dp: float
    row_style: str  # flat, dividers, cards
    bubble_radius: float
    bubble_max: float  # share of the width
    sep_pill: bool
    bubble_clock: bool  # bubbles carry their own clock; separators only the day
    nav: str  # pill, buttons, none
    status_dp: float
    margin: float
    # overlays and damage
    fab: bool
    headsup: bool
    swipe: bool
    sections: bool
    search_box: bool
    tabs: bool

    def px(self, dp: float) -> int:
        return max(1, round(dp * self.s))


def draw_skin(rng: random.Random, family: str) -> Skin:
    """Draw every measure of one screen's skin for ``family``."""
    ios = family in ("ios", "wechat_ios")
    width, dp_w = rng.choice(WIDTHS)
    if ios and rng.random() < 0.6:
        width, dp_w = rng.choice([(1170, 390), (1179, 393), (828, 414), (750, 375), (1284, 428)])
    aspect = 2.165 if ios else rng.choice(ASPECTS)
    height = int(width * aspect)
    s = width / dp_w
    dark = rng.random() < 0.3
    lang = "en" if rng.random() < 0.25 else "zh"
    wechat = family.startswith("wechat")

    light_bg = {"miui": "FFFFFF", "emui": "F1F3F5", "coloros": "FAFAFA", "originos": "F5F5F7", "oneui": "F6F6F8",
                "stock": "FFFFFF", "ios": "FFFFFF", "wechat_android": "EDEDED", "wechat_ios": "EDEDED"}[family]
    bg = jitter(rng, hexc(light_bg), 6) if not dark else jitter(rng, hexc(rng.choice(["000000", "121212", "1C1C1E"])), 6)
    fg = jitter(rng, hexc("111111"), 12) if not dark else jitter(rng, hexc("E8E8E8"), 12)
    sub = jitter(rng, hexc("8A8A8A" if not dark else "9A9A9A"), 14)
    accent = hue_colour(rng, 0.75, 0.9 if not dark else 0.95)
    if family in ("miui", "emui", "originos", "ios") and rng.random() < 0.6:
        accent = jitter(rng, hexc({"miui": "3482FF", "emui": "007DFF", "originos": "456FFF", "ios": "007AFF"}[family]))
    card = jitter(rng, hexc("FFFFFF") if not dark else hexc("242426"), 4)
    divider = jitter(rng, hexc("E4E4E4") if not dark else hexc("2E2E30"), 6)
    bar = bg if rng.random() < 0.7 else (jitter(rng, hexc("F7F7F7")) if not dark else jitter(rng, hexc("1A1A1A")))

    # bubbles
    in_bg = card if family in ("emui", "oneui", "wechat_android", "wechat_ios") else (
        jitter(rng, hexc("EEEEF0")) if not dark else jitter(rng, hexc("2C2C2E")))
    in_fg = fg
    out_kind = rng.random()
    if wechat:
        out_bg = jitter(rng, hexc("95EC69") if not dark else hexc("3EB575"), 8)
        out_fg = jitter(rng, hexc("111111"), 8)
    elif out_kind < 0.45:  # saturated: white text
        out_bg = accent if family != "ios" else rng.choice([hexc("34C759"), hexc("0A84FF")])
        out_fg = (255, 255, 255)
    else:  # pastel: dark text
        r, g, b = accent
        out_bg = (255 - (255 - r) // 4, 255 - (255 - g) // 4, 255 - (255 - b) // 4) if not dark else (
            r // 3 + 20, g // 3 + 20, b // 3 + 20)
        out_fg = fg

    scale = rng.choice([0.9, 1.0, 1.0, 1.0, 1.1, 1.2])  # the user's font-size setting
    body = rng.uniform(14.5, 17.5) * scale
    title_style = {"ios": rng.choice(["big_left", "center"]), "oneui": rng.choice(["huge", "big_left"]),
                   "wechat_ios": "center", "wechat_android": rng.choice(["left", "center"])}.get(
        family, rng.choice(["big_left", "left", "big_left"]))
    avatar = rng.choice(["round", "round", "square", "none", "letter"])
    if wechat:
        avatar = rng.choice(["square", "square", "round"])
    row_style = rng.choice(["flat", "dividers", "cards"])
    if family in ("emui", "oneui") and rng.random() < 0.5:
        row_style = "cards"
    if family == "ios":
        row_style = rng.choice(["dividers", "dividers", "flat"])

    return Skin(
        family=family,
        platform="ios" if ios else "android",
        width=width,
        height=height,
        s=s,
        dark=dark,
        lang=lang,
        times=TimeStyle.draw(rng, lang),
        bg=bg,
        bar=bar,
        fg=fg,
        sub=sub,
        accent=accent,
        divider=divider,
        card=card,
        missed=jitter(rng, hexc("E53935") if not dark else hexc("FF5A50"), 12),
        in_bg=in_bg,
        in_fg=in_fg,
        out_bg=out_bg,
        out_fg=out_fg,
        body=body,
        name=body * rng.uniform(1.0, 1.15),
        small=body * rng.uniform(0.72, 0.85),
        title=rng.uniform(17, 20) if title_style in ("center", "left") else rng.uniform(24, 32),
        bold_names=rng.random() < 0.5,
        title_style=title_style,
        avatar=avatar,
        avatar_dp=rng.uniform(36, 52) if not wechat else rng.uniform(36, 44),
        row_style=row_style,
        bubble_radius=rng.choice([3.0, 6.0, 12.0, 18.0, 22.0]) if not wechat else rng.choice([3.0, 4.0, 6.0]),
        bubble_max=rng.uniform(0.62, 0.78),
        sep_pill=rng.random() < 0.3,
        bubble_clock=(not wechat) and rng.random() < (0.6 if family in ("oneui", "emui") else 0.25),
        nav="none" if ios else rng.choice(["pill", "pill", "buttons", "none"]),
        status_dp=rng.uniform(24, 32) if not ios else rng.uniform(44, 50),
        margin=rng.uniform(10, 20),
        fab=(not ios) and rng.random() < 0.35,
        headsup=rng.random() < 0.15,
        swipe=rng.random() < 0.25,
        sections=rng.random() < 0.4,
        search_box=rng.random() < 0.5,
        tabs=rng.random() < 0.5,
    )
