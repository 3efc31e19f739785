"""How much contact, when, and from whom: the numbers the dossier's summary states.

Counts are of contact *received* — incoming SMS and chat messages, incoming and
missed calls (``timeline.is_received``) — because the complaint is about what
the collector did; the user's own replies and calls are counted apart
(``outgoing``). Messages and calls are always counted separately: regulators
ask "how many calls a day" and "how many messages" as different questions.
They are counted on timeline entries, so a message seen on three overlapping
screenshots counts once. An entry whose screenshot shows its day but not its
minute (an inbox row with 昨天) counts on that day but in no hour and never as
night-time (``day_only``); entries without a day are in the totals and
per-party counts only (``undated``): a day is never guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from casefile.entries import TimelineEntry
from casefile.parties import is_number
from ocr.model import Kind


@dataclass(frozen=True, slots=True)
class Tally:
    messages: int = 0
    calls: int = 0

    @property
    def total(self) -> int:
        return self.messages + self.calls


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int  # messages + calls received that day


@dataclass(frozen=True, slots=True)
class DayRun:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Counts:
    """Contact received, by day, hour, party, number and kind."""

    messages: int  # incoming SMS and chat
    calls: int  # incoming and missed calls
    outgoing: int  # the user's own messages and calls (not contact)
    undated: Tally  # received without a known day (in totals, not in per day/hour)
    per_day: dict[date, Tally]  # date order; days without contact are absent
    per_party: dict[str, Tally]  # most contact first, then name
    per_number: dict[str, Tally]  # the same for senders that are phone numbers
    per_party_day: dict[tuple[str, date], Tally]
    by_hour: tuple[Tally, ...]  # 24 hours, 0..23
    by_kind: dict[Kind, int]
    busiest_day: DayCount | None  # earliest of the busiest if tied
    longest_run: DayRun | None  # consecutive days with contact, earliest if tied
    first_day: date | None
    last_day: date | None
    day_only: Tally = Tally()  # received with a day but no minute (in per day, not per hour)

    @property
    def received(self) -> int:
        return self.messages + self.calls

    @property
    def days_with_contact(self) -> int:
        return len(self.per_day)


class _Acc:
    __slots__ = ("calls", "messages")

    def __init__(self) -> None:
        self.messages = 0
        self.calls = 0

    def add(self, is_call: bool) -> None:
        if is_call:
            self.calls += 1
        else:
            self.messages += 1

    def tally(self) -> Tally:
        return Tally(self.messages, self.calls)


def count_entries(entries: Iterable[TimelineEntry]) -> Counts:
    """Count a chronology (or a filtered part of it, e.g. one party)."""
    total = _Acc()
    undated = _Acc()
    day_only = _Acc()
    outgoing = 0
    per_day: dict[date, _Acc] = defaultdict(_Acc)
    per_party: dict[str, _Acc] = defaultdict(_Acc)
    per_number: dict[str, _Acc] = defaultdict(_Acc)
    per_party_day: dict[tuple[str, date], _Acc] = defaultdict(_Acc)
    by_hour = [_Acc() for _ in range(24)]
    by_kind: Counter[Kind] = Counter()
    for e in entries:
        if not e.received:
            outgoing += 1
            continue
        is_call = e.kind == Kind.CALL
        total.add(is_call)
        by_kind[e.kind] += 1
        per_party[e.party].add(is_call)
        if is_number(e.sender):
            per_number[e.sender].add(is_call)
        d = e.day
        if d is None:
            undated.add(is_call)
            continue
        per_day[d].add(is_call)
        per_party_day[(e.party, d)].add(is_call)
        t = e.time
        if t is None:
            day_only.add(is_call)
            continue
        by_hour[t.hour].add(is_call)

    days = {d: a.tally() for d, a in sorted(per_day.items())}
    busiest = None
    if days:
        top = max(t.total for t in days.values())
        busiest = DayCount(next(d for d, t in days.items() if t.total == top), top)
    return Counts(
        messages=total.messages,
        calls=total.calls,
        outgoing=outgoing,
        undated=undated.tally(),
        per_day=days,
        per_party=_ranked(per_party),
        per_number=_ranked(per_number),
        per_party_day={k: a.tally() for k, a in sorted(per_party_day.items())},
        by_hour=tuple(a.tally() for a in by_hour),
        by_kind={k: by_kind[k] for k in Kind if by_kind[k]},
        busiest_day=busiest,
        longest_run=longest_run(days),
        first_day=next(iter(days), None),
        last_day=next(reversed(days), None) if days else None,
        day_only=day_only.tally(),
    )


def _ranked(acc: dict[str, _Acc]) -> dict[str, Tally]:
    tallies = {k: a.tally() for k, a in acc.items()}
    return dict(sorted(tallies.items(), key=lambda kv: (-kv[1].total, kv[0])))


def longest_run(days: Iterable[date]) -> DayRun | None:
    """The longest stretch of consecutive calendar days in ``days`` (earliest if tied).

    "Contacted every day for 41 days" is the sentence a complaint is built on.
    """
    ordered = sorted(set(days))
    if not ordered:
        return None
    best = DayRun(ordered[0], ordered[0])
    start = prev = ordered[0]
    for d in ordered[1:]:
        if d - prev != timedelta(days=1):
            start = d
        prev = d
        if (d - start).days + 1 > best.days:
            best = DayRun(start, d)
    return best
