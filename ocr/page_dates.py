"""A page's day header gives its day to the rows below it that show only a clock.

Some screens print the day once and a bare clock on every item: WeChat's
forwarded chat history (``2018-3-31`` centred at the top, ``下午3:59`` at the
right of each row), call logs and message lists grouped under ``今天`` /
``昨天`` / ``2025年3月8日`` section headers. Read alone, each row's ``下午3:59`` is a bare clock,
which SCHEMA resolves against the capture day — unknown or wrong here, since
the screen says which day it is. A parser that reads rows does not look
above its rows, so the page does it once for every layout, before the labels
are resolved (``times.apply_labels``).

The rule is narrow on purpose, so that it cannot move an item to a day the
screen does not show:

* a header is a line standing alone between the messages (not level with
  any of them) that reads as a day and nothing else (no clock): a row's own
  time column is level with its row, a chat's ``15:46`` separator is not a
  day, and a separator that carries its own clock is the day of what follows
  it, as the bubble parser already has it;
* a message takes the header only when that header is the nearest line
  standing alone above it (a bare-clock separator in between means "today"
  on a chat screen, a ``更早`` section starts other days, a group member's
  name is not a day: each ends the header's reach);
* only a message whose own time is a bare clock, or which has no time label
  and a bare clock on its row, is changed. Its label becomes ``header`` +
  ``clock``, the same label a bubble under a date-only separator carries, so a
  capture-time correction resolves it again the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocr import times
from ocr.model import Box, ExtractedMessage
from ocr.recognition import Line

__all__ = ["apply_day_headers"]


def _day_only(text: str) -> bool:
    r = times.read_moment(text)
    return r is not None and r.day_kind is not None and r.day_kind != "ago" and r.clock is None


def _clock_only(text: str) -> bool:
    r = times.read_moment(text)
    return r is not None and r.day_kind is None and r.clock is not None


def _row_clock(lines: Sequence[Line], m: ExtractedMessage, box: Box) -> Line | None:
    """A bare clock on the message's row: level with its top part, right of where it starts.

    List rows print the time on the name line, which may begin a little above
    the message's box (the box is the row's text); a clock lower than the box
    belongs to the next row. A clock that is the message's own text is not its time.
    """
    own = "".join(m.text.split())
    found = [
        ln
        for ln in lines
        if ln.box.x > box.x
        and box.y - ln.box.h <= ln.box.y + ln.box.h / 2 <= box.y + box.h
        and _clock_only(ln.text)
        and "".join(ln.text.split()) not in own
    ]
    return min(found, key=lambda ln: ln.box.y) if found else None


def _on_a_row(line: Line, messages: list[ExtractedMessage]) -> bool:
    """Whether the line belongs to a message: level with its box, or at most one line above it.

    A list row prints its name and time on a line that may begin a little above
    the box of its text; a header stands alone between rows.
    """
    mid = line.box.y + line.box.h / 2
    return any(m.box is not None and m.box.y - line.box.h <= mid <= m.box.y + m.box.h for m in messages)


def apply_day_headers(lines: Sequence[Line], messages: list[ExtractedMessage]) -> None:
    """Give clock-only messages the day of the day header above them (see module doc)."""
    alone = sorted((ln for ln in lines if not _on_a_row(ln, messages)), key=lambda ln: ln.box.y)
    if not any(_day_only(ln.text) for ln in alone):
        return
    for m in messages:
        if m.box is None:
            continue
        above = [ln for ln in alone if ln.box.y + ln.box.h / 2 < m.box.y]
        # The nearest line standing alone above: a day is this row's header; anything
        # else (a bare-clock separator, ``更早``, a group member's name) is not.
        if not above or not _day_only(above[-1].text):
            continue
        header = above[-1].text
        if m.time_text is None:
            if m.time is not None or m.date is not None:
                continue  # a parser's own reading, without a label to extend
            clock = _row_clock(lines, m, m.box)
            if clock is not None:
                m.time_text = times.make_label(header, clock.text)
        elif times.LABEL_JOIN not in m.time_text and _clock_only(m.time_text):
            m.time_text = times.make_label(header, m.time_text)
