"""A page's day header gives its day to the rows below it that show only a clock.

Some screens print the day once and a bare clock on every item: WeChat's
forwarded chat history (``2018-3-31`` centred at the top, ``下午3:59`` at the
right of each row), call logs and message lists grouped under ``今天`` /
``2025年3月8日`` headers. Read alone, each row's ``下午3:59`` is a bare clock,
which SCHEMA resolves against the capture day — unknown or wrong here, since
the screen says which day it is. A parser that reads rows does not look
above its rows, so the page does it once for every layout, before the labels
are resolved (``times.apply_labels``).

The rule is narrow on purpose, so that it cannot move an item to a day the
screen does not show:

* a header is a *centred* line that reads as a day and nothing else (no
  clock): right-aligned row times and a chat's ``15:46`` separators are not
  headers, and a separator that carries its own clock is the day of what
  follows it, as the bubble parser already has it;
* a message takes the header only when that header is the nearest centred
  time line above it (a bare-clock separator in between means "today" on a
  chat screen, so the header no longer applies);
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

# A centred header's middle lies within this share of the page width of the
# page's middle. WeChat's date header is centred to a few pixels; right-aligned
# row times sit beyond 0.3 of the width from the middle; 0.06 is the tolerance
# the bubble parser uses for Samsung's centred date pills.
CENTRED = 0.06


def _centred(box: Box, width: int) -> bool:
    return abs(box.x + box.w / 2 - width / 2) < width * CENTRED


def _day_only(text: str) -> bool:
    r = times.read_moment(text)
    return r is not None and r.day_kind is not None and r.day_kind != "ago" and r.clock is None


def _clock_only(text: str) -> bool:
    r = times.read_moment(text)
    return r is not None and r.day_kind is None and r.clock is not None


def _inside(line: Box, box: Box) -> bool:
    cx, cy = line.x + line.w / 2, line.y + line.h / 2
    return box.x <= cx <= box.x + box.w and box.y <= cy <= box.y + box.h


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


def apply_day_headers(lines: Sequence[Line], messages: list[ExtractedMessage], width: int) -> None:
    """Give clock-only messages the day of the centred day header above them (see module doc)."""
    centred = sorted(
        (
            ln
            for ln in lines
            if _centred(ln.box, width)
            and times.is_time_text(ln.text)
            and not any(m.box is not None and _inside(ln.box, m.box) for m in messages)
        ),
        key=lambda ln: ln.box.y,
    )
    if not any(_day_only(ln.text) for ln in centred):
        return
    for m in messages:
        if m.box is None:
            continue
        above = [ln for ln in centred if ln.box.y + ln.box.h / 2 < m.box.y]
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
