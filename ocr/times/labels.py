"""Message time labels: the on-screen time text a message keeps, resolved for a whole screen.

A list row's label is its time text; a bubble's is the separator above it,
then its own clock. Keeping the text, not only the result, lets a corrected
capture time resolve ``昨天`` or ``5分钟前`` again, and one screen's labels are
resolved together so that one day order (``05/03``) holds for every row.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise

from ocr.model import ExtractedMessage, TimeSource
from ocr.times.reading import read_moment
from ocr.times.resolving import Moment, resolve

__all__ = ["LABEL_JOIN", "apply_labels", "choose_day_first", "make_label", "resolve_label", "resolve_labels"]

_Date = date

LABEL_JOIN = "\n"  # between a separator's text and a bubble's own clock


def make_label(separator: str | None, clock: str | None = None) -> str | None:
    """The on-screen time text of one message, as stored with it.

    A list row's label is its time text; a bubble's is the separator above it,
    then (after a line break) its own clock when it carries one. Keeping the
    text, not only the result, lets a corrected capture time resolve
    ``昨天`` or ``5分钟前`` again (the user knows when they took the screenshot).
    """
    if not separator and not clock:
        return None
    return (separator or "") + (LABEL_JOIN + clock if clock else "")


def resolve_label(
    label: str | None, captured_at: datetime | None, *, day_first: bool | None = None
) -> tuple[datetime | None, _Date | None]:
    """(minute, day) a stored label shows, against ``captured_at``; (None, None) if none.

    The rules of the parsers (SCHEMA): a bubble's own clock with a full day
    stands alone, a bare one goes on the separator's day; without a clock the
    separator's minute and day are the bubble's.
    """
    if not label:
        return None, None
    sep_text, _, clock_text = label.partition(LABEL_JOIN)
    sep = _resolved(sep_text, captured_at, day_first)
    if clock_text:
        own = _resolved(clock_text, captured_at, day_first)
        if own is not None and own.minute is not None and not own.is_time_only:
            return own.minute, own.date
        day = sep.date if sep is not None else None
        minute = own.on(day) if own is not None else None
        return minute, (minute.date() if minute else day)
    if sep is None:
        return None, None
    return sep.minute, (sep.minute.date() if sep.minute else sep.date)


def _resolved(text: str, captured_at: datetime | None, day_first: bool | None) -> Moment | None:
    reading = read_moment(text) if text else None
    return resolve(reading, captured_at, day_first=day_first) if reading else None


def choose_day_first(
    labels: list[str | None], captured_at: datetime | None, *, newest_first: bool
) -> bool | None:
    """Whether this screenshot writes ``05/03`` day first, decided by which reading is consistent.

    One screen uses one convention. A reading is inconsistent where a date is
    impossible (``13/05`` cannot be month first), lies after the capture, or
    breaks the screen's order (lists run newest first, threads oldest first).
    None when no date on the screen is ambiguous (each keeps its own reading).
    """
    readings = [
        r
        for label in labels
        if label
        for part in label.split(LABEL_JOIN)
        if part and (r := read_moment(part)) is not None and r.day_kind in ("md", "ymd")
    ]
    if not any(r.ambiguous for r in readings):
        return None
    best: tuple[int, int, bool] | None = None
    default = next(r.day_first for r in readings if r.ambiguous)
    for candidate in (default, not default):
        days = [resolve(r, captured_at, day_first=candidate).date for r in readings]
        cost = 0
        for r in readings:
            if not r.ambiguous and r.month is not None and r.day is not None and r.month != r.day:
                # an unambiguous neighbour shows the convention outright (13/05 is day first)
                cost += 0 if r.day_first == candidate else 3
        cap = captured_at.date() if captured_at else None
        known = [d for d in days if d is not None]
        if cap is not None:
            cost += sum(
                2 for r, d in zip(readings, days, strict=True) if r.day_kind == "ymd" and d and d > cap
            )
        for a, b in pairwise(known):
            if (a < b) if newest_first else (a > b):
                cost += 1
        # Between equally consistent readings, the one nearer the capture: a
        # screen shows recent messages (05/03 seen on 10 March is the 5th, not last May).
        distance = sum((cap - d).days for d in known) if cap is not None else 0
        if best is None or (cost, distance) < best[:2]:
            best = (cost, distance, candidate)
    return best[2] if best else None


def resolve_labels(
    labels: list[str | None], captured_at: datetime | None, *, newest_first: bool
) -> list[tuple[datetime | None, _Date | None]]:
    """Every message label of one screenshot resolved, with one day order for the whole screen."""
    day_first = choose_day_first(labels, captured_at, newest_first=newest_first)
    return [resolve_label(label, captured_at, day_first=day_first) for label in labels]


def apply_labels(
    messages: list[ExtractedMessage], captured_at: datetime | None, *, newest_first: bool
) -> None:
    """Set ``time`` and ``date`` of one screenshot's messages from their labels.

    The parsers find the labels; resolving them here, for the whole screen at
    once, is what lets one day order (``05/03``) hold for every row, and makes
    a first reading and a re-resolution after a capture-time correction the
    same computation. A message without a label keeps what its parser set.
    """
    resolved = resolve_labels([m.time_text for m in messages], captured_at, newest_first=newest_first)
    for m, (minute, day) in zip(messages, resolved, strict=True):
        if m.time_text is None:
            if m.time is not None:
                m.date = m.time.date()
            continue
        if minute is None:
            m.time_source = None
        elif m.time is None or m.time_source is None:
            m.time_source = TimeSource.ROW if newest_first else TimeSource.SEPARATOR
        m.time, m.date = minute, day
