"""One screenshot's bubbles prepared for merging and placing (``_Item``).

Per bubble: normalised sender and party, normalised text, and the bounds an
unknown time gets from its dated neighbours on the same screenshot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time
from itertools import pairwise

from casefile.entries import end_of_day
from casefile.model import Message, Screenshot
from casefile.parties import PartyIndex, normalise_sender
from casefile.text_compare import normalise_text
from ocr.model import ME, Layout

log = logging.getLogger(__name__)


_REVERSE_LAYOUTS = frozenset({Layout.SMS_INBOX, Layout.CALL_LOG})  # newest row on top

@dataclass(slots=True)
class _Item:
    msg: Message
    sid: int
    shot_rank: int
    idx: int  # on-screen index
    n: int  # bubbles on its screenshot
    seq: int  # reading (chronological) index on its screenshot
    snippet: bool  # an inbox row: its text is a prefix of the message
    sender: str
    party: str
    party_defined: bool
    counterpart: str  # for "me": the thread's other side; else the sender
    norm: str
    lo: datetime | None = None  # bounds for an unknown time, from its neighbours
    hi: datetime | None = None
    anchor: tuple[datetime, int] | None = None  # (time, -1 before / +1 after) for placing
    next_dated: int | None = None  # on-screen index of the nearest dated bubble below / above
    prev_dated: int | None = None


def _shot_key(s: Screenshot) -> tuple[bool, datetime, int]:
    return (s.captured_at is None, s.captured_at or datetime.min, s.id)


def _shot_items(msgs: list[Message], shot: Screenshot | None, rank: int, index: PartyIndex) -> list[_Item]:
    """A screenshot's bubbles with what merging and placing need, computed once."""
    msgs = sorted(msgs, key=lambda m: (m.position, m.id))
    n = len(msgs)
    layout = shot.layout if shot else None
    reverse = layout in _REVERSE_LAYOUTS if layout else _looks_newest_first(msgs)
    title = normalise_sender(shot.thread_title) if shot and shot.thread_title else ""
    items = []
    for i, m in enumerate(msgs):
        sender = normalise_sender(m.sender)
        if sender in ("", ME) and title:
            party, defined = index.party_of(title)
            counterpart = title
        elif sender:
            party, defined = index.party_of(sender)
            counterpart = sender
        else:
            party, defined, counterpart = "", False, ""
        items.append(
            _Item(
                msg=m,
                sid=m.screenshot_id,
                shot_rank=rank,
                idx=i,
                n=n,
                seq=n - 1 - i if reverse else i,
                snippet=layout == Layout.SMS_INBOX,
                sender=sender,
                party=party,
                party_defined=defined,
                counterpart=counterpart,
                norm=normalise_text(m.text),
            )
        )
    last: int | None = None
    for it in items:
        it.prev_dated = last
        if it.msg.time is not None:
            last = it.idx
    last = None
    for it in reversed(items):
        it.next_dated = last
        if it.msg.time is not None:
            last = it.idx
    reading = sorted(items, key=lambda it: it.seq)
    cap = shot.captured_at.replace(second=0, microsecond=0) if shot and shot.captured_at else None
    prev: datetime | None = None
    for it in reading:
        if it.msg.time is not None:
            prev = it.msg.time
        else:
            it.lo = prev
    nxt: datetime | None = None
    for it in reversed(reading):
        if it.msg.time is not None:
            nxt = it.msg.time
        else:
            it.hi = nxt if nxt is not None else cap
            day = it.msg.day
            if day is not None:
                # The screen shows the day: the item is on it, whatever its neighbours say,
                # after that day's timed items (SCHEMA; issue 12).
                start, end = datetime.combine(day, time.min), end_of_day(day)
                lo = max(it.lo, start) if it.lo is not None else start
                hi = min(it.hi, end) if it.hi is not None else end
                it.lo, it.hi = (lo, hi) if lo <= hi else (start, end)
                it.anchor = (end, 2)
            elif it.lo is not None:
                it.anchor = (it.lo, 1)
            elif nxt is not None:
                it.anchor = (nxt, -1)
            elif cap is not None:
                it.anchor = (cap, 1)
    return items


def _looks_newest_first(msgs: list[Message]) -> bool:
    """For a screenshot of unknown layout: do its known times run downwards?"""
    times = [m.time for m in msgs if m.time is not None]
    down = sum(1 for a, b in pairwise(times) if b < a)
    up = sum(1 for a, b in pairwise(times) if b > a)
    return down > up
