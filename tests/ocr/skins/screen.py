"""One seed → one phone screenshot and its gold label (SCHEMA.md).

The content is scrolled under the chrome to an offset where no text line is
ambiguously cut, overlays (a swiped row, a floating button, a heads-up
notification) are placed where they hide whole characters or none, and the
label lists exactly what a reader could see. Then the picture is damaged the
way forwarded screenshots are: downscaled, JPEG-recompressed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from tests.ocr.skins import chrome, content, phrases
from tests.ocr.skins.canvas import AMBIGUOUS_CUT, Item, Rect, Run, join_lines, rrect
from tests.ocr.skins.skin import CHAT_FAMILIES, PHONE_FAMILIES, Skin, draw_skin

LAYOUTS = ("sms_thread", "sms_inbox", "chat_thread", "call_log")
FAMILIES = (*PHONE_FAMILIES, *CHAT_FAMILIES)
PACKAGES = {
    "sms_thread": ["com.android.mms", "com.google.android.apps.messaging", "com.samsung.android.messaging"],
    "sms_inbox": ["com.android.mms", "com.google.android.apps.messaging", "com.hihonor.mms"],
    "chat_thread": ["com.tencent.mm"],
    "call_log": ["com.android.contacts", "com.google.android.dialer", "com.android.incallui"],
}
EDGE = 1e6  # "infinitely" far, for covers that stand for the screen's edges
VISIBLE = 0.5  # a line counts when more than half of its ink is on screen (SCHEMA.md)


@dataclass
class Screen:
    """A rendered screenshot: the picture, its label, its file name."""

    image: Image.Image
    gold: dict[str, Any]
    name: str
    jpeg_quality: int | None

    def save(self, folder: Path) -> Path:
        """Write ``<name>`` and ``<stem>.json`` into ``folder`` (a taken name gets a suffix)."""
        folder.mkdir(parents=True, exist_ok=True)
        stem, ext = self.name.rsplit(".", 1)
        k = 1
        while (folder / f"{stem}.json").exists():
            k += 1
            stem = f"{self.name.rsplit('.', 1)[0]}_{k}"
        name = f"{stem}.{ext}"
        path = folder / name
        if self.jpeg_quality is None:
            self.image.save(path, format="PNG")
        else:
            self.image.save(path, format="JPEG", quality=self.jpeg_quality)
        gold = dict(self.gold, image=name)
        import json

        (folder / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        return path


def _capture(rng: random.Random) -> datetime:
    day = datetime(2024, 1, 1) + timedelta(days=rng.randrange(730))
    hour = rng.choices(range(24), [1, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 3])[0]
    return day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))


def _file_name(rng: random.Random, naming: str, cap: datetime, layout: str, ext: str, seed: int) -> str:
    if naming == "aosp":
        return f"Screenshot_{cap:%Y%m%d-%H%M%S}.{ext}"
    if naming == "miui":
        return f"Screenshot_{cap:%Y-%m-%d-%H-%M-%S}-{rng.randrange(1000):03d}_{rng.choice(PACKAGES[layout])}.{ext}"
    if naming == "samsung":
        return f"Screenshot_{cap:%Y%m%d_%H%M%S}_{rng.choice(PACKAGES[layout])}.{ext}"
    return f"wx_share_{seed & 0xFFFFFFFF:08x}.{ext}"  # forwarded: the capture time is lost


def _chrome(d: ImageDraw.ImageDraw, sk: Skin, rng: random.Random, layout: str, info: dict[str, Any],
            cap: datetime, headsup: bool) -> tuple[int, int, int]:
    """Draw the chrome; (content top, content bottom, bottom of the notification or 0)."""
    top = chrome.status_bar(d, sk, cap, sk.bar if layout in ("sms_thread", "chat_thread") else sk.bg, rng)
    if layout in ("sms_thread", "chat_thread"):
        top += chrome.thread_title_bar(d, sk, top, str(info["title"]), info.get("subtitle"), rng)
    else:
        if layout == "sms_inbox":
            title = rng.choice(["信息", "短信", "信息"] if sk.lang == "zh" else ["Messages", "Messages", "Messaging"])
            tabs = (["全部", "未读", "通知"] if sk.lang == "zh" else ["All", "Unread"]) if sk.tabs else []
        else:
            title = rng.choice(["通话记录", "最近通话", "电话", "通话"] if sk.lang == "zh"
                               else ["Recents", "History", "Call log", "Calls"])
            tabs = (["全部", "未接", "拒接"][: rng.randint(2, 3)] if sk.lang == "zh" else ["All", "Missed"]) \
                if sk.tabs else []
        top += chrome.list_header(d, sk, top, title, tabs, rng)
    bottom = chrome.nav_bar(d, sk, rng)
    if layout in ("sms_thread", "chat_thread"):
        bottom += chrome.input_bar(d, sk, sk.height - bottom, rng)
    elif layout == "call_log" and rng.random() < 0.5:
        labels = ["拨号", "通话记录", "联系人", "收藏"] if sk.lang == "zh" else ["Keypad", "Recents", "Contacts"]
        bottom += chrome.bottom_tabs(d, sk, sk.height - bottom, labels, 1)
    notif = 0
    if headsup:
        notif = chrome.headsup(d, sk, rng, phrases.chat_text(rng, collector=False), rng.choice(phrases.PEOPLE))
    return top, sk.height - bottom, notif


def _runs(items: list[Item], dy: float) -> list[tuple[Item, str, Run]]:
    return [(it, role, r) for it in items for role in it.runs for r in it.placed(role, dy)]


def _clean_cut(items: list[Item], dy: float, vt: float, vb: float) -> bool:
    for _it, role, r in _runs(items, dy):
        if role == "button":
            continue
        f = r.v_fraction(vt, vb)
        if AMBIGUOUS_CUT[0] < f < AMBIGUOUS_CUT[1]:
            return False
    for it in items:  # an inbox row whose name shows always shows a snippet line (SCHEMA.md)
        if it.data.get("snippets"):
            name = it.placed("name", dy)[0].v_fraction(vt, vb) > VISIBLE
            snip = it.placed("snippet", dy)[0].v_fraction(vt, vb) > VISIBLE
            if name and not snip:
                return False
    return True


def _choose_offset(rng: random.Random, items: list[Item], content_h: float, top: float, vt: float, vb: float,
                   thread: bool) -> tuple[float, str]:
    max_off = max(0.0, content_h - (vb - top))
    mode = rng.choices(["top", "middle", "bottom"], [0.15, 0.25, 0.6] if thread else [0.6, 0.4, 0.0])[0]
    off = {"top": 0.0, "bottom": max_off, "middle": rng.uniform(0, max_off)}[mode]
    for k in range(80):
        cand = min(max_off, max(0.0, off + (0 if k == 0 else rng.uniform(-1, 1) * (4 + 3 * k))))
        if _clean_cut(items, top - cand, vt, vb):
            return cand, mode
    raise ValueError("no clean scroll offset")  # the caller draws another screen


def _swipe(rng: random.Random, sk: Skin, items: list[Item], dy: float, vt: float, vb: float) -> Item | None:
    """Shift one fully visible row sideways and put its action buttons behind it."""
    rows = [it for it in items if it.data.get("kind") == "row"
            and all(r.v_fraction(vt, vb) >= 1.0 for _, _, r in _runs([it], dy))]
    if len(rows) < 3:
        return None
    row = rng.choice(rows[1:-1])
    y0, y1 = row.top + dy, row.top + row.height + dy
    text_x = float(row.data["text_x"])  # type: ignore[arg-type]
    sw = sk.width
    shift: float
    right = rng.random() < 0.3
    if not right and text_x - sk.px(6) < sk.px(48):
        right = True
    btn = Item(data={"kind": "button"})
    if right:  # revealed on the left: the right end of the row slides off the screen
        shift = sk.px(rng.uniform(70, 110))
        name = row.placed("name", dy)[0]
        if name.chars and name.chars[-1][1] + shift > sw:
            return None
        row.dx = shift
        label = "已读" if sk.lang == "zh" else "Read"
        fill = sk.accent
        box: Rect = (0, y0, shift, y1)
    else:
        shift = text_x - sk.px(6)
        row.dx = -shift
        label = rng.choice(["删除", "置顶"]) if sk.lang == "zh" else rng.choice(["Delete", "Pin"])
        fill = sk.missed if label in ("删除", "Delete") else sk.accent
        box = (sw - shift, y0, sw, y1)
    btn.painters.append(rrect(box, 0, fill))
    px = sk.px(14)
    r = Run(label, 0, 0, px, False, (255, 255, 255))
    btn.add_run("button", Run(label, (box[0] + box[2] - r.width) / 2, (y0 + y1) / 2 - px * 0.65, px, False,
                              (255, 255, 255)))
    btn.data["box"] = box
    return btn


def _place_fab(rng: random.Random, sk: Skin, items: list[Item], dy: float, vt: float, vb: float,
               layout: str) -> tuple[Rect, str | None] | None:
    size = sk.px(rng.uniform(52, 60))
    label = None
    if layout == "sms_inbox" and sk.family in ("stock", "oneui", "coloros") and rng.random() < 0.6:
        label = "开始聊天" if sk.lang == "zh" else "Start chat"
    width = size if label is None else sk.px(150)
    x1 = sk.width - sk.px(16)
    y1 = vb - sk.px(16) - sk.px(rng.uniform(0, 40))
    for _ in range(24):
        box = (x1 - width, y1 - size, x1, y1)
        if box[1] > vt and _fab_fits(items, dy, vt, vb, box, chrome.fab_radius(sk, box)):
            return box, label
        y1 -= sk.px(7)
    return None


def _fab_fits(items: list[Item], dy: float, vt: float, vb: float, box: Rect, radius: float) -> bool:
    """A floating button may hide the end of snippet lines, whole characters of them, and nothing else.

    A snippet line it touches must lie within the straight part of its left
    edge (not beside a rounded corner, where a character would be half hidden).
    """
    shadow = (box[0] - 2, box[1] - 2, box[2] + 4, box[3] + 6)
    for _it, role, r in _runs(items, dy):
        if r.v_fraction(vt, vb) <= VISIBLE:
            continue
        x0, y0, x1, y1 = r.ink
        if x1 <= shadow[0] or x0 >= shadow[2] or y1 <= shadow[1] or y0 >= shadow[3]:
            continue
        if role != "snippet" or y0 < box[1] + radius or y1 > box[3] - radius:
            return False
        if r.visible_text([box])[1]:
            return False
    return True


def _day_iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _minute_iso(t: datetime | None) -> str | None:
    return t.strftime("%Y-%m-%dT%H:%M") if t else None


def _thread_gold(items: list[Item], dy: float, vt: float, vb: float, sk: Skin, kind: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cur: tuple[datetime | None, date | None] | None = None
    for it in items:
        kind_of = it.data.get("kind")
        if kind_of == "sep":
            visible = it.placed("text", dy)[0].v_fraction(vt, vb) > VISIBLE
            cur = (it.data["minute"], it.data["day"]) if visible else None  # type: ignore[assignment]
            continue
        if kind_of != "bubble":
            continue
        lines = [r.text for r in it.placed("text", dy) if r.v_fraction(vt, vb) > VISIBLE]
        if not lines:
            continue
        minute, day = cur if cur else (None, None)
        if sk.bubble_clock:
            clock_runs = it.placed("clock", dy)
            clock_visible = bool(clock_runs) and clock_runs[0].v_fraction(vt, vb) > VISIBLE
            clock: datetime = it.data["clock"]  # type: ignore[assignment]
            minute = datetime.combine(day, clock.time()).replace(second=0) if (day and clock_visible) else None
        out.append({"kind": kind, "direction": it.data["direction"], "sender": it.data["sender"],
                    "time": _minute_iso(minute), "date": _day_iso(minute.date() if minute else day),
                    "text": join_lines(lines)})
    return out


def _list_gold(items: list[Item], dy: float, vt: float, vb: float, covers: list[Rect], kind: str,
               ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    header_visible = False
    # Rows above the first header on screen: their section's header scrolled
    # away. Under a first visible 昨天 that section can only be today's, which a
    # reader sees (a bare clock is the capture day); above 更早 it is unknowable.
    first_back = next((it.data["back"] for it in items if it.data.get("kind") == "header"
                       and it.placed("text", dy)[0].v_fraction(vt, vb) > VISIBLE), None)
    for it in items:
        kind_of = it.data.get("kind")
        if kind_of == "header":
            header_visible = it.placed("text", dy)[0].v_fraction(vt, vb) > VISIBLE
            continue
        if kind_of != "row":
            continue
        name = it.placed("name", dy)[0]
        if name.v_fraction(vt, vb) <= VISIBLE:
            continue
        times = it.placed("time", dy)
        time_ok = bool(times) and times[0].v_fraction(vt, vb) > VISIBLE and \
            times[0].visible_text(covers)[0] == times[0].text
        minute, day = (it.data["minute"], it.data["day"]) if time_ok else (None, None)
        if it.data.get("needs_header") and not header_visible and first_back != 1:
            minute, day = None, None
        msg: dict[str, Any] = {"kind": kind, "direction": it.data["direction"], "sender": it.data["sender"],
                               "time": _minute_iso(minute), "date": _day_iso(day)}  # type: ignore[arg-type]
        if kind == "call":
            durs = it.placed("duration", dy)
            text = ""
            if durs and durs[0].v_fraction(vt, vb) > VISIBLE and durs[0].visible_text(covers)[0] == durs[0].text:
                text = durs[0].text
            msg["text"] = text
            if text and it.data.get("duration_s") is not None:
                msg["duration_s"] = it.data["duration_s"]
        else:
            parts = []
            for r in it.placed("snippet", dy):
                if r.v_fraction(vt, vb) <= VISIBLE:
                    continue
                seen, _ = r.visible_text(covers)
                parts.append(seen.rstrip("…").rstrip())
            msg["text"] = join_lines(parts)
        out.append(msg)
    return out


def _degrade(rng: random.Random, img: Image.Image) -> tuple[Image.Image, int | None, int | None]:
    """Downscale (forwarded screenshots) and JPEG-recompress; (image, new width or None, quality or None)."""
    scaled = None
    if rng.random() < 0.25 and img.width > 420:
        target = rng.choice([w for w in (360, 400, 480, 540, 720) if w < img.width * 0.9] or [360])
        h = round(img.height * target / img.width)
        img = img.resize((target, h), rng.choice([Image.Resampling.BILINEAR, Image.Resampling.LANCZOS]))
        scaled = target
    q = None
    if rng.random() < 0.5:
        if rng.random() < 0.3:  # forwarded twice: compressed twice
            buf = io.BytesIO()
            img.save(buf, format="JPEG", quality=rng.randint(70, 90))
            img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        q = rng.randint(55, 92)
    return img, scaled, q


def render(seed: int, layout: str | None = None, family: str | None = None) -> Screen:
    """The screen of ``seed`` (optionally forcing a layout or a skin family). Deterministic."""
    for attempt in range(20):
        try:
            return _render(seed, layout, family, attempt)
        except ValueError:
            continue
    raise RuntimeError(f"seed {seed}: no clean screen in 20 attempts")


def _render(seed: int, layout: str | None, family: str | None, attempt: int) -> Screen:
    rng = random.Random(f"screenproof-skin:{seed}:{attempt}")
    layout = layout or rng.choice(LAYOUTS)
    if family is None:
        family = rng.choice(CHAT_FAMILIES if layout == "chat_thread" else PHONE_FAMILIES)
    sk = draw_skin(rng, family)
    cap = _capture(rng)
    naming = rng.choices(["aosp", "miui", "samsung", "none"], [0.35, 0.3, 0.25, 0.1])[0]
    cap_known = naming != "none"
    thread = layout in ("sms_thread", "chat_thread")
    if thread:
        items, info = content.thread_items(sk, rng, cap, cap_known, layout)
    else:
        items, info = content.list_items(sk, rng, cap, cap_known, layout)
    headsup = (not thread) and sk.headsup
    chrome_seed = rng.random()
    scratch = ImageDraw.Draw(Image.new("RGB", (8, 8)))
    top, bottom, notif = _chrome(scratch, sk, random.Random(chrome_seed), layout, info, cap, headsup)
    vt, vb = float(max(top, notif)), float(bottom)
    offset, mode = _choose_offset(rng, items, float(info["content_h"]), top, vt, vb, thread)  # type: ignore[arg-type]
    dy = top - offset
    covers: list[Rect] = [(-EDGE, -EDGE, 0, EDGE), (sk.width, -EDGE, EDGE, EDGE)]
    swiped = False
    if not thread and sk.swipe:
        btn = _swipe(rng, sk, items, dy, vt, vb)
        if btn is not None:
            items.append(btn)
            covers.append(btn.data["box"])  # type: ignore[arg-type]
            swiped = True
    fab = _place_fab(rng, sk, items, dy, vt, vb, layout) if (not thread and sk.fab) else None
    if fab is not None:
        covers.append(fab[0])

    img = Image.new("RGB", (sk.width, sk.height), sk.bg)
    d = ImageDraw.Draw(img)
    for it in items:
        if it.data.get("kind") != "button":
            it.draw(d, dy)
    for it in items:
        if it.data.get("kind") == "button":
            it.draw(d, 0)
    if fab is not None:
        chrome.fab(d, sk, fab[0], fab[1])
    _chrome(d, sk, random.Random(chrome_seed), layout, info, cap, headsup)

    kind = str(info["kind"])
    if thread:
        messages = _thread_gold(items, dy, vt, vb, sk, kind)
    else:
        messages = _list_gold(items, dy, vt, vb, covers, kind)
    if not messages:
        raise ValueError("nothing visible")
    final, scaled, q = _degrade(rng, img)
    name = _file_name(rng, naming, cap, layout, "jpg" if q else "png", seed)
    gold: dict[str, Any] = {
        "image": name,
        "layout": layout,
        "captured_at": cap.isoformat(timespec="seconds") if cap_known else None,
        "thread_title": info["title_gold"] if thread else None,
        "messages": messages,
        "render": {
            "generator": "tests/ocr/skins", "seed": seed, "attempt": attempt, "family": family,
            "platform": sk.platform, "dark": sk.dark, "lang": sk.lang, "size": [sk.width, sk.height],
            "dp_scale": round(sk.s, 3), "body_dp": round(sk.body, 1), "avatar": sk.avatar, "rows": sk.row_style,
            "title_style": sk.title_style, "bubble_clock": sk.bubble_clock, "sections": sk.sections,
            "clock": sk.times.clock, "relative_times": sk.times.relative, "swiped": swiped, "fab": fab is not None,
            "headsup": headsup, "scroll": mode, "downscaled_to": scaled, "jpeg_quality": q, "time_source": naming,
            "group": bool(info.get("group")),
        },
    }
    return Screen(final, gold, name, q)
