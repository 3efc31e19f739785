"""What SMS threads and chat threads share: bubbles, separators, title, order.

Both screens are a column of bubbles (incoming on the left, outgoing on the
right, outgoing in a saturated colour), interleaved with time separators drawn
on the background, under a title bar naming the other party. They differ in
details the parsers pass in: the message kind, whether member names label the
bubbles (group chats), and each style's extras (Samsung's per-bubble clocks,
iOS's "短信/彩信" label) are handled by the generic rules below rather than by
style switches, so an unseen phone of the same family still reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from ocr import times
from ocr.layouts import bar_cuts, thread_title
from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.bubble_regions import bubble_region, inset
from ocr.layouts.short_bubbles import one_whole_line, reread_short
from ocr.model import ME, Box, Direction, ExtractedMessage, Kind, TimeSource
from ocr.page import AVATAR_MARGIN, EDGE_ALIGNMENT, Page
from ocr.preprocess import Block, TextBand, colour_distance, saturation
from ocr.recognition import Line
from ocr.regions import Region, read_regions, row_texts
from ocr.text import join_lines

_GROUP_COUNT = re.compile(r"[(（]\s*\d{1,4}\s*[)）]\s*$")
# The longest separator seen: 2025年12月16日 星期二 下午8:50 (20 characters).
SEPARATOR_MAX_CHARS = 20
# A separator is centred to a few pixels; a bubble's clock hangs under the
# bubble's outer edge, a third of the width or more from the middle.
SEPARATOR_OFF_CENTRE = 0.15


@dataclass(slots=True)
class _Bubble:
    block: Block
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    confidence: float = 0.0
    direction: Direction | None = None
    name: str | None = None
    name_conf: float | None = None
    name_box: Box | None = None
    clock: times.Moment | None = None
    clock_text: str | None = None
    is_separator: bool = False
    is_picture: bool = False
    quote: _Bubble | None = None  # a WeChat reply's quote of an earlier message, drawn under it


@dataclass(slots=True)
class _Band:
    band: TextBand
    lines: list[Line] = field(default_factory=list)
    text: str = ""
    confidence: float = 0.0
    used: bool = False


# A round one-word bubble (好) fills a circle's share of its box (pi/4 = 0.785,
# less its blurred rim), under the 0.8 a pill or a rectangle fills.
ROUND_FILL = 0.74


def is_bubble(page: Page, b: Block) -> bool:
    """A filled block big enough to hold a line of text, not an avatar or a full-width bar."""
    w = page.width
    # A bubble cut off by the input bar has its text running into the cut,
    # which eats into its outline: SCHEMA lists cut-off messages, so it is
    # held to a lower fill.
    cut_off = b.box.y + b.box.h >= page.footer_top - 3
    fill = 0.6 if cut_off else ROUND_FILL if page.is_round_bubble(b) else 0.8
    return (
        not page.is_avatar(b)
        and b.fill > fill
        and w * 0.07 <= b.box.w < w * 0.93
        and b.box.h >= w * 0.045
    )


def avatar_column(page: Page, avatars: list[Block]) -> list[Block]:
    """Blocks in the avatars' column that are not square: a picture clipped by the title bar, not a bubble."""
    w = page.width
    return [
        b for b in page.blocks
        if b not in avatars and any(
            abs(b.box.x - a.box.x) < w * 0.015 and abs(b.box.x + b.box.w - a.box.x - a.box.w) < w * 0.015
            for a in avatars
        )
    ]


def bubble_blocks(page: Page) -> list[Block]:
    """The page's bubbles: the one definition the classifier and the thread parser share."""
    column = avatar_column(page, [b for b in page.blocks if page.is_avatar(b)])
    return [b for b in page.blocks if is_bubble(page, b) and b not in column]


def _text_of(lines: list[Line]) -> tuple[str, float]:
    if not lines:
        return "", 0.0
    text = join_lines(row_texts(lines))
    total = sum(max(1, len(ln.text)) for ln in lines)
    conf = sum(ln.confidence * max(1, len(ln.text)) for ln in lines) / total
    return text, conf


def _drop_slivers(lines: list[Line], body_h: float, crop: Box) -> list[Line]:
    """Lines cut by the screen edge: under half a line visible is not legible (SCHEMA.md)."""
    out = []
    for ln in lines:
        touches = ln.box.y <= crop.y + 2 or ln.box.y + ln.box.h >= crop.y + crop.h - 2
        if touches and ln.box.h < 0.5 * body_h:
            continue
        out.append(ln)
    return out


def parse_thread(ctx: PageContext, page: Page, kind: Kind) -> PageResult:
    """Bubbles → messages, top to bottom, with direction, sender and time."""
    img = ctx.image
    w = page.width
    avatars = [b for b in page.blocks if page.is_avatar(b)]
    in_avatar_column = avatar_column(page, avatars)
    bubbles = [_Bubble(b) for b in bubble_blocks(page)]
    reach = [bubble_region(b.block, page) for b in bubbles]
    # A band inside where a bubble is read is that bubble's line (one cut by the title bar).
    bands = [_Band(t) for t in page.bands if not any(t.box.centre_in(r) for r in reach)]
    # Time pills (WeChat's grey rounded clock): a centred, line-high filled block
    # that is no bubble (its light text holes its fill). Read like loose text.
    # Its rounded ends are cut off: binarised, the page behind them turns into
    # black corners that make Tesseract return nothing.
    bands += [
        _Band(TextBand(inset(b.box)))
        for b in page.blocks
        if not is_bubble(page, b) and not page.is_avatar(b) and b not in in_avatar_column
        and abs(b.box.centre[0] - w / 2) < w * 0.06 and b.box.h < w * 0.1 and b.box.w < w * 0.8
    ]
    title_bands = [t for t in thread_title.title_bands(page) if not any(t.box.centre_in(r) for r in reach)]
    pad = max(2, int(w * 0.01))
    # Title first: Tesseract reads the big title best at the top of the canvas.
    # It names the sender of every incoming message, so a canvas-reading
    # engine reads it twice, at two sizes, and the more confident reading wins
    # (Tesseract's reading of a rare character flips with the text size).
    title_regions = [Region(t.box, pad) for t in title_bands]
    if not ctx.engine.prefers_page:
        title_regions += [Region(t.box, pad, zoom=thread_title.TITLE_SECOND_ZOOM) for t in title_bands]
    regions = (
        title_regions
        + [Region(r, 0, weak_lines_ok=True) for r in reach]
        + [Region(b.band.box, pad) for b in bands]
    )
    read = read_regions(ctx.engine, img, regions)
    nh, nb = len(title_regions), len(bubbles)
    nt = len(title_bands)
    readings = [[ln for lst in read[k : k + nt] for ln in lst] for k in range(0, nh, max(1, nt))] or [[]]
    bubble_lines = read[nh : nh + nb]
    band_lines = read[nh + nb :]

    heights = sorted(ln.box.h for lst in bubble_lines for ln in lst)
    body_h = float(heights[len(heights) // 2]) if heights else w * 0.05
    short = [k for k, lines in enumerate(bubble_lines) if not lines and one_whole_line(page, bubbles[k].block.box, body_h)]
    for k, lines in zip(short, reread_short(ctx.engine, img, [reach[k] for k in short]), strict=True):
        bubble_lines[k] = lines
    for b, lines in zip(bubbles, bubble_lines, strict=True):
        b.lines = _drop_slivers(lines, body_h, b.block.box)
        b.text, b.confidence = _text_of(b.lines)
    for t, lines in zip(bands, band_lines, strict=True):
        t.lines = lines
        t.text, t.confidence = _text_of(lines)

    title, title_conf = max((thread_title.clean_title(lines, page) for lines in readings), key=lambda tc: tc[1])
    is_group = bool(title and _GROUP_COUNT.search(title))

    # Centred pills holding a time are separators (Samsung's date pills, WeChat's
    # clocks); a narrow one holding a clock is one also when a word of its day
    # was misread (星期二 → 期二): it reaches neither side, where bubbles hang.
    for b in bubbles:
        box = b.block.box
        if abs(box.centre[0] - w / 2) < w * 0.06 and (
            times.is_time_text(b.text)
            or (box.w < w * 0.5 and times.has_clock(b.text) and len(b.text.strip()) <= SEPARATOR_MAX_CHARS)
        ):
            b.is_separator = True
    # A bubble with no text beside an avatar is a picture, a sticker or an
    # emoji-only message: it is still a message (SCHEMA lists it with empty
    # text), and for a harassment record it counts like any other.
    for b in bubbles:
        if not b.is_separator and not b.text.strip() and _beside_avatar(b.block.box, avatars, w):
            b.is_picture = True
    if kind is Kind.CHAT:
        bubbles += _pictures_beside_lone_avatars(page, avatars, bubbles, bands)
    bubbles += _cut_off_under_the_title_bar(page, bands, img)
    real = [b for b in bubbles if not b.is_separator and (b.text.strip() or b.is_picture)]

    _assign_clocks_and_names(real, bands, w, body_h, ctx.captured_at)
    names = bar_cuts.restore_cut_names([(b.name, b.name_box, b.block.box) for b in real], page)
    for b, name in zip(real, names, strict=True):
        b.name = name
    if any(b.name for b in real):
        is_group = True
    _assign_directions(real, avatars, w)
    if kind is Kind.CHAT:
        real = _fold_quotes(real, avatars, w)

    # Walk the page top to bottom.
    items: list[tuple[int, object]] = [(b.block.box.y, b) for b in bubbles if b in real or b.is_separator]
    items += [(t.band.box.y, t) for t in bands if not t.used]
    items.sort(key=lambda it: it[0])
    sep_minute: datetime | None = None
    sep_date: date | None = None
    sep_text: str | None = None
    seen_separator = False
    messages: list[ExtractedMessage] = []
    for _, item in items:
        text = item.text if isinstance(item, (_Bubble, _Band)) else ""
        if isinstance(item, _Band) or (isinstance(item, _Bubble) and item.is_separator):
            moment = times.parse_moment(text, ctx.captured_at)
            if moment is None:
                continue
            if isinstance(item, _Band) and abs(item.band.box.centre[0] - w / 2) > w * SEPARATOR_OFF_CENTRE:
                # A time at one side is a bubble's own clock, its bubble above the
                # screen's top: every app centres the separators that date a thread.
                continue
            seen_separator = True
            sep_text = text
            sep_date = moment.date
            sep_minute = moment.minute
            continue
        assert isinstance(item, _Bubble)
        b = item
        time_val: datetime | None
        if b.clock is not None:
            if b.clock.minute is not None and not b.clock.is_time_only:
                time_val = b.clock.minute
            else:
                time_val = b.clock.on(sep_date) if seen_separator else None
        else:
            time_val = sep_minute if seen_separator else None
        direction = b.direction or Direction.INCOMING
        if direction is Direction.OUTGOING:
            sender: str | None = ME
            sender_conf = 1.0
        elif is_group:
            sender = b.name or ""
            sender_conf = b.name_conf if b.name_conf is not None else 0.0
        else:
            sender = title or ""
            sender_conf = title_conf
        box = b.block.box if b.quote is None else Box.union([b.block.box, b.quote.block.box])
        field_conf = {"text": round(b.confidence, 3), "sender": round(sender_conf, 3)}
        if time_val is not None:
            field_conf["time"] = 1.0
        messages.append(
            ExtractedMessage(
                kind=kind,
                direction=direction,
                sender=sender,
                time=time_val,
                text=b.text,
                box=box,
                confidence=b.confidence,
                time_source=TimeSource.SEPARATOR if time_val is not None else None,
                field_confidence=field_conf,
                date=time_val.date() if time_val is not None else (sep_date if seen_separator else None),
                time_text=times.make_label(sep_text if seen_separator else None, b.clock_text),
                labels=(QUOTE_LABEL + b.quote.text,) if b.quote is not None and b.quote.text else (),
            )
        )
    ctx.notes["group"] = is_group
    return PageResult(thread_title=title, messages=messages)


def _assign_clocks_and_names(
    bubbles: list[_Bubble], bands: list[_Band], w: int, body_h: float, captured_at: datetime | None
) -> None:
    """Loose text beside or under a bubble is its clock (Samsung); just above it, a member name (groups)."""
    for t in bands:
        tb = t.band.box
        if not t.text:
            continue
        is_time = times.is_time_text(t.text)
        for b in bubbles:
            bb = b.block.box
            v_overlap = min(tb.y + tb.h, bb.y + bb.h) - max(tb.y, bb.y)
            beside = tb.x >= bb.x + bb.w - w * 0.01 or tb.x + tb.w <= bb.x + w * 0.01
            h_gap = max(tb.x - (bb.x + bb.w), bb.x - (tb.x + tb.w))
            # Or printed under it, flush with its outer edge (Samsung, some ROMs).
            under = 0 <= tb.y - (bb.y + bb.h) < w * 0.03 and (
                abs(tb.x - bb.x) < w * 0.02 or abs(tb.x + tb.w - bb.x - bb.w) < w * 0.02
            )
            level = v_overlap > tb.h * 0.5 and beside and h_gap < w * 0.12
            if is_time and (level or under) and b.clock is None:
                b.clock = times.parse_moment(t.text, captured_at)
                b.clock_text = t.text
                t.used = True
                break
            gap_above = bb.y - (tb.y + tb.h)
            if (
                not is_time
                and -tb.h * 0.3 <= gap_above < w * 0.05
                and abs(tb.x - bb.x) < w * 0.05
                and tb.h < body_h * 1.1
                and b.name is None
                and not caption_of_bubble_above(tb, [o.block.box for o in bubbles], gap_above)
            ):
                b.name = t.text.strip()
                b.name_conf = t.confidence
                b.name_box = tb
                t.used = True
                break


# A quote hangs under the reply it belongs to, a sliver apart (0.009 of the
# width on WeChat iOS and Android); the next message is a full line further.
QUOTE_GAP = 0.03
# The quote's words are the app's, not the message's: kept with the reply,
# marked as a quote (an English UI's reply shows the same grey block).
QUOTE_LABEL = "引用："


def _quotes_in(q: _Bubble, reply: _Bubble, avatars: list[Block], w: int) -> bool:
    """Whether ``q`` hangs under ``reply`` as its quote: no picture of its own, a sliver below, on the reply's edge."""
    if reply.quote is not None or q.is_picture or reply.is_picture:
        return False
    qb, rb = q.block.box, reply.block.box
    if _beside_avatar(qb, avatars, w) or not _beside_avatar(rb, avatars, w):
        return False
    # The quote is as wide as its words, so its own side says little: the reply's does.
    outgoing = reply.direction is Direction.OUTGOING
    edge_gap = abs((qb.x + qb.w) - (rb.x + rb.w)) if outgoing else abs(qb.x - rb.x)
    return 0 <= qb.y - (rb.y + rb.h) < w * QUOTE_GAP and edge_gap <= w * EDGE_ALIGNMENT


def _fold_quotes(bubbles: list[_Bubble], avatars: list[Block], w: int) -> list[_Bubble]:
    """A block with no avatar hanging under a message that has one is that message's quote, not a message.

    In a chat every message has its sender's picture beside it; a WeChat
    reply draws the message it quotes as a grey block under the reply,
    lined up with the reply's outer edge, with no picture. Read as a message,
    the quoted words were counted twice, once under the wrong time.
    """
    out: list[_Bubble] = []
    for b in sorted(bubbles, key=lambda b: b.block.box.y):
        if out and _quotes_in(b, out[-1], avatars, w):
            out[-1].quote = b
        else:
            out.append(b)
    return out


def caption_of_bubble_above(tb: Box, bubbles: list[Box], gap_below: int, *, overlap: float = 0.3) -> bool:
    """Small print nearer the bubble over it than the one under it: that bubble's clock or status.

    A member's name sits on top of its own bubble; a clock printed under each
    bubble (Samsung, some ROMs) sits the same way over the next one, and a
    misread clock (晚上10:18 → 脾上10.18) is no time text. Taken for a name,
    it made a one-to-one thread a group and every sender a clock. The layout
    classifier asks the same before counting named bubbles. ``overlap``: how
    far (in its own heights) the print may reach up into the bubble above.
    """
    for ob in bubbles:
        gap_up = tb.y - (ob.y + ob.h)
        h_overlap = min(tb.x + tb.w, ob.x + ob.w) - max(tb.x, ob.x)
        if h_overlap > 0 and -tb.h * overlap <= gap_up < gap_below:
            return True
    return False


def _pictures_beside_lone_avatars(
    page: Page, avatars: list[Block], bubbles: list[_Bubble], bands: list[_Band]
) -> list[_Bubble]:
    """In a chat every message has its avatar; an avatar with no bubble beside it has a picture.

    A photo or a document image has no uniform fill, so it is not found as a
    block. Its box reaches from the avatar's top (below the member's name, in
    a group) to whatever comes next, on the avatar's side of the screen.
    """
    w = page.width
    out: list[_Bubble] = []
    for a in avatars:
        ab = a.box
        if ab.y <= page.header_bottom + 2 or ab.y + ab.h >= page.footer_top - 2:
            continue  # cut off by a bar: what is beside it cannot be told
        if any(_beside_avatar(b.block.box, [a], w) for b in bubbles):
            continue
        left = ab.x < w / 2
        x0 = ab.x + ab.w + int(w * 0.02) if left else int(ab.x - w * 0.02 - w * 0.35)
        top = ab.y
        for t in bands:
            tb = t.band.box
            if abs(tb.y - ab.y) < ab.h * 0.4 and (abs(tb.x - x0) < w * 0.05 if left else tb.x > w / 2):
                top = max(top, tb.y + tb.h + 2)  # the member's name above the picture
        # What comes next: an avatar, a bubble or a centred time separator.
        # Other blocks and lines below are pieces of the picture itself (a
        # form's stamps and printed lines).
        below = [b.box.y for b in avatars if b.box.y > ab.y + ab.h * 0.5]
        below += [b.block.box.y for b in bubbles if b.block.box.y > ab.y + ab.h * 0.5]
        below += [
            t.band.box.y for t in bands
            if t.band.box.y > top + ab.h * 0.5 and abs(t.band.box.centre[0] - w / 2) < w * 0.06
            and times.is_time_text(t.text)
        ]
        bottom = min([*below, page.footer_top, int(top + w * 0.9)]) - int(w * 0.01)
        if bottom - top < ab.h * 0.5:
            continue
        box = Box(max(0, x0), top, int(w * 0.35), bottom - top)
        out.append(_Bubble(Block(box, a.color, 0.0), is_picture=True))
    return out


def _cut_off_under_the_title_bar(page: Page, bands: list[_Band], img: np.ndarray) -> list[_Bubble]:
    """The bottom of a message scrolled under the title bar: a strip with no legible text.

    SCHEMA lists cut-off messages; its text is unknown (empty), and its side
    says its direction. Avatars' strips (narrow, against the screen's edge)
    and time separators are not messages, nor is what ``bar_cuts.is_cut_bubble``
    tells from a bubble's bottom.
    """
    w = page.width
    out: list[_Bubble] = []
    for t in bands:
        b = t.band.box
        if b.y > page.header_bottom + w * 0.01 or b.w < w * 0.1 or t.text.strip():
            continue
        if b.w <= w * 0.2 and (b.x < w * AVATAR_MARGIN or b.x + b.w > w * (1 - AVATAR_MARGIN)):
            continue
        if not bar_cuts.is_cut_bubble(img, b, page.bg):
            continue
        t.used = True
        out.append(_Bubble(Block(b, page.bg, 0.0), is_picture=True))
    return out


def _beside_avatar(bb: Box, avatars: list[Block], w: int) -> bool:
    """An avatar next to the block, level with its top (a group's name label may sit between)."""
    for a in avatars:
        ab = a.box
        level = abs(ab.y - bb.y) < ab.h * 0.6
        gap = max(ab.x - (bb.x + bb.w), bb.x - (ab.x + ab.w))
        if level and 0 <= gap < w * 0.08:
            return True
    return False


def _assign_directions(bubbles: list[_Bubble], avatars: list[Block], w: int) -> None:
    """Side of the screen first (an avatar beside it, then margins), colour for the ambiguous."""
    undecided: list[_Bubble] = []
    for b in bubbles:
        bb = b.block.box
        for a in avatars:
            ab = a.box
            v_overlap = min(ab.y + ab.h, bb.y + bb.h) - max(ab.y, bb.y)
            if v_overlap <= 0 or v_overlap < min(ab.h, bb.h) * 0.3:
                continue
            if 0 <= ab.x - (bb.x + bb.w) < w * 0.08:
                b.direction = Direction.OUTGOING
            elif 0 <= bb.x - (ab.x + ab.w) < w * 0.08:
                b.direction = Direction.INCOMING
            if b.direction:
                break
        if b.direction:
            continue
        left = bb.x
        right = w - (bb.x + bb.w)
        if right < left - w * 0.05:
            b.direction = Direction.OUTGOING
        elif left < right - w * 0.05:
            b.direction = Direction.INCOMING
        else:
            undecided.append(b)
    decided = [b for b in bubbles if b.direction]
    for b in undecided:
        if decided:
            nearest = min(decided, key=lambda d: colour_distance(d.block.color, b.block.color))
            if colour_distance(nearest.block.color, b.block.color) < 40:
                b.direction = nearest.direction
                continue
        b.direction = Direction.OUTGOING if saturation(b.block.color) > 40 else Direction.INCOMING

