"""Where a message the OCR missed goes among a screenshot's messages, and what to propose for it.

Why apart (and Qt-free): the review controller turns the user's gestures into
store calls; these are plain rules over the screenshot's messages (on-screen
order from the boxes, the usual sender, the time shown above), testable
without a window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from casefile.model import Message
from ocr.model import Direction


def positions_between(existing: Sequence[Message], y: int, n: int) -> list[float]:
    """``n`` positions in on-screen order for new messages whose top is at ``y``."""
    above = [m.position for m in existing if m.box is not None and m.box.y <= y]
    below = [m.position for m in existing if m.box is not None and m.box.y > y]
    lo = (
        max(above)
        if above
        else (min(below) - 1 if below else max((m.position for m in existing), default=-1))
    )
    hi = min(below) if below else lo + 1
    return [lo + (hi - lo) * (i + 1) / (n + 1) for i in range(n)]


def position_for_box(existing: Sequence[Message], y: int) -> float | None:
    """The position of one message typed at ``y``: between its neighbours, before the first, or last (None)."""
    above = [m for m in existing if m.box is not None and m.box.y <= y]
    below = [m for m in existing if m.box is not None and m.box.y > y]
    if above and below:
        return (max(m.position for m in above) + min(m.position for m in below)) / 2
    if below:
        return min(m.position for m in below) - 1
    return None


def usual_sender(existing: Sequence[Message]) -> str | None:
    """The most frequent sender of the screenshot's received messages (None if there is none)."""
    senders = Counter(m.sender for m in existing if m.sender and m.direction is not Direction.OUTGOING)
    return senders.most_common(1)[0][0] if senders else None


def time_above(existing: Sequence[Message], y: int) -> datetime | None:
    """The latest time shown above ``y``: a message's time is never later than the next one's."""
    return max((m.time for m in existing if m.box is not None and m.box.y <= y and m.time), default=None)
