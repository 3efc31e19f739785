"""Contacts reached: how many people of the user's circle the collectors wrote to or called.

A complaint about 爆通讯录 (contacting the borrower's family, colleagues and
emergency contacts) rests on one figure: how many different people were
reached, from when to when, and how often. Each person is a phone in the case
other than the user's own (``casefile.phones``); what reached them is the
contact *received* on that phone (``casefile.entries.is_received``: incoming
messages, incoming and missed calls), counted on timeline entries so a message
seen on two overlapping screenshots of the mother's phone counts once. What the
person sent back (on their phone "me" is them, not the user) is not contact.

A person whose screenshots show nothing received is not "reached": the figure
counts only what the evidence shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from casefile.campaigns import Campaign, find_campaigns
from casefile.counts import Counts, count_entries
from casefile.entries import TimelineEntry
from casefile.phones import describe_phones, is_own


@dataclass(frozen=True, slots=True)
class PersonReached:
    """One person of the user's circle, and the contact their phone received."""

    phone: str
    messages: int  # SMS and chat received
    calls: int  # incoming and missed calls
    days: int  # distinct days with contact
    first_day: date | None
    last_day: date | None
    parties: tuple[str, ...]  # who contacted them, most contact first
    undated: int = 0  # received without a day shown (in ``items``, not in ``days``)

    @property
    def items(self) -> int:
        return self.messages + self.calls


@dataclass(frozen=True, slots=True)
class Reach:
    """Everyone reached, most contact first, with the totals a complaint states."""

    people: tuple[PersonReached, ...]
    campaigns: tuple[Campaign, ...]  # mass texts received on two or more phones

    @property
    def count(self) -> int:
        """How many different people of the user's circle were reached."""
        return len(self.people)

    @property
    def items(self) -> int:
        return sum(p.items for p in self.people)

    @property
    def first_day(self) -> date | None:
        return min((p.first_day for p in self.people if p.first_day is not None), default=None)

    @property
    def last_day(self) -> date | None:
        return max((p.last_day for p in self.people if p.last_day is not None), default=None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.phone for p in self.people)


def counts_per_phone(entries: Iterable[TimelineEntry]) -> dict[str, Counts]:
    """``casefile.counts`` for each receiving phone, the user's own first, then by name."""
    by_phone: dict[str, list[TimelineEntry]] = defaultdict(list)
    for e in entries:
        by_phone[e.phone].append(e)
    return {p: count_entries(by_phone[p]) for p in describe_phones(by_phone)}


def contacts_reached(
    entries: Sequence[TimelineEntry], campaigns: tuple[Campaign, ...] | None = None
) -> Reach:
    """The people other than the user who received contact, and the campaigns among it.

    ``campaigns`` may be passed when the caller found them already (the dossier
    marks them in the chronology too); otherwise they are found here.
    """
    people = []
    for phone, c in counts_per_phone(entries).items():
        if is_own(phone) or c.received == 0:
            continue
        people.append(
            PersonReached(
                phone=phone,
                messages=c.messages,
                calls=c.calls,
                days=c.days_with_contact,
                first_day=c.first_day,
                last_day=c.last_day,
                parties=tuple(c.per_party),
                undated=c.undated.total,
            )
        )
    people.sort(key=lambda p: (-p.items, p.phone))
    return Reach(tuple(people), campaigns if campaigns is not None else find_campaigns(entries))
