"""The night-hours test: ``NightWindow``, the one place that decides "at night".

The window (e.g. 22:00–08:00) lives in the rules file; the 夜间 tag, the
dossier's night counts and the timeline view's shading must all use this test
so they can never disagree. It is Qt-free and takes a ``time`` or ``datetime``,
so ``gui/models/timeline_model.py::PatternRules`` can call
``NightWindow.contains`` instead of repeating the comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")  # how the rules file writes a time of day


def parse_hhmm(s: str) -> time:
    """``"22:00"`` → ``time(22, 0)``; the rules file is checked against ``HHMM`` when loaded."""
    h, m = s.split(":")
    return time(int(h), int(m))


def in_window(t: time, start: time, end: time) -> bool:
    """``start``–``end`` may wrap midnight (22:00–08:00)."""
    return (t >= start or t < end) if start > end else (start <= t < end)


@dataclass(frozen=True, slots=True)
class NightWindow:
    """Night hours from ``start`` (inclusive) to ``end`` (exclusive), possibly across midnight."""

    start: time = time(22, 0)
    end: time = time(8, 0)

    @classmethod
    def parse(cls, start: str, end: str) -> NightWindow:
        return cls(parse_hhmm(start), parse_hhmm(end))

    def contains(self, t: time | datetime) -> bool:
        return in_window(t.time() if isinstance(t, datetime) else t, self.start, self.end)
