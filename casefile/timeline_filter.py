"""Narrowing the chronology: ``TimelineFilter`` and ``filter_entries``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from casefile.entries import TimelineEntry
from casefile.parties import normalise_sender
from casefile.text_compare import normalise_text
from ocr.model import Direction, Kind

# -- filtering ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What the timeline view and the dossier narrow the chronology to.

    Empty sets mean "any". ``parties`` matches an entry's party or its sender,
    as typed (normalised like senders); ``tags`` matches any of the tags; a date
    range keeps day-only entries on their day and drops entries without a day
    unless ``undated_in_range``; ``text`` is a
    normalised substring of the text, sender or party.
    """

    parties: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    directions: frozenset[Direction] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    received_only: bool = False
    undated_in_range: bool = False
    phones: frozenset[str] = frozenset()  # receiving phones (``casefile.phones``); empty: any


def filter_entries(entries: Sequence[TimelineEntry], f: TimelineFilter) -> list[TimelineEntry]:
    """The entries passing every condition of ``f``, in timeline order.

    One pass with the cheap tests first; the view re-filters on each keystroke
    over up to 20,000 entries, so nothing here may be worse than linear.
    """
    wanted = frozenset(f.parties) | frozenset(normalise_sender(p) for p in f.parties)
    needle = normalise_text(f.text)
    ranged = f.date_from is not None or f.date_to is not None
    out: list[TimelineEntry] = []
    append = out.append
    for e in entries:
        if f.received_only and not e.received:
            continue
        if f.phones and e.phone not in f.phones:
            continue
        if f.kinds and e.kind not in f.kinds:
            continue
        if f.directions and e.direction not in f.directions:
            continue
        if wanted and e.party not in wanted and e.sender not in wanted:
            continue
        if f.tags and f.tags.isdisjoint(e.tags):
            continue
        if ranged:
            d = e.day
            if d is None:
                if not f.undated_in_range:
                    continue
            else:
                if (f.date_from is not None and d < f.date_from) or (f.date_to is not None and d > f.date_to):
                    continue
        if needle and needle not in e.search_text:
            continue
        append(e)
    return out
