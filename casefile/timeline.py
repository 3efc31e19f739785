"""One chronology across all screenshots: order, merge overlaps, filter.

Users scroll a thread and capture it again, so the same bubble is read from two
or three screenshots, each time with slightly different OCR noise. Counting it
three times would inflate the evidence (and a court that spots one inflated
count doubts every count), while merging a threat the collector really sent
again the next morning would hide harassment. So a merge needs the evidence a
person would use: same kind, direction and sender, times that agree, texts
that agree after normalisation (a cut-off bubble at the screen edge agrees with
the matching end of the full one), and above all the overlap structure — a run
of consecutive bubbles shared by two screenshots at their touching edges.
Two known times that differ are never merged; a misread time is fixed in
review, after which the copies merge.

Everything here is a pure function of the data passed in; the store is read by
the caller (``cli.cmd_timeline``, the GUI controller) so this module can be tested
and benchmarked without a case folder.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from casefile.counts import Counts, count_entries
from casefile.entries import TimelineEntry, _States, _tag_states, _with_states, end_of_day, is_received
from casefile.model import Message, Party, Screenshot, Tag
from casefile.overlaps import (
    BUCKET_WINDOW,
    HOLE_SIMILARITY,
    KEY_CHARS,
    MAX_BUCKET,
    MAX_HOLES,
    PARTIAL_MIN_CHARS,
    SINGLE_SIMILARITY,
    _merge,
)
from casefile.parties import PartyIndex
from casefile.phones import OWN_PHONE
from casefile.screen_items import _Item, _shot_items, _shot_key
from casefile.text_compare import MERGE_SIMILARITY, levenshtein, normalise_text, similarity
from casefile.timeline_filter import TimelineFilter, filter_entries

# The names other modules have always imported from here, kept importable after the split.
__all__ = [
    "BUCKET_WINDOW",
    "HOLE_SIMILARITY",
    "KEY_CHARS",
    "MAX_BUCKET",
    "MAX_HOLES",
    "MERGE_SIMILARITY",
    "PARTIAL_MIN_CHARS",
    "SINGLE_SIMILARITY",
    "Timeline",
    "TimelineEntry",
    "TimelineFilter",
    "build_timeline",
    "end_of_day",
    "filter_entries",
    "is_received",
    "levenshtein",
    "normalise_text",
    "similarity",
]

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Timeline:
    """The ordered entries, with lookups the GUI and the dossier need."""

    entries: tuple[TimelineEntry, ...]
    message_count: int  # non-excluded messages that went in

    @cached_property
    def by_message_id(self) -> dict[int, TimelineEntry]:
        return {mid: e for e in self.entries for mid in e.message_ids}

    @cached_property
    def counts(self) -> Counts:
        return count_entries(self.entries)

    @property
    def merged_count(self) -> int:
        """How many readings were folded into another (the duplicates removed)."""
        return self.message_count - len(self.entries)

    def entry_for_message(self, message_id: int) -> TimelineEntry | None:
        return self.by_message_id.get(message_id)

    def filter(self, f: TimelineFilter) -> list[TimelineEntry]:
        return filter_entries(self.entries, f)

    def with_tags(self, tags: Iterable[Tag]) -> Timeline:
        """The same chronology with fresh tag states, without merging again.

        Tagging changes often in review (one click); merging only when messages
        change, so the GUI can refresh tags cheaply.
        """
        states = _tag_states(tags)
        return Timeline(
            tuple(_with_states(e, states) for e in self.entries),
            self.message_count,
        )



def build_timeline(
    messages: Iterable[Message],
    screenshots: Iterable[Screenshot] = (),
    *,
    parties: Iterable[Party] = (),
    tags: Iterable[Tag] = (),
    merge: bool = True,
) -> Timeline:
    """Every non-excluded message once, in time order, overlaps merged.

    Ties are broken by the screenshot's capture time, its id and the position
    on screen, so the order is the same on every run: the dossier numbers
    entries and a court copy must match the user's copy.
    """
    shots = sorted(screenshots, key=_shot_key)
    shot_by_id = {s.id: s for s in shots}
    msgs = [m for m in messages if not m.excluded]
    unknown_ids = sorted({m.screenshot_id for m in msgs} - shot_by_id.keys())
    rank = {s.id: r for r, s in enumerate(shots)}
    for sid in unknown_ids:
        rank[sid] = len(rank)
    index = PartyIndex.build(parties)

    per_shot: dict[int, list[Message]] = defaultdict(list)
    for m in msgs:
        per_shot[m.screenshot_id].append(m)
    items: list[_Item] = []
    by_shot: dict[int, list[_Item]] = {}
    for sid in sorted(per_shot, key=rank.__getitem__):
        shot_items = _shot_items(per_shot[sid], shot_by_id.get(sid), rank[sid], index)
        by_shot[sid] = shot_items
        items.extend(shot_items)

    groups = _merge_per_phone(items, by_shot, shot_by_id) if merge else [[it] for it in items]
    states = _tag_states(tags)
    keyed = sorted(((_group_key(g), g) for g in groups), key=lambda kg: kg[0])
    entries = tuple(
        _entry(i, g, k, states, _phone_of(shot_by_id.get(g[0].sid))) for i, (k, g) in enumerate(keyed)
    )
    log.info("timeline: %d messages, %d entries, %d screenshots", len(msgs), len(entries), len(by_shot))
    return Timeline(entries, len(msgs))


def _phone_of(shot: Screenshot | None) -> str:
    return shot.phone if shot is not None else OWN_PHONE


def _merge_per_phone(
    items: list[_Item], by_shot: dict[int, list[_Item]], shot_by_id: dict[int, Screenshot]
) -> list[list[_Item]]:
    """Overlapping screenshots merged within each phone, never across phones.

    The same text on the user's phone and on their mother's is two events (a
    mass text to the contact list reached two people); it is grouped as one
    campaign for the reader (``casefile.campaigns``), never merged into one entry.
    """
    phones: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        phones[_phone_of(shot_by_id.get(it.sid))].append(it)
    if len(phones) <= 1:
        return _merge(items, by_shot)
    groups: list[list[_Item]] = []
    for phone_items in phones.values():
        sids = {it.sid for it in phone_items}
        groups.extend(_merge(phone_items, {sid: v for sid, v in by_shot.items() if sid in sids}))
    return groups


# -- ordering and entries --------------------------------------------------------------------

_LATEST = datetime.max


def _group_key(g: list[_Item]) -> tuple[datetime, int, int, int, int]:
    first = g[0]  # items are in screenshot order, so this is the earliest capture
    known = next((it.msg.time for it in g if it.msg.time is not None), None)
    if known is not None:
        return (known, 0, first.shot_rank, first.seq, first.msg.id)
    anchored = next((it for it in g if it.anchor is not None), None)
    if anchored is not None and anchored.anchor is not None:
        t, phase = anchored.anchor
        return (t, phase, anchored.shot_rank, anchored.seq, anchored.msg.id)
    return (_LATEST, 0, first.shot_rank, first.seq, first.msg.id)


def _primary(g: list[_Item]) -> _Item:
    """The reading shown: the user's own wording first, then the fullest text.

    A cut-off bubble is shorter than a full one; among equals the most
    confident reading, then the earliest screenshot.
    """
    return min(
        g,
        key=lambda it: (
            "text" not in it.msg.corrected and it.msg.ocr is not None,
            -len(it.norm),
            -it.msg.confidence,
            it.shot_rank,
            it.idx,
        ),
    )


def _entry(
    index: int, g: list[_Item], key: tuple[datetime, int, int, int, int], states: _States, phone: str
) -> TimelineEntry:
    if len(g) == 1:  # most entries: skip the choosing
        p = g[0]
        timed: _Item | None = p if p.msg.time is not None else None
        mids: tuple[int, ...] = (p.msg.id,)
        sids: tuple[int, ...] = (p.sid,)
        duration = p.msg.duration_s
        labels = p.msg.labels
    else:
        p = _primary(g)
        timed = next((it for it in g if it.msg.time is not None), None)
        mids = tuple(it.msg.id for it in g)
        sids = tuple(dict.fromkeys(it.sid for it in g))
        duration = next((it.msg.duration_s for it in g if it.msg.duration_s is not None), None)
        labels = tuple(dict.fromkeys(lab for it in [p, *g] for lab in it.msg.labels))
    kind, direction = p.msg.kind, p.msg.direction
    day = timed.msg.day if timed else next((it.msg.day for it in g if it.msg.day is not None), None)
    e = TimelineEntry(
        index=index,
        time=timed.msg.time if timed else None,
        time_known=timed is not None,
        time_source=timed.msg.time_source if timed else None,
        sort_time=None if key[0] == _LATEST else key[0],
        sender=p.sender,
        party=p.party,
        party_defined=p.party_defined,
        kind=kind,
        direction=direction,
        text=p.msg.text,
        duration_s=duration,
        message_ids=mids,
        screenshot_ids=sids,
        primary_message_id=p.msg.id,
        readings_differ=len(g) > 1 and len({it.norm for it in g}) > 1,
        received=is_received(kind, direction),
        norm_text=p.norm,
        search_text="\x00".join(
            (p.norm, p.sender.casefold(), p.party.casefold(), p.counterpart.casefold(), *(normalise_text(x) for x in labels))
        ),
        date=day,
        phone=phone,
        labels=labels,
    )
    return _with_states(e, states) if states else e
