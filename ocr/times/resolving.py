"""Time readings resolved against the capture time: absolute days and minutes, or unknown.

``今天``/bare clock = capture day; ``昨天`` −1; ``前天`` −2; ``星期X`` = the most
recent such weekday before the capture day; ``M月D日`` takes the capture year
unless that lands after the capture day. With the capture time unknown,
anything relative or year-less stays unknown (``None``), never guessed
(SCHEMA.md, Time rules; the package docstring has the whole rule set).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from ocr.times.reading import DAY_MINUTES, Reading, read_moment

__all__ = ["Moment", "parse_moment", "resolve"]

_Date = date  # the Moment field named ``date`` would shadow the type in its class body


@dataclass(frozen=True, slots=True)
class Moment:
    """A time text resolved against the capture time (see :mod:`ocr.times`)."""

    date: _Date | None
    minute: datetime | None
    clock: time | None
    is_time_only: bool
    relative: bool

    def on(self, day: _Date | None) -> datetime | None:
        """This moment's clock on ``day``: a bubble's own clock under a date-only separator."""
        if day is None or self.clock is None:
            return None
        return datetime.combine(day, self.clock)


def resolve(reading: Reading, captured_at: datetime | None, *, day_first: bool | None = None) -> Moment:
    """Absolute values for a reading; unknowable parts stay None (never guessed).

    ``day_first`` settles an ambiguous numeric date (``05/03``) the way the
    screenshot's other dates do (``choose_day_first``); None keeps the reading's own.
    """
    cap = captured_at.date() if captured_at else None
    if reading.ambiguous and day_first is not None and day_first != reading.day_first:
        reading = replace(reading, month=reading.day, day=reading.month, day_first=day_first)
    day: date | None = None
    relative = reading.day_kind != "ymd"
    if reading.day_kind == "ago":
        return _resolve_ago(reading, captured_at)
    if reading.day_kind == "ymd":
        assert reading.year and reading.month and reading.day
        day = date(reading.year, reading.month, reading.day)
    elif cap is None:
        day = None
    elif reading.day_kind == "md":
        assert reading.month and reading.day
        day = _year_less(reading.month, reading.day, cap)
    elif reading.day_kind == "rel":
        day = cap - timedelta(days=reading.days_back or 0)
    elif reading.day_kind == "weekday":
        assert reading.weekday is not None
        back = (cap.weekday() - reading.weekday) % 7 or 7
        day = cap - timedelta(days=back)
    else:  # a bare clock: the capture day
        day = cap
    minute = datetime.combine(day, reading.clock) if day and reading.clock else None
    return Moment(day, minute, reading.clock, reading.day_kind is None, relative)


def _resolve_ago(reading: Reading, captured_at: datetime | None) -> Moment:
    """``5分钟前`` is a minute; ``3小时前`` only a day, and only when the whole hour it
    covers falls on one day (``1小时前`` seen at 00:30 could be either side of midnight)."""
    if captured_at is None or reading.ago_minutes is None:
        return Moment(None, None, None, False, True)
    latest = captured_at - timedelta(minutes=reading.ago_minutes)
    if reading.ago_unit >= DAY_MINUTES:  # 2天前: phones count calendar days
        return Moment(latest.date(), None, None, False, True)
    if reading.ago_unit == 1:
        minute = latest.replace(second=0, microsecond=0)
        return Moment(minute.date(), minute, minute.time(), False, True)
    earliest = latest - timedelta(minutes=reading.ago_unit) + timedelta(seconds=1)
    day = latest.date() if earliest.date() == latest.date() else None
    return Moment(day, None, None, False, True)


def _year_less(month: int, dayn: int, cap: date) -> date | None:
    """``M月D日`` in the capture year, or the year before when that would be in the future."""
    for year in (cap.year, cap.year - 1, cap.year - 2, cap.year - 3, cap.year - 4):
        try:
            d = date(year, month, dayn)
        except ValueError:
            continue  # 2月29日 outside a leap year: look further back
        if d <= cap:
            return d
    return None


def parse_moment(text: str, captured_at: datetime | None) -> Moment | None:
    """Read and resolve a time text; None when the text is not a time."""
    reading = read_moment(text)
    return resolve(reading, captured_at) if reading else None
