"""One mass text, many recipients: ``Campaign`` and ``find_campaigns``.

Collectors send one text to everyone in the borrower's contact list
(爆通讯录): the mother, a colleague and the user each receive "您的亲属张某
欠款逾期…" on the same day. The timeline keeps them as separate entries (each
phone received its own copy: ``casefile.timeline`` never merges across
phones), and this module groups them for the reader as one campaign that
lists who received it and when. A campaign is what turns several family
screenshots into "the collector wrote to N people of the user's circle".

A campaign needs: the same party (the user's grouping, else the normalised
sender), the same calendar day, near-identical text after the timeline's
normalisation, and at least two different receiving phones. Texts without a
day are left out: "within a day" cannot be checked without one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from casefile.entries import TimelineEntry
from casefile.phones import describe_phones
from casefile.text_compare import normalise_text, similarity
from ocr.model import Kind

# Similarity (1 - edit distance / longer length, on normalised text) at or above
# which two texts are one template. A mass text differs between recipients by an
# inserted name or amount (2–4 characters of a 40–80 character text: ≥ 0.9) and by
# OCR noise (the timeline's own merge threshold for one bubble is 0.8); two
# different collection texts of one party share their boilerplate but rarely more
# than 70 %. 0.85 sits between, nearer the template side so distinct threats stay apart.
CAMPAIGN_SIMILARITY = 0.85

# Normalised characters a text needs before it can be a campaign: "你好" or "在吗"
# from one number to two people on one day is not a mass text worth a claim.
MIN_CAMPAIGN_CHARS = 8

# A campaign is "reached several people": at least this many different phones.
MIN_PHONES = 2


@dataclass(frozen=True, slots=True)
class Campaign:
    """One text of one party on one day, received on ``len(phones)`` phones.

    ``number`` counts campaigns from 1 in the order of their first entry (the
    dossier cites it as 群发1); ``entries`` are every copy in timeline order.
    """

    number: int
    party: str
    day: date
    entries: tuple[TimelineEntry, ...]

    @property
    def text(self) -> str:
        """The text shown: the first copy's (the copies differ by a name or OCR noise only)."""
        return self.entries[0].text

    @property
    def sender(self) -> str:
        return self.entries[0].sender

    @property
    def senders(self) -> tuple[str, ...]:
        """Every sender the copies came from (one party may use several numbers)."""
        return tuple(dict.fromkeys(e.sender for e in self.entries))

    @property
    def phones(self) -> tuple[str, ...]:
        """The receiving phones, the user's own first (``describe_phones``)."""
        return tuple(describe_phones(e.phone for e in self.entries))

    @property
    def first_time(self) -> datetime | None:
        return min((e.time for e in self.entries if e.time is not None), default=None)

    @property
    def last_time(self) -> datetime | None:
        return max((e.time for e in self.entries if e.time is not None), default=None)

    def received_on(self, phone: str) -> tuple[TimelineEntry, ...]:
        return tuple(e for e in self.entries if e.phone == phone)


def _candidate(e: TimelineEntry) -> bool:
    return (
        e.received
        and e.kind != Kind.CALL
        and e.day is not None
        and len(e.norm_text or normalise_text(e.text)) >= MIN_CAMPAIGN_CHARS
    )


def find_campaigns(entries: Iterable[TimelineEntry]) -> tuple[Campaign, ...]:
    """The campaigns among received texts, numbered in the order of their first copy.

    Linear in the entries apart from the comparison inside one (party, day)
    bucket: exact normalised texts are grouped by a dictionary first, and only
    the distinct texts of a bucket are compared with each other (a party sends
    a handful of distinct texts a day even when it sends hundreds of copies).
    """
    buckets: dict[tuple[str, date], dict[str, list[TimelineEntry]]] = defaultdict(lambda: defaultdict(list))
    for e in entries:
        if not _candidate(e):
            continue
        assert e.day is not None
        buckets[(e.party, e.day)][e.norm_text or normalise_text(e.text)].append(e)

    found: list[tuple[str, date, list[TimelineEntry]]] = []
    for (party, day), by_text in buckets.items():
        if len({e.phone for copies in by_text.values() for e in copies}) < MIN_PHONES:
            continue  # one phone only: nothing here can be a campaign
        for group in _similar_groups(by_text):
            if len({e.phone for e in group}) >= MIN_PHONES:
                found.append((party, day, sorted(group, key=lambda e: e.index)))
    found.sort(key=lambda f: f[2][0].index)
    return tuple(Campaign(n, party, day, tuple(group)) for n, (party, day, group) in enumerate(found, 1))


def _similar_groups(by_text: Mapping[str, list[TimelineEntry]]) -> list[list[TimelineEntry]]:
    """Distinct texts joined when similar to a group's first text (its template), in first-seen order."""
    templates: list[str] = []
    groups: list[list[TimelineEntry]] = []
    for norm, copies in sorted(by_text.items(), key=lambda kv: kv[1][0].index):
        for k, t in enumerate(templates):
            if _alike(*sorted((norm, t))):
                groups[k].extend(copies)
                break
        else:
            templates.append(norm)
            groups.append(list(copies))
    return groups


@lru_cache(maxsize=65536)
def _alike(a: str, b: str) -> bool:
    """One template? Cached: a party sends the same few templates day after day, so the
    same pairs of texts meet again in every (party, day) bucket."""
    return similarity(a, b) >= CAMPAIGN_SIMILARITY


def campaign_of_entry(campaigns: Iterable[Campaign]) -> dict[int, Campaign]:
    """Entry index → its campaign, for marking the chronology's rows."""
    return {e.index: c for c in campaigns for e in c.entries}
