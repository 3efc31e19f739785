"""The pattern the timeline view draws: per-day contact, night contact, the daily limit.

Why here and not in the view: the chart's night shading, the 夜间 tag and the
dossier's night counts must never disagree, so the thresholds come from the tag
rules (``resources/rules``) and the night test is the rule set's own. These
are pure computations over ``casefile.timeline`` entries; the Qt model only
asks them and formats the answers.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from casefile.store import CaseStore
from casefile.tagging import RulesError, RuleSet, load_rules
from casefile.timeline import Timeline, TimelineEntry, TimelineFilter, filter_entries

DEFAULT_HIGH_PER_DAY = 20  # the rules file's own default, used only when it cannot be read
MINUTES_PER_DAY = 24 * 60
_ANY_DAY = datetime(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class PatternRules:
    """The two thresholds the chart draws, taken from the tag rules.

    The night window is the ``night-time`` rule's, tested by the rule set
    itself (``RuleSet.is_night``) once per minute of the day: the window is
    given in whole minutes, so the table answers exactly as the rule does,
    and a 20,000-entry recount on every keystroke stays a set lookup. The 高频
    line is the ``per-day-frequency`` rule's limit (the case may override it
    in its settings).
    """

    night_from: time
    night_until: time
    high_per_day: int
    night_minutes: frozenset[int] = field(repr=False)  # minutes of the day (h * 60 + m) inside the window

    def is_night(self, t: datetime | None) -> bool:
        """Whether ``t`` falls in the night window (which may wrap midnight); unknown time is not night."""
        return t is not None and t.hour * 60 + t.minute in self.night_minutes


_night_tables: dict[tuple[time, time], frozenset[int]] = {}  # by window: building one asks 1,440 times (~14 ms)


def _patterns_of(rules: RuleSet, high_per_day: int) -> PatternRules:
    window = rules.night_window
    minutes = _night_tables.get(window)
    if minutes is None:
        minutes = frozenset(m for m in range(MINUTES_PER_DAY) if rules.is_night(_ANY_DAY + timedelta(minutes=m)))
        _night_tables[window] = minutes
    return PatternRules(window[0], window[1], high_per_day, minutes)


@functools.cache
def default_pattern_rules() -> PatternRules:
    """The thresholds when no rules file can be read: the rule set's own defaults."""
    return _patterns_of(RuleSet(rules=()), DEFAULT_HIGH_PER_DAY)


def pattern_rules(store: CaseStore | None = None) -> PatternRules:
    """Read the thresholds from the rules file (and the case's override of the daily limit)."""
    try:
        rules = load_rules()
    except RulesError:
        return default_pattern_rules()
    limit = DEFAULT_HIGH_PER_DAY
    for r in rules.rules:
        if r.check == "per-day-frequency":
            limit = int(r.params.get("default", limit))
            name = r.params.get("setting")
            if store is not None and name:
                override = store.setting(str(name))
                if override and override.strip().isdigit():
                    limit = int(override)
    return _patterns_of(rules, limit)


@functools.cache
def cited_rules(tag: str) -> tuple[str, ...]:
    """What the rules of ``tag`` cite, each with its kind (read once: a tooltip must not read files)."""
    try:
        return tuple(c.short for c in load_rules().citations_of(tag))
    except RulesError:
        return ()


@dataclass(frozen=True, slots=True)
class DayBar:
    """One bar of the frequency chart: contact received on a day, and how much at night."""

    day: date
    total: int
    night: int = 0


def day_bars(entries: Sequence[TimelineEntry], rules: PatternRules | None = None) -> list[DayBar]:
    """Contact received per calendar day, with the night part, every day in the range included.

    The same definition as ``casefile.counts`` (``entry.received``, entries
    whose day the screenshot shows — a day-only row counts on its day, never
    at night — so a day is never guessed), in a single pass: the chart
    recounts on every keystroke, and ``count_entries`` computes a dozen other
    tallies (~100 ms for 20,000 entries). Empty days are zero bars: a quiet
    week is part of the pattern too.
    """
    is_night = (rules or default_pattern_rules()).is_night
    total: dict[int, int] = {}
    night: dict[int, int] = {}
    for e in entries:
        d = e.day
        if d is None or not e.received:
            continue
        o = d.toordinal()
        total[o] = total.get(o, 0) + 1
        t = e.time
        if t is not None and is_night(t):
            night[o] = night.get(o, 0) + 1
    if not total:
        return []
    return [
        DayBar(date.fromordinal(o), total.get(o, 0), night.get(o, 0))
        for o in range(min(total), max(total) + 1)
    ]


def day_key(e: TimelineEntry) -> int:
    """The day (ordinal) an entry is listed under; 0 for "time unknown".

    casefile orders by ``sort_time`` (the time, or for an undated entry where it
    was placed), so grouping by its date never splits a day in two.
    """
    t = e.time or e.sort_time
    return t.toordinal() if t is not None else 0


def visible_positions(entries: Sequence[TimelineEntry], flt: TimelineFilter) -> list[int]:
    """Positions (``entry.index``) of the entries passing ``flt``, via casefile's filter."""
    if flt == TimelineFilter():
        return list(range(len(entries)))
    return [e.index for e in filter_entries(entries, flt)]


def choice_counts(timeline: Timeline) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Parties (contact received, casefile's ranking) and tags with counts, for the filter lists."""
    parties = [(name, t.total) for name, t in timeline.counts.per_party.items() if name]
    tags = Counter(tag for e in timeline.entries for tag in e.tags)
    return parties, sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))


def entry_days(timeline: Timeline) -> list[date]:
    """Every day shown on a screen, one per entry (the date filter's range)."""
    return [d for e in timeline.entries if (d := e.day) is not None]
