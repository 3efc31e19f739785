"""The call log: one row per call, read as a message of kind ``call``.

A row shows only the other party, so ``sender`` is that party in every
direction, outgoing included (SCHEMA.md: never ``me``). The text is the
duration as shown (``1分23秒``), or ``""`` when the row shows none; the time
follows the list-row rule (a minute only when a clock is shown).

The direction is read from colour and icons, which is how people read it too:

* missed: the name is red (every phone does this; Android also draws a red
  arrow);
* Android: the small arrow at the start of the second line is green for
  incoming and blue for outgoing, and points into or out of the row;
* iOS: an outgoing call has a small handset icon left of the name;
* otherwise incoming.

Geometry comes from :mod:`ocr.layouts.list_rows`.
"""

from __future__ import annotations

import logging
import re

import numpy as np

from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.list_rows import ListPage, Row, Segment, TextLine
from ocr.layouts.row_colour import hue_share
from ocr.layouts.row_reading import LIST_PAGE, content_top, read_rows
from ocr.layouts.row_text import (
    joined,
    mean_confidence,
    name_and_time,
    section_header,
    sender_text,
    union_box,
    whole_line,
    with_header_day,
)
from ocr.model import Direction, ExtractedMessage, Kind, Layout, TimeSource
from ocr.times import is_time_text, resolve_label

log = logging.getLogger(__name__)

# 3秒, 1分23秒, 1小时2分3秒. Tesseract reads a lone 秒 after digits as ``%)`` or
# ``#)`` often enough that those endings are accepted too; the text is then
# written back in the phone's own form.
_DURATION = re.compile(r"(?:(\d{1,2})小时)?(?:(\d{1,3})分钟?)?(\d{1,2})(?:秒|[%#][)）]?|[)）])$")
# A missed call's name is drawn in red: a clear share of its ink is red.
_RED_NAME = 0.3
# A row's second label: a mark others put on the number, its place or carrier,
# or a relative time. Never a party's name.
_LABEL = re.compile(
    r"(?:疑似)?(?:骚扰电话|诈骗电话|广告推销|推销电话|房产中介|保险理财|快递外卖|出租车|催收|响一声|未知号码|"
    r"骚扰|诈骗|推销|广告|中介|快递)(?:电话)?|"
    r"[\u4e00-\u9fff]{0,10}(?:移动|联通|电信|广电)|.{1,12}前|.{1,12}\bago\.?|"
    r"被\d+人标记.{0,8}",
    re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(r"^\+?\d[\d\-]{4,}\d")
_ICON_COLOUR = 0.2


class CallLogParser:
    """``LayoutParser`` for ``call_log``."""

    layout = Layout.CALL_LOG

    def parse(self, ctx: PageContext) -> PageResult:
        # Only the right end of the second line can be a duration; the place
        # and carrier before it are read for context, not kept.
        page, units = read_rows(
            ctx.engine, ctx.image, lambda _page, ln: whole_line(ln.main[:-1]) + ln.main[-1:], max_lines=2,
            top=content_top(ctx), known=ctx.notes.get(LIST_PAGE),
        )
        messages: list[ExtractedMessage] = []
        header: str | None = None
        for row in page.rows:
            if len(row.lines) == 1:
                is_header, day = section_header(joined(units[id(row.lines[0])] + [s for s in row.extra if s.read]))
                if is_header:
                    header = day  # 今天 / Yesterday: not a call, but the day of the clocks under it
                    continue
            if (m := _message(page, row, ctx, units, header)) is not None:
                messages.append(m)
        log.debug("call log: %d rows, %d messages", len(page.rows), len(messages))
        return PageResult(thread_title=None, messages=messages)


def _message(page: ListPage, row: Row, ctx: PageContext, units: dict[int, list[Segment]],
             header: str | None = None) -> ExtractedMessage | None:
    first = row.lines[0]
    extras = [s for s in row.extra if s.read]
    name_segs, time_text, time_segs = name_and_time(units[id(first)] + extras)
    if time_text is None:
        # An iOS time centred between the two lines sits on a line of its own.
        for s in extras:
            if s.text and is_time_text(s.text):
                time_text, time_segs = s.text, [s]
                break
    # A row found by geometry is a call even when its name could not be read.
    sender = sender_text(joined(name_segs)) or None
    if sender is not None and _LABEL.fullmatch(sender) and not re.search(r"\d{3}", sender) and len(row.lines) > 1:
        # The first line shows the number's mark or place (骚扰电话, 内蒙古呼和浩特联通)
        # and the number itself is under it: the party is the number.
        lower = joined(units[id(row.lines[1])])
        number = _LEADING_NUMBER.match(lower.replace(" ", ""))
        if number:
            sender = sender_text(number.group(0))
    if sender is None and time_text is None:
        return None
    duration_text, duration_s, dur_segs = "", None, []
    if len(row.lines) > 1:
        second = units[id(row.lines[1])]
        last = second[-1] if len(second) > 1 else None
        m = _DURATION.search(last.text.replace(" ", "")) if last is not None else None
        if m and last is not None:
            h, mi, sec = (int(g) if g else 0 for g in m.groups())
            duration_s = h * 3600 + mi * 60 + sec
            duration_text = _format_duration(h, mi, sec, m.group(1) is not None, m.group(2) is not None)
            dur_segs = [last]
    time_text = with_header_day(time_text, header)
    minute, day = resolve_label(time_text, ctx.captured_at)
    direction = _direction(page, first, name_segs, row.lines[1] if len(row.lines) > 1 else None)
    field_conf = {"sender": mean_confidence(name_segs)}
    if time_text:
        field_conf["time"] = mean_confidence(time_segs)
    if dur_segs:
        field_conf["text"] = mean_confidence(dur_segs)
    return ExtractedMessage(
        kind=Kind.CALL,
        direction=direction,
        sender=sender,
        time=minute,
        date=day,
        time_text=time_text,
        text=duration_text,
        box=row.box(),
        confidence=mean_confidence(name_segs + time_segs + dur_segs),
        time_source=TimeSource.ROW if minute else None,
        duration_s=duration_s,
        field_confidence=field_conf,
    )


def _format_duration(h: int, mi: int, sec: int, has_h: bool, has_m: bool) -> str:
    out = f"{h}小时" if has_h else ""
    if has_m or has_h:
        out += f"{mi}分"
    return out + f"{sec}秒"


def _direction(page: ListPage, first: TextLine, name_segs: list[Segment], second: TextLine | None) -> Direction:
    if name_segs and hue_share(page, union_box(name_segs))["red"] >= _RED_NAME:
        return Direction.MISSED
    if second is not None:
        arrow = _arrow_box(page, second)
        colours = hue_share(page, arrow)
        if colours["red"] >= _ICON_COLOUR:
            return Direction.MISSED
        if colours["green"] >= _ICON_COLOUR:
            return Direction.INCOMING
        if colours["blue"] >= _ICON_COLOUR:
            return Direction.OUTGOING
        icon = second.main[0]
        pointing = _arrow_points_out(page, arrow) if icon.w <= 1.2 * icon.h and len(second.main) > 1 else None
        if pointing is not None:
            return Direction.OUTGOING if pointing else Direction.INCOMING
    # iOS: a handset icon left of the name marks an outgoing call.
    small = [s for s in first.left if s.h <= 1.3 * first.h and s.w <= 1.3 * first.h]
    if small:
        return Direction.OUTGOING
    return Direction.INCOMING


def _arrow_box(page: ListPage, line: TextLine) -> tuple[int, int, int, int]:
    """Where a direction arrow sits: the first text-height square of the second line."""
    x0 = line.main[0].x0
    return (x0 - round(0.2 * line.h), line.y0, x0 + round(1.0 * line.h), line.y1)


def _arrow_points_out(page: ListPage, box: tuple[int, int, int, int]) -> bool | None:
    """Shape fallback for grey arrows: ↗ has its head top right, ↙ bottom left.

    Only trusted when the ink is a small isolated mark (not the first glyph of
    a word), else None.
    """
    x0, y0, x1, y1 = box
    ink = page.ink[max(0, y0) : y1, max(0, x0) : x1] > 48
    if ink.size == 0 or ink.sum() < 8:
        return None
    cols = np.where(ink.any(axis=0))[0]
    if cols.size == 0 or cols[-1] >= ink.shape[1] - 1:
        return None  # the ink runs on into a word: not an icon
    h, w = ink.shape
    tr = ink[: h // 2, w // 2 :].sum()
    bl = ink[h // 2 :, : w // 2].sum()
    if max(tr, bl) < 1.5 * max(1, min(tr, bl)):
        return None
    return bool(tr > bl)


PARSER = CallLogParser()
