"""The scrolled content of each layout, as items with their labels' raw facts.

Builders return items in content coordinates (top = 0) plus the facts a label
needs (who sent what, when, which separator says what); ``screen`` scrolls
them and decides what is visible.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from PIL import ImageDraw

from tests.ocr.skins import phrases
from tests.ocr.skins.canvas import (
    Colour,
    Item,
    Painter,
    Run,
    ellipse,
    ellipsize,
    font,
    line,
    polygon,
    rrect,
    wrap,
)
from tests.ocr.skins.skin import Skin, hue_colour
from tests.ocr.skins.timefmt import section_title


def _avatar(it: Item, sk: Skin, rng: random.Random, x: float, y: float, size: float, key: str) -> None:
    col = hue_colour(random.Random(key), rng.uniform(0.35, 0.6), 0.8)
    if sk.avatar == "round" or sk.avatar == "letter":
        it.painters.append(ellipse((x, y, x + size, y + size), col))
    else:
        it.painters.append(rrect((x, y, x + size, y + size), size * rng.choice([0.08, 0.12, 0.2]), col))
    if sk.avatar == "letter" and key[:1].strip():
        ch = key[0] if not key[0].isdigit() else "#"
        px = int(size * 0.45)
        f = font(px, True)
        w = f.getlength(ch)
        it.painters.append(_glyph(ch, x + (size - w) / 2, y + size * 0.26, px))
    else:  # a head-and-shoulders silhouette
        light = (255, 255, 255)
        it.painters.append(ellipse((x + size * 0.34, y + size * 0.2, x + size * 0.66, y + size * 0.52), light))
        it.painters.append(ellipse((x + size * 0.2, y + size * 0.58, x + size * 0.8, y + size * 1.05), light)
                           if sk.avatar != "square" else rrect((x + size * 0.22, y + size * 0.6, x + size * 0.78,
                                                                y + size * 0.86), size * 0.1, light))


def _glyph(ch: str, x: float, y: float, px: int, fill: Colour = (255, 255, 255)) -> Painter:
    def paint(d: ImageDraw.ImageDraw, dx: float, dy: float) -> None:
        d.text((x + dx, y + dy), ch, font=font(px, True), fill=fill, anchor="la")

    return paint


def _timeline(rng: random.Random, cap: datetime, n: int) -> list[datetime]:
    """``n`` ascending moments ending before the capture: bursts, hours and days apart."""
    t = cap - timedelta(minutes=rng.choice([rng.uniform(1, 50), rng.uniform(60, 600), rng.uniform(1440, 4000)]))
    out = [t]
    for _ in range(n - 1):
        r = rng.random()
        gap = rng.uniform(0.5, 9) if r < 0.65 else rng.uniform(30, 400) if r < 0.88 else rng.uniform(1440, 5000)
        t -= timedelta(minutes=gap)
        out.append(t)
    return [x.replace(microsecond=0) for x in reversed(out)]


def _list_times(rng: random.Random, cap: datetime, n: int) -> list[datetime]:
    """``n`` descending moments for list rows: a few in the last hour, then hours and days back."""
    t = cap - timedelta(minutes=rng.uniform(0.2, 40))
    out = []
    for _ in range(n):
        out.append(t.replace(microsecond=0))
        r = rng.random()
        t -= timedelta(minutes=rng.uniform(3, 90) if r < 0.4 else rng.uniform(120, 900) if r < 0.7
                       else rng.uniform(1440, 9000))
    return out


def _party(rng: random.Random, names: list[str], name_share: float) -> tuple[str, str, bool]:
    """(shown, gold sender, is a number)."""
    if rng.random() < name_share:
        n = rng.choice(names)
        return n, n, False
    shown, gold = phrases.phone_number(rng)
    return shown, gold, True


# ---------------------------------------------------------------------------
# Threads (SMS and chat)
# ---------------------------------------------------------------------------


def thread_items(sk: Skin, rng: random.Random, cap: datetime, cap_known: bool, layout: str,
                 ) -> tuple[list[Item], dict[str, object]]:
    chat = layout == "chat_thread"
    group = chat and rng.random() < 0.4
    if chat:
        if group:
            gname = rng.choice(phrases.GROUPS)
            title = f"{gname}({rng.randint(3, 60)})" if rng.random() < 0.8 else gname
            title_gold = title
        else:
            title = title_gold = rng.choice(phrases.PEOPLE + phrases.COLLECTOR_NAMES)
        subtitle = None
    else:
        title, title_gold, is_num = _party(rng, phrases.COLLECTOR_NAMES + phrases.PEOPLE, 0.3)
        subtitle = None
        if is_num and rng.random() < 0.5:
            subtitle = rng.choice(phrases.PLACES) + rng.choice(["", " "]) + rng.choice(phrases.CARRIERS)
    collector = rng.random() < 0.7
    n = rng.randint(4, 13)
    times = _timeline(rng, cap, n)
    members = rng.sample(phrases.GROUP_MEMBERS, 4) if group else []
    sw = sk.width
    body_px = sk.px(sk.body)
    lh = body_px * rng.uniform(1.3, 1.5)
    pad_h, pad_v = sk.px(rng.uniform(10, 14)), sk.px(rng.uniform(7, 11))
    has_avatar = chat or (sk.avatar != "none" and rng.random() < 0.4)
    av = sk.px(sk.avatar_dp if chat else 36) if has_avatar else 0
    side = sk.px(12)
    max_text = sw * sk.bubble_max - 2 * pad_h - (av + side if has_avatar else 0)
    threshold = rng.choice([5, 15, 60])
    items: list[Item] = []
    y = float(sk.px(10))
    prev: datetime | None = None
    sep_px = sk.px(sk.small)
    name_px = sk.px(sk.small * 0.95)
    for i, t in enumerate(times):
        incoming = rng.random() < (0.75 if not chat else 0.55) or (i == 0 and rng.random() < 0.7)
        new_day = prev is None or prev.date() != t.date()
        if (sk.bubble_clock and new_day) or (not sk.bubble_clock and (
                prev is None or (t - prev) >= timedelta(minutes=threshold))):
            it = Item(top=y)
            if sk.bubble_clock:
                text, day = sk.times.day_separator(t.date(), cap, cap_known)
                it.data = {"kind": "sep", "minute": None, "day": day}
            else:
                text, (minute, d) = sk.times.separator(t, cap, cap_known, rng)
                it.data = {"kind": "sep", "minute": minute, "day": d}
            y += sk.px(rng.uniform(10, 18))
            r = Run(text, 0, y, sep_px, False, sk.sub)
            r = Run(text, (sw - r.width) / 2, y, sep_px, False, sk.sub)
            if sk.sep_pill:
                it.painters.append(rrect((r.x - sk.px(8), y - sk.px(3), r.x + r.width + sk.px(8), y + sep_px * 1.45),
                                         sk.px(6), sk.divider if not sk.dark else sk.card))
            it.add_run("text", r)
            y += sep_px * 1.4 + sk.px(rng.uniform(8, 14))
            it.height = y - it.top
            items.append(it)
        prev = t
        text = phrases.sms_text(rng, english=sk.lang == "en") if (incoming and not chat) else (
            phrases.chat_text(rng, collector=collector) if incoming else phrases.reply_text(rng))
        lines = wrap(text, body_px, max_text)
        it = Item(top=y)
        sender = ("me" if not incoming else rng.choice(members) if group else title_gold)
        it.data = {"kind": "bubble", "direction": "incoming" if incoming else "outgoing", "sender": sender,
                   "clock": t.replace(second=0)}
        if group and incoming:
            it.add_run("name", Run(sender, side + av + sk.px(10), y, name_px, False, sk.sub))
            y += name_px * 1.5
        widths = [font(body_px).getlength(ln) for ln in lines]
        bw = max(widths) + 2 * pad_h
        bh = lh * len(lines) + 2 * pad_v - (lh - body_px * 1.2)
        bh = max(bh, av * 0.95) if chat else bh
        x0: float
        if incoming:
            x0 = side + (av + sk.px(10) if has_avatar else 0)
        else:
            x0 = sw - side - (av + sk.px(10) if (has_avatar and chat) else 0) - bw
        if has_avatar and (incoming or chat):
            ax = side if incoming else sw - side - av
            _avatar(it, sk, rng, ax, y, av, sender if incoming else "me")
        fill, fg = (sk.in_bg, sk.in_fg) if incoming else (sk.out_bg, sk.out_fg)
        if sk.dark and incoming and fill == sk.bg:
            fill = sk.card
        it.painters.append(rrect((x0, y, x0 + bw, y + bh), sk.px(sk.bubble_radius), fill))
        if chat:  # WeChat's little tail pointing at the avatar
            ty = y + min(bh / 2, sk.px(20))
            tip = sk.px(6)
            pts: list[tuple[float, float]] = ([(x0, ty - tip), (x0 - tip, ty), (x0, ty + tip)] if incoming
                   else [(x0 + bw, ty - tip), (x0 + bw + tip, ty), (x0 + bw, ty + tip)])
            it.painters.append(polygon(pts, fill))
        ty0 = y + pad_v
        for k, ln in enumerate(lines):
            it.add_run("text", Run(ln, x0 + pad_h, ty0 + k * lh, body_px, False, fg))
        y += bh
        if sk.bubble_clock:
            cpx = sk.px(sk.small * 0.9)
            ctext = sk.times.clock_text(t)
            cw = font(cpx).getlength(ctext)
            cx = x0 if incoming else x0 + bw - cw
            it.add_run("clock", Run(ctext, cx, y + sk.px(4), cpx, False, sk.sub))
            y += cpx * 1.5 + sk.px(4)
        if not incoming and i == len(times) - 1 and not chat and rng.random() < 0.5:
            st = rng.choice(["已送达", "已发送"]) if sk.lang == "zh" else rng.choice(["Delivered", "Sent"])
            spx = sk.px(sk.small * 0.85)
            it.add_run("status", Run(st, x0 + bw - font(spx).getlength(st), y + sk.px(3), spx, False, sk.sub))
            y += spx * 1.5
        y += sk.px(rng.uniform(12, 20) if chat else rng.uniform(4, 12))
        it.height = y - it.top
        items.append(it)
    info: dict[str, object] = {"title": title, "title_gold": title_gold, "subtitle": subtitle, "group": group,
            "content_h": y + sk.px(10), "kind": "chat" if chat else "sms"}
    return items, info


# ---------------------------------------------------------------------------
# Lists (SMS inbox and call log)
# ---------------------------------------------------------------------------


def _row_frame(sk: Skin, rng: random.Random, y: float, h: float, it: Item, last: bool) -> None:
    sw = sk.width
    if sk.row_style == "cards":
        m = sk.px(sk.margin * 0.7)
        it.painters.insert(0, rrect((m, y, sw - m, y + h), sk.px(rng.choice([10, 14, 18])), sk.card))
    else:
        it.painters.insert(0, rrect((0, y, sw, y + h), 0, sk.bg))
        if sk.row_style == "dividers" and not last:
            left = sk.px(sk.margin) + (sk.px(sk.avatar_dp) + sk.px(12) if sk.avatar != "none" else 0)
            it.painters.append(line([(left, y + h - 1), (sw, y + h - 1)], sk.divider, 1))


def _section_header(sk: Skin, y: float, back: int, rng: random.Random) -> Item:
    it = Item(top=y)
    px = sk.px(sk.small * 1.05)
    yy = y + sk.px(rng.uniform(10, 16))
    it.add_run("text", Run(section_title(back, sk.lang), sk.px(sk.margin), yy, px, rng.random() < 0.5, sk.sub))
    it.height = yy + px * 1.4 + sk.px(6) - y
    it.data = {"kind": "header", "back": back}
    return it


def _arrow(sk: Skin, x: float, cy: float, size: float, direction: str, colour: Colour) -> list[Painter]:
    w = max(1, sk.px(1.6))
    if direction == "outgoing":  # ↗
        pts = [(x, cy + size / 2), (x + size, cy - size / 2)]
        head = [(x + size * 0.35, cy - size / 2), (x + size, cy - size / 2), (x + size, cy + size * 0.15)]
    else:  # ↙
        pts = [(x + size, cy - size / 2), (x, cy + size / 2)]
        head = [(x, cy - size * 0.15), (x, cy + size / 2), (x + size * 0.65, cy + size / 2)]
    return [line(pts, colour, w), line(head, colour, w)]


def _line_width(parts: list[str], duration: str, after: list[str], px: int, sep: str) -> float:
    """Width of a sub-label line: its parts ("\x00" standing for the duration), then ``after``."""
    f = font(px)
    shown = [duration if p == "\x00" else p for p in parts] + after
    return sum(f.getlength(p) for p in shown) + f.getlength(sep) * max(0, len(shown) - 1)


def list_items(sk: Skin, rng: random.Random, cap: datetime, cap_known: bool, layout: str,
               ) -> tuple[list[Item], dict[str, object]]:
    calls = layout == "call_log"
    n = rng.randint(8, 16)
    times = _list_times(rng, cap, n)
    sw = sk.width
    m = sk.px(sk.margin)
    has_av = sk.avatar != "none" and not (calls and sk.platform == "ios")
    av = sk.px(sk.avatar_dp) if has_av else 0
    text_x = m + (av + sk.px(12) if has_av else 0) + (sk.px(10) if sk.row_style == "cards" else 0)
    if calls and sk.platform == "ios":
        text_x = m + sk.px(22)  # room for the outgoing-call glyph
    name_px, snip_px, time_px = sk.px(sk.name), sk.px(sk.body * 0.9), sk.px(sk.small)
    right = sw - m - (sk.px(10) if sk.row_style == "cards" else 0)
    info_icon = calls and rng.random() < 0.6
    if info_icon:
        right -= sk.px(36)
    two_line = (not calls) and rng.random() < 0.4
    time_in_sub = calls and rng.random() < 0.25
    dur_style = rng.choice(["under_time", "in_sub", "none"]) if calls and sk.platform != "ios" else "none"
    items: list[Item] = []
    y = float(sk.px(4))
    current_back: int | None = None
    names = phrases.COLLECTOR_NAMES + phrases.PEOPLE
    used_sections = sk.sections
    for i, t in enumerate(times):
        back = (cap.date() - t.date()).days
        if used_sections:
            sec = min(back, 2)
            if sec != current_back:
                hdr = _section_header(sk, y, sec, rng)
                items.append(hdr)
                y += hdr.height
                current_back = sec
        section_day = used_sections and back <= 1
        shown, gold_sender, is_num = _party(rng, names, 0.35 if calls else 0.3)
        it = Item(top=y)
        pad = sk.px(rng.uniform(10, 16))
        yy = y + pad
        if calls:
            direction = rng.choices(["missed", "incoming", "outgoing"], [0.4, 0.33, 0.27])[0]
        else:
            direction = "incoming"
        unread = (not calls) and i < 4 and rng.random() < 0.4
        name_fill = sk.missed if direction == "missed" else sk.fg
        name_bold = sk.bold_names or unread
        time_text, (minute, day) = sk.times.row_label(t, cap, cap_known, section_day)
        # the name line; the time on the right unless it sits in the sub-label
        tf = font(time_px)
        tw = tf.getlength(time_text)
        name_max = right - text_x - (tw + sk.px(12) if not time_in_sub else 0)
        shown_name, _ = ellipsize(shown, name_px, name_max, name_bold)
        if shown_name != shown:  # a name the row cannot show whole would make the sender unknowable
            shown = gold_sender = rng.choice(names)
            shown_name = shown
        it.add_run("name", Run(shown_name, text_x, yy, name_px, name_bold, name_fill))
        if not time_in_sub:
            it.add_run("time", Run(time_text, right - tw, yy + (name_px - time_px) * 0.6, time_px, False,
                                   sk.accent if unread else sk.sub))
        yy += name_px * 1.45
        text = ""
        dur_s: int | None = None
        if calls:
            if direction != "missed" and rng.random() < 0.85:
                dur_s = int(rng.choice([rng.uniform(3, 59), rng.uniform(60, 600)]))
                if sk.lang == "zh":
                    text = f"{dur_s // 60}分{dur_s % 60}秒" if dur_s >= 60 else f"{dur_s}秒"
                else:
                    text = f"{dur_s // 60}m {dur_s % 60}s" if dur_s >= 60 else f"{dur_s}s"
            sub_parts: list[str] = []
            if sk.platform == "ios":
                sub_parts.append(rng.choice(["手机", "未知", "电话"] if sk.lang == "zh" else ["mobile", "unknown"])
                                 if not is_num else rng.choice(phrases.PLACES))
            else:
                if rng.random() < 0.3:
                    kind_word = {"missed": "未接", "incoming": "呼入", "outgoing": "呼出"}[direction]
                    if sk.lang == "en":
                        kind_word = {"missed": "Missed", "incoming": "Incoming", "outgoing": "Outgoing"}[direction]
                    sub_parts.append(kind_word)
                if not is_num and rng.random() < 0.6:
                    sub_parts.append(phrases.phone_number(rng)[0])
                elif is_num:
                    r = rng.random()
                    if r < 0.55:
                        sub_parts.append(rng.choice(phrases.PLACES) + rng.choice(["", " "]) + rng.choice(phrases.CARRIERS))
                    elif r < 0.8:
                        sub_parts.append(rng.choice(phrases.MARKS_ZH if sk.lang == "zh" else phrases.MARKS_EN))
                if dur_style == "in_sub" and text:
                    sub_parts.append("\x00")  # the duration's place
            sub_x = text_x
            if sk.platform != "ios":
                colour = sk.missed if direction == "missed" else (sk.accent if rng.random() < 0.5 else sk.sub)
                it.painters.extend(_arrow(sk, sub_x, yy + sk.px(sk.small) * 0.6, sk.px(9), direction, colour))
                sub_x += sk.px(16)
            elif direction == "outgoing":
                it.painters.extend(_arrow(sk, m, y + pad + name_px * 0.6, sk.px(10), "outgoing", sk.sub))
            sep = rng.choice(["  ", " · ", " | "])
            room = right - sub_x - (tf.getlength(text) + sk.px(12) if dur_style == "under_time" and text else 0)
            shown_time = [time_text] if time_in_sub else []
            while _line_width(sub_parts, text, shown_time, time_px, sep) > room and any(p != "\x00" for p in sub_parts):
                # no label may run into another: drop the longest until the line fits
                sub_parts.remove(max((p for p in sub_parts if p != "\x00"), key=len))
            x: float = sub_x
            for k, part in enumerate(sub_parts):
                role = "duration" if part == "\x00" else "sub"
                run = it.add_run(role, Run(text if role == "duration" else part, x, yy, time_px, False, sk.sub))
                x += run.width
                if k < len(sub_parts) - 1:
                    x += tf.getlength(sep)
            if time_in_sub:
                if sub_parts:
                    x += tf.getlength(sep)
                it.add_run("time", Run(time_text, x, yy, time_px, False, sk.sub))
            if dur_style == "under_time" and text:
                dw = tf.getlength(text)
                it.add_run("duration", Run(text, right - dw, yy, time_px, False, sk.sub))
            elif dur_style == "none":
                text, dur_s = "", None
            yy += time_px * 1.5
            if info_icon:
                cx, cy = sw - m - sk.px(14) - (sk.px(10) if sk.row_style == "cards" else 0), y + pad + name_px * 0.8
                r0 = sk.px(10)
                it.painters.append(ellipse((cx - r0, cy - r0, cx + r0, cy + r0), sk.accent if sk.platform == "ios"
                                           else sk.sub))
                it.painters.append(ellipse((cx - r0 + 2, cy - r0 + 2, cx + r0 - 2, cy + r0 - 2),
                                           sk.card if sk.row_style == "cards" else sk.bg))
                it.painters.append(_glyph("i", cx - sk.px(2), cy - sk.px(8), sk.px(12),
                                          sk.accent if sk.platform == "ios" else sk.sub))
        else:
            body = phrases.sms_text(rng, english=sk.lang == "en")
            snip_max = right - text_x - (sk.px(28) if unread else 0)
            if two_line:
                first = wrap(body, snip_px, snip_max)
                l1 = first[0]
                rest = body[len(l1):].lstrip()
                drawn2, shown2 = ellipsize(rest, snip_px, snip_max) if rest else ("", "")
                snips = [(l1, l1), (drawn2, shown2)] if rest else [(l1, l1)]
            else:
                snips = [ellipsize(body, snip_px, snip_max)]
            for drawn, _shown in snips:
                it.add_run("snippet", Run(drawn, text_x, yy, snip_px, False, sk.sub if not unread else sk.fg))
                yy += snip_px * 1.45
            it.data["snippets"] = [s for _, s in snips]
            if unread:
                br = sk.px(9)
                cx, cy = right - br, yy - snip_px * 1.0
                it.painters.append(ellipse((cx - br, cy - br, cx + br, cy + br), sk.missed))
                it.painters.append(_glyph(str(rng.randint(1, 9)), cx - br * 0.45, cy - br * 0.85, int(br * 1.4)))
        h = yy + pad - y - (sk.px(4) if calls else 0)
        if has_av:
            _avatar(it, sk, rng, m + (sk.px(10) if sk.row_style == "cards" else 0), y + (h - av) / 2, av, shown)
        _row_frame(sk, rng, y, h, it, i == n - 1)
        it.top, it.height = y, h
        it.data.update({"kind": "row", "sender": gold_sender, "direction": direction, "minute": minute, "day": day,
                        "needs_header": section_day and time_text == sk.times.clock_text(t), "text": text, "duration_s": dur_s, "text_x": text_x})
        items.append(it)
        y += h + (sk.px(rng.uniform(6, 10)) if sk.row_style == "cards" else 0)
    return items, {"content_h": y + sk.px(8), "kind": "call" if calls else "sms"}


def day_of(d: object) -> date | None:
    return d if isinstance(d, date) else None
