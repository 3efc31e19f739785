"""What the chronology is made of: ``TimelineEntry`` and the tag states on it.

Kept apart from the building (``casefile.timeline``) so that consumers such as
``casefile.counts`` and the dossier depend on the entry type alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from casefile.model import Tag, TagState, TimePrecision, precision_of
from casefile.phones import OWN_PHONE
from ocr.model import Direction, Kind, TimeSource

# -- the timeline -------------------------------------------------------------------------


_Date = date  # the entry field named ``date`` would shadow the type in its class body


def end_of_day(d: date) -> datetime:
    """Where a day-only item sorts: after every minute of its day (it is not claimed at any of them)."""
    return datetime.combine(d, time.max)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the chronology: a message or call, however many screenshots show it.

    ``time`` is what the screenshots show (``None`` when none shows the minute);
    ``date`` the day they show (an inbox row with only 昨天 has a day, no minute);
    ``sort_time`` is only where an entry without a minute was placed — a day-only
    entry at the end of its day, after that day's timed items; an entry with
    neither after the last known time before it on its screenshot — and never a
    claimed time.
    ``sender`` is the normalised sender (``me`` for the user's own messages,
    ``""`` unread); ``party`` the counterparty: the user's party holding the
    sender, else the sender, and for the user's own messages the thread's
    other side, so filtering by party shows the whole conversation.
    """

    index: int
    time: datetime | None
    time_known: bool
    time_source: TimeSource | None
    sort_time: datetime | None
    sender: str
    party: str
    party_defined: bool
    kind: Kind
    direction: Direction
    text: str
    duration_s: int | None
    message_ids: tuple[int, ...]  # every reading, in screenshot order
    screenshot_ids: tuple[int, ...]
    primary_message_id: int  # the reading whose text is shown
    readings_differ: bool  # the merged readings' texts are not identical after normalisation
    received: bool  # contact the user received (see ``is_received``)
    tags: frozenset[str] = frozenset()  # effective: suggested or confirmed, not removed
    tag_states: Mapping[str, TagState] = field(default_factory=dict, compare=False)
    norm_text: str = field(default="", compare=False, repr=False)  # ``normalise_text(text)``
    search_text: str = field(default="", compare=False, repr=False)  # what free-text filtering searches
    date: _Date | None = None  # the day shown; ``time``'s day whenever there is a time
    # Whose phone showed it (``casefile.phones``): on another person's phone ``me``
    # and outgoing are that person, and received contact reached them.
    phone: str = OWN_PHONE
    # What the rows showed beside the party (place, carrier, the phone's mark such as
    # 骚扰电话), as read, every reading's once: ``casefile.model.Message.labels``.
    labels: tuple[str, ...] = ()

    @property
    def day(self) -> _Date | None:
        return self.time.date() if self.time is not None else self.date

    @property
    def precision(self) -> TimePrecision:
        return precision_of(self.time, self.day)

    @property
    def merged(self) -> bool:
        return len(self.message_ids) > 1


def is_received(kind: Kind, direction: Direction) -> bool:
    """Whether an item is contact *received*: what the harassment counts count.

    Incoming SMS and chat, and incoming or missed calls. The user's own replies
    and calls are part of the record (they show the user answered, asked them
    to stop, paid) but are not contact by the collector.
    """
    if kind == Kind.CALL:
        return direction in (Direction.INCOMING, Direction.MISSED)
    return direction == Direction.INCOMING


# -- tags on entries ---------------------------------------------------------------------------

_States = dict[int, dict[str, Tag]]


def _tag_states(tags: Iterable[Tag]) -> _States:
    out: _States = defaultdict(dict)
    for t in tags:
        out[t.message_id][t.tag] = t
    return out


def _with_states(e: TimelineEntry, states: _States) -> TimelineEntry:
    """An entry's tags: the union over its readings, where a person's decision wins.

    Among the user's decisions (confirmed / removed) on any reading the latest
    one counts; a rule's suggestion counts only where the user said nothing, so
    a tag removed on one reading stays removed for the entry.
    """
    merged: dict[str, TagState] = {}
    decided: dict[str, Tag] = {}
    for mid in e.message_ids:
        own = states.get(mid)
        if not own:
            continue
        for name, t in own.items():
            if t.state == TagState.SUGGESTED:
                merged.setdefault(name, TagState.SUGGESTED)
            else:
                prev = decided.get(name)
                if prev is None or t.at >= prev.at:
                    decided[name] = t
    for name, t in decided.items():
        merged[name] = t.state
    if not merged and not e.tags:
        return e
    effective = frozenset(n for n, s in merged.items() if s != TagState.REMOVED)
    return replace(e, tags=effective, tag_states=dict(sorted(merged.items())))
