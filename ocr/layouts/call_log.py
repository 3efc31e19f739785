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

import itertools
import logging
import re

import numpy as np

from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.call_labels import (
    DURATION_ZH,
    beside_name,
    is_label,
    label_of,
    line_text,
    named_direction,
    read_second_line,
)
from ocr.layouts.list_rows import ListPage, Row, Segment, TextLine
from ocr.layouts.row_colour import hue_share
from ocr.layouts.row_reading import LIST_PAGE, content_top, read_rows
from ocr.layouts.row_text import (
    DatedRows,
    joined,
    mean_confidence,
    name_and_time,
    section_header,
    sender_text,
    union_box,
    whole_line,
)
from ocr.model import Direction, ExtractedMessage, Kind, Layout, TimeSource
from ocr.times import is_time_text

log = logging.getLogger(__name__)

# A missed call's name is drawn in red: a clear share of its ink is red.
_RED_NAME = 0.3
_LEADING_NUMBER = re.compile(r"^\+?\d[\d\-]{4,}\d")
_ICON_COLOUR = 0.2
# Kept for the tests and callers that read durations alone.
_DURATION = DURATION_ZH


class CallLogParser:
    """``LayoutParser`` for ``call_log``."""

    layout = Layout.CALL_LOG

    def parse(self, ctx: PageContext) -> PageResult:
        # The second line is read as two pieces, its right end apart (a
        # duration or a time right-aligned under the row's time); what the
        # pieces mean is decided from the text (``call_labels``).
        page, units = read_rows(
            ctx.engine, ctx.image, lambda _page, ln: whole_line(ln.main[:-1]) + ln.main[-1:], max_lines=2,
            top=content_top(ctx), known=ctx.notes.get(LIST_PAGE),
        )
        rows = list(page.rows)
        headers = [_header_of(row, units) for row in rows]
        dated = DatedRows(headers)
        messages: list[ExtractedMessage] = []
        taken = -1  # the index of the row the last call was read from
        for k, (row, (is_header, day)) in enumerate(zip(rows, headers, strict=True)):
            if is_header:
                dated.enter(day)  # 今天 / Yesterday: not a call, but the day of the clocks under it
                continue
            m = _message(page, row, ctx, units, dated)
            if m is None or _not_a_call(page, row, units, m, last=k == len(rows) - 1, started=bool(messages)):
                if m is not None and messages and taken == k - 1 and _split_off_label(row, m):
                    # The label line of the call above, cut off it (a swiped row): its label,
                    # else the ledger would count it inside that call's box and lose it.
                    messages[-1].labels += (m.sender or "",)
                continue  # its lines stay on the page for the ledger: ``unassigned``
            messages.append(m)
            taken = k
        log.debug("call log: %d rows, %d messages", len(page.rows), len(messages))
        return PageResult(thread_title=None, messages=messages)


def _split_off_label(row: Row, m: ExtractedMessage) -> bool:
    """A one-line row that reads as a label alone (骚扰电话, 浙江杭州 移动), with no time and no call of its own."""
    return len(row.lines) == 1 and m.time_text is None and not m.text and is_label(m.sender or "")


def _header_of(row: Row, units: dict[int, list[Segment]]) -> tuple[bool, str | None]:
    if len(row.lines) != 1:
        return False, None
    return section_header(joined(units[id(row.lines[0])] + [s for s in row.extra if s.read]))


def _not_a_call(page: ListPage, row: Row, units: dict[int, list[Segment]], m: ExtractedMessage,
                *, last: bool, started: bool) -> bool:
    """A one-line row that is the list's chrome or the tail of a row cut off at the top.

    Every call row starts with the party (a name or a number) on a line of its
    own size; the secondary line is smaller. Before the first call a line alone
    without a time and without a number is a tab strip, a filter chip or a
    search field (全部 / 未接, "Missed", "Q 搜索"); a line alone that is a
    secondary label (骚扰电话 13:43, 浙江杭州), or is clearly smaller than the
    rows' first lines, is what is left of a row whose name scrolled away
    (SCHEMA: a row is listed when its first line is visible). After the last
    call, a line with no word on it, or short words far apart, is the bottom
    tab bar.
    """
    if len(row.lines) != 1:
        return False
    sender = m.sender or ""
    numberish = bool(_NUMBER.search(sender))
    if not _WORD.search(sender) and m.time_text is None:
        return True  # icons, a chevron: nothing a call could be
    if started:
        if m.time_text is None and is_label(sender):
            return True  # a row's label line split off it (a swiped row): not a party
        return last and m.time_text is None and _tab_strip(units[id(row.lines[0])])
    if m.time_text is None and not numberish:
        return True
    if is_label(sender):
        return True
    return not numberish and _smaller_than_first_lines(page, row)


_NUMBER = re.compile(r"\d{3}")
_WORD = re.compile(r"[0-9A-Za-z\u3400-\u9fff]{2,}|[\u3400-\u9fff]")
# A secondary line is set at 0.72–0.85 of the name's size on the phones we
# know: a line under 0.8 of the rows' first lines is not a first line.
_SECONDARY_SIZE = 0.8


def _smaller_than_first_lines(page: ListPage, row: Row) -> bool:
    firsts = sorted(r.lines[0].h for r in page.rows if len(r.lines) > 1)
    if len(firsts) < 2:
        return False
    return row.lines[0].h < _SECONDARY_SIZE * firsts[len(firsts) // 2]


def _tab_strip(segs: list[Segment]) -> bool:
    """Several short words far apart and nothing else: a bottom tab bar (拨号 通话记录 联系人)."""
    words = [s for s in segs if s.text]
    if len(words) < 2:
        return False
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    return all(len(s.text) <= 8 for s in words) and min(gaps) > 1.5 * max(s.h for s in words)


def _message(page: ListPage, row: Row, ctx: PageContext, units: dict[int, list[Segment]],
             dated: DatedRows) -> ExtractedMessage | None:
    first = row.lines[0]
    extras = [s for s in row.extra if s.read]
    first_segs = units[id(first)] + extras
    name_segs, time_text, time_segs = name_and_time(first_segs)
    if time_text is None:
        # An iOS time centred between the two lines sits on a line of its own.
        for s in extras:
            if s.text and is_time_text(s.text):
                time_text, time_segs = s.text, [s]
                break
    name_segs, labels = beside_name(first_segs, name_segs, time_segs)
    second_segs = units[id(row.lines[1])] if len(row.lines) > 1 else []
    second = read_second_line(line_text(second_segs), want_time=time_text is None)
    if second.time_text is not None:
        time_text, time_segs = second.time_text, second_segs  # a time printed in the secondary line
    # A row found by geometry is a call even when its name could not be read.
    sender = _without_icon_glyph(sender_text(joined(name_segs)), first) or None
    under = second.label
    if sender is not None and is_label(sender) and len(row.lines) > 1:
        # The first line shows the number's mark or place (骚扰电话, 内蒙古呼和浩特联通)
        # and the number itself is under it: the party is the number, the mark a label.
        number = _LEADING_NUMBER.match(under.replace(" ", ""))
        if number:
            labels = (" ".join(sender.split()), *labels)
            sender = sender_text(number.group(0))
            under = _after(under, len(number.group(0)))
    labels += label_of(under)
    if sender is None and time_text is None:
        return None
    dur_segs = second_segs if second.duration_text else []
    time_text, (minute, day) = dated.resolve(time_text, ctx.captured_at)
    direction = named_direction(labels) or _direction(
        page, first, name_segs, row.lines[1] if len(row.lines) > 1 else None
    )
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
        text=second.duration_text,
        box=row.box(),
        confidence=mean_confidence(name_segs + time_segs + dur_segs),
        time_source=TimeSource.ROW if minute else None,
        duration_s=second.duration_s,
        field_confidence=field_conf,
        labels=labels,
    )


def _after(text: str, chars: int) -> str:
    """``text`` after its first ``chars`` characters that are not blanks (a number read with its groups apart)."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == chars:
            return text[i:]
        seen += not ch.isspace()
    return ""


# What the engine makes of a direction icon glued to the name (iOS's outgoing
# handset, an arrow on a swiped row): ↗ read as 7 or /.
_ICON_GLYPHS = "7/↗↑>"
# Chinese numbers as phones show them: mobiles, 106/10xxx service numbers,
# landlines with their area code, 95xxx and 400 hotlines.
_CN_NUMBER = re.compile(r"\+?(?:86)?(?:1[3-9]\d{9}|10\d{3,13}|0\d{9,11}|95\d{3,4}|400\d{7})")


def _without_icon_glyph(sender: str, first: TextLine) -> str:
    """A name or number without the icon character the engine read in front of it."""
    if len(sender) < 2 or sender[0] not in _ICON_GLYPHS:
        return sender
    rest = sender[1:].strip()
    if rest[:1].isdigit() or rest[:1] == "+":
        # 71069314739341: a number is valid without the 7, not with it
        return rest if _CN_NUMBER.fullmatch(rest) and not _CN_NUMBER.fullmatch(sender) else sender
    return rest if first.left and rest else sender


def _direction(page: ListPage, first: TextLine, name_segs: list[Segment], second: TextLine | None) -> Direction:
    if name_segs and hue_share(page, union_box(name_segs))["red"] >= _RED_NAME:
        return Direction.MISSED
    if second is not None:
        arrow = _arrow_box(page, second)
        colours = hue_share(page, arrow)
        if colours["red"] >= _ICON_COLOUR:
            return Direction.MISSED
        # The arrow's shape before its colour: red means missed everywhere, but
        # phones colour the other two as they like (green or blue for either,
        # or the theme's accent), while ↗ is outgoing and ↙ incoming on all.
        icon = second.main[0]
        # An icon-sized first piece: followed by words, or alone on a line no
        # taller than the name's (a call with no place or number under it).
        alone = len(second.main) == 1 and icon.h <= first.h
        pointing = (
            _arrow_points_out(page, _shape_box(second, arrow))
            if icon.w <= 1.2 * icon.h and (len(second.main) > 1 or alone)
            else None
        )
        if pointing is not None:
            return Direction.OUTGOING if pointing else Direction.INCOMING
        if colours["green"] >= _ICON_COLOUR:
            return Direction.INCOMING
        if colours["blue"] >= _ICON_COLOUR:
            return Direction.OUTGOING
    # iOS: a handset icon left of the name marks an outgoing call.
    small = [s for s in first.left if s.h <= 1.3 * first.h and s.w <= 1.3 * first.h]
    if small:
        return Direction.OUTGOING
    return Direction.INCOMING


def _arrow_box(page: ListPage, line: TextLine) -> tuple[int, int, int, int]:
    """Where a direction arrow sits: the first text-height square of the second line."""
    x0 = line.main[0].x0
    return (x0 - round(0.2 * line.h), line.y0, x0 + round(1.0 * line.h), line.y1)


def _shape_box(line: TextLine, arrow: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The arrow's box widened past the piece's own right end: a box one line
    height wide ended exactly on an arrow as tall as its line, and the shape
    test took the arrow's tip for ink running on into a word. (The colour is
    judged on the narrow box: the next word's grey would dilute it.)"""
    first = line.main[0]
    x0, y0, x1, y1 = arrow
    return (x0, y0, max(x1, first.x0 + first.w + max(2, round(0.2 * line.h))), y1)


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
    # Quadrants of the mark itself, not of the box guessed around it.
    rows = np.where(ink.any(axis=1))[0]
    ink = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = ink.shape
    tr = ink[: h // 2, (w + 1) // 2 :].sum()
    bl = ink[(h + 1) // 2 :, : w // 2].sum()
    if max(tr, bl) < 1.5 * max(1, min(tr, bl)):
        return None
    return bool(tr > bl)


PARSER = CallLogParser()
