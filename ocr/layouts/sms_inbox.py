"""The SMS inbox: one row per conversation, read as one incoming message each.

A row shows the other party (name or number), the time of the last message at
the right end of that line, and one or two lines of the last message cut off
with ``…``. Per SCHEMA.md the row becomes a message whose sender is the party
(numbers without spaces or dashes), whose text is the snippet without the
``…``, and whose time follows the list-row rule: a minute only when the row
shows a clock (``14:32``, ``昨天 14:32``), ``null`` for a day alone
(``昨天``, ``星期二``, ``3月8日``).

Geometry is found by :mod:`ocr.layouts.list_rows`; this module only decides
what each piece means. Android and iOS styles, light and dark, differ in
details this code does not need to know about (a chevron after the time, an
unread dot, an unread-count badge after the snippet).
"""

from __future__ import annotations

import logging
import re

from ocr.layouts.base import PageContext, PageResult
from ocr.layouts.call_labels import beside_name
from ocr.layouts.list_rows import ListPage, Row, Segment
from ocr.layouts.row_colour import hue_share
from ocr.layouts.row_reading import LIST_PAGE, content_top, read_rows
from ocr.layouts.row_text import (
    DatedRows,
    joined,
    mean_confidence,
    name_and_time,
    section_header,
    sender_text,
    strip_ellipsis,
    whole_line,
)
from ocr.model import Direction, ExtractedMessage, Kind, Layout, TimeSource
from ocr.text import fullwidth_punct_in_cjk, join_lines
from ocr.times import split_trailing_time

log = logging.getLogger(__name__)


class InboxParser:
    """``LayoutParser`` for ``sms_inbox``."""

    layout = Layout.SMS_INBOX

    def parse(self, ctx: PageContext) -> PageResult:
        # A snippet line is read whole: the recogniser needs the context that
        # splitting at full-width punctuation (wide blanks) would take away.
        page, units = read_rows(
            ctx.engine, ctx.image, lambda pg, ln: whole_line(_without_badge(pg, ln.main)), top=content_top(ctx), known=ctx.notes.get(LIST_PAGE)
        )
        messages: list[ExtractedMessage] = []
        rows = [part for r in page.rows for part in _split_at_time(r, units)]
        headers = [_header_of(row, units) for row in rows]
        dated = DatedRows(headers)
        timed = sum(name_and_time(units[id(r.lines[0])])[1] is not None for r in rows)
        for row, (is_header, day) in zip(rows, headers, strict=True):
            if is_header:
                dated.enter(day)  # not a message; the ledger keeps its text if no message took it
                continue
            m = _message(page, row, ctx, units, dated)
            if m is None or (not messages and _chrome_above_list(row, m, 2 * timed > len(rows))):
                continue
            messages.append(m)
        log.debug("inbox: %d rows, %d messages", len(page.rows), len(messages))
        return PageResult(thread_title=None, messages=messages)


def _split_at_time(row: Row, units: dict[int, list[Segment]]) -> list[Row]:
    """A row whose time stands on a middle line, not the first: what is above that line is another row.

    Tabs or filter chips just above the first conversation can sit as close
    to it as the conversation's own lines, and the geometry then takes them for
    its first line. A conversation's party and time share its first line, so
    the row starts again at the line that carries the time (never at the last
    line: some lists print the time at the end of the snippet).
    """
    if len(row.lines) < 3 or name_and_time(units[id(row.lines[0])])[1] is not None:
        return [row]
    for k in range(1, len(row.lines) - 1):
        if name_and_time(units[id(row.lines[k])])[1] is not None:
            return [Row(row.lines[:k]), Row(row.lines[k:], row.extra)]
    return [row]


def _header_of(row: Row, units: dict[int, list[Segment]]) -> tuple[bool, str | None]:
    if len(row.lines) != 1:
        return False, None
    return section_header(joined(units[id(row.lines[0])] + [s for s in row.extra if s.read]))


def _chrome_above_list(row: Row, m: ExtractedMessage, times_on_first_lines: bool) -> bool:
    """Tabs, a search field or filter chips above the first conversation.

    A conversation row shows a party and the time of its last message; one
    line with no time and no number before any such row is the list's chrome
    (全部 / 未读, "Search"). When the page's rows print their time on their
    first line, a first row without one is chrome too, even glued to the
    snippet of a conversation whose name scrolled away (``Unread`` over
    ``米粒金融: your payment…``). It is not a message; the ledger keeps its
    text among the unassigned lines, so nothing read is lost.
    """
    if m.time_text is not None or _NUMBER.search(m.sender or ""):
        return False
    return len(row.lines) == 1 or times_on_first_lines


_NUMBER = re.compile(r"\d{3}")


def _message(page: ListPage, row: Row, ctx: PageContext, units: dict[int, list[Segment]],
             dated: DatedRows) -> ExtractedMessage | None:
    first = row.lines[0]
    first_segs = units[id(first)] + [s for s in row.extra if s.read]
    name_segs, time_text, time_segs = name_and_time(first_segs)
    # A badge beside the name (SIM 1, 骚扰, a carrier) is the row's label, not the sender.
    name_segs, labels = beside_name(first_segs, name_segs, time_segs)
    # A row found by geometry is a message even when its name could not be
    # read: an unknown sender (None) is honest, a missing message is not.
    sender = sender_text(joined(name_segs)) or None
    snippet_lines: list[str] = []
    snippet_segs: list[Segment] = []
    for ln in row.lines[1:]:
        snippet_segs.extend(units[id(ln)])
        snippet_lines.append(joined(units[id(ln)]))
    text = strip_ellipsis(fullwidth_punct_in_cjk(join_lines(snippet_lines)))
    if time_text is None and snippet_lines:
        # Some lists print the time at the end of the snippet's line, not the name's.
        split = split_trailing_time(text)
        if split:
            text, time_text = strip_ellipsis(split[0]), split[1]
            time_segs = snippet_segs[-1:]
    if sender is None and not text:
        return None
    time_text, (minute, day) = dated.resolve(time_text, ctx.captured_at)
    conf_sender = mean_confidence(name_segs)
    conf_text = mean_confidence(snippet_segs)
    field_conf = {"sender": conf_sender, "text": conf_text}
    if time_text:
        field_conf["time"] = mean_confidence(time_segs)
    return ExtractedMessage(
        kind=Kind.SMS,
        direction=Direction.INCOMING,
        sender=sender,
        time=minute,
        date=day,
        time_text=time_text,
        text=text,
        box=row.box(),
        confidence=mean_confidence(name_segs + snippet_segs),
        time_source=TimeSource.ROW if minute else None,
        field_confidence=field_conf,
        labels=labels,
    )


def _without_badge(page: ListPage, segs: list[Segment]) -> list[Segment]:
    """Drop an unread-count badge (a small filled coloured disc) after the snippet."""
    if len(segs) < 2:
        return segs
    last = segs[-1]
    squareish = 0.6 <= last.w / max(1, last.h) <= 1.6
    colours = hue_share(page, (last.x0, last.y0, last.x1, last.y1))
    filled = max(colours.values()) > 0.35
    if squareish and filled:
        return segs[:-1]
    return segs


PARSER = InboxParser()
