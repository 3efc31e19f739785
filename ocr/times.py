"""Chinese on-screen times, read and resolved against the capture time.

Phones write times relative to "now": a bare ``14:32`` means today, ``昨天``,
``前天`` and ``星期二`` count back from the day the screenshot was taken, and
``3月8日`` leaves the year out. Evidence needs absolute minutes, so every such
text is resolved against ``captured_at`` — and when that is unknown, anything
relative or year-less stays unknown (``None``) instead of being guessed
(SCHEMA.md, Time rules; DESIGN.md, data rules).

Reading and resolving are split, because a thread parser sometimes needs the
pieces separately (a date-only separator ``2025年3月8日 星期六`` above bubbles
that carry their own clock ``下午2:32``).

API
---
``read_moment(text) -> Reading | None``
    Syntax only: is this short OCR'd text *entirely* a time expression? Returns
    what it shows (a day part, a clock, or both) without resolving anything, or
    ``None`` for anything else. Tolerant of OCR noise: full-width digits and
    colon, spaces inside or missing (``昨天14:32``, ``下午 2:32``, ``星 期 二``),
    ``O``/``l`` misread for ``0``/``1`` next to digits, stray edge marks (an iOS
    chevron ``>``, ``|``, ``·``).
``resolve(reading, captured_at) -> Moment``
    Turns a reading into absolute values against ``captured_at`` (may be None).
``parse_moment(text, captured_at) -> Moment | None``
    ``resolve(read_moment(text), captured_at)``; ``None`` when the text is not a
    time at all. A returned ``Moment`` may still have ``date``/``minute`` None
    (e.g. ``昨天`` with ``captured_at`` unknown).
``is_time_text(text) -> bool``
    Whether a short text IS a time separator / list time (``read_moment`` is
    not None). Use it to tell separators from bubbles.
``split_trailing_time(text) -> tuple[str, str] | None``
    When OCR merged a row's name and its time into one line
    (``95357 下午5:21``), the leading rest and the trailing time text.

``Moment`` fields:
    ``date`` — the calendar day shown (or implied: a bare clock is the capture
    day), or None when it cannot be known;
    ``minute`` — ``datetime`` to the minute when both a day and a clock are
    known, else None. For list rows (inbox, call log) ``minute`` IS the row's
    time: a day-only row (``昨天``, ``3月8日``, ``2025/3/8``) has no minute;
    ``clock`` — the ``datetime.time`` shown, if any, even when unresolvable;
    ``is_time_only`` — the text showed a clock and no day part;
    ``relative`` — resolving needed ``captured_at``;
    ``on(day)`` — the clock placed on a given day (bubble clock under a
    date-only separator).

Resolution rules: ``今天``/bare clock = capture day; ``昨天`` −1; ``前天`` −2;
``星期X``/``周X``/``礼拜X`` = the most recent such weekday before the capture
day (1–7 days back; phones use it for the last 2–6 days); ``M月D日`` and ``M/D``
take the capture year unless that lands after the capture day, in which case
the previous year (``12月31日`` seen on 2025-01-02 is 2024-12-31); a weekday
written beside a full date is ignored (the date is more specific).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_Date = date  # the Moment field named ``date`` would shadow the type in its class body

__all__ = [
    "Moment",
    "Reading",
    "is_time_text",
    "parse_moment",
    "read_moment",
    "resolve",
    "split_trailing_time",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a time text shows, unresolved.

    ``day_kind`` is one of ``"ymd"`` (year given), ``"md"`` (month and day),
    ``"rel"`` (今天/昨天/前天, ``days_back`` set), ``"weekday"`` (``weekday``
    0=Monday) or None (no day part: a bare clock).
    """

    day_kind: str | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    days_back: int | None = None
    weekday: int | None = None
    clock: time | None = None


@dataclass(frozen=True, slots=True)
class Moment:
    """A time text resolved against the capture time (see the module docstring)."""

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


# --- normalisation -----------------------------------------------------------

_CJK = r"\u3400-\u9fff"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_EDGE_JUNK = " \t.,;·•|>》〉<《〈'\"`~_-—=+*#、，。：:"
# OCR confuses O/o with 0 and l/I/| with 1, but only next to digits or the colon.
_O_AS_ZERO = re.compile(r"(?<=[\d:])[Oo]|[Oo](?=[\d:])")
_L_AS_ONE = re.compile(r"(?<=[\d:])[lI|]|[lI|](?=\d)")


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = s.replace("：", ":").replace("∶", ":")
    s = re.sub(r"\s+", " ", s).strip(_EDGE_JUNK)
    s = _SPACE_NEAR_CJK.sub("", s)
    s = _O_AS_ZERO.sub("0", s)
    s = _L_AS_ONE.sub("1", s)
    # A colon read as a semicolon or a dot between clock digits.
    s = re.sub(r"(?<=\d)[;](?=\d{2}(?!\d))", ":", s)
    return s.strip(_EDGE_JUNK)


# --- grammar -----------------------------------------------------------------

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_RELATIVE = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}

_YMD_CN = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?")
_YMD_NUM = re.compile(r"(?P<y>(?:19|20)\d{2})[/\-.](?P<m>\d{1,2})[/\-.](?P<d>\d{1,2})(?!\d)")
# 日 may be dropped by OCR, but then the day must not run into clock digits.
_MD_CN = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:[日号]|(?=\s|$))")
_MD_NUM = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=\s|$)")
_REL = re.compile("|".join(_RELATIVE))
_WEEK = re.compile(r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天七])")
_CLOCK = re.compile(
    r"(?P<ap>上午|下午|晚上|凌晨|中午|早上|早晨|傍晚|夜里|夜间|深夜|半夜|AM|PM|am|pm)?\s?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?(?!\d)"
    r"(?:\s?(?P<ap2>AM|PM|am|pm))?"
)

_AFTERNOON = {"下午", "晚上", "傍晚", "夜里", "夜间", "深夜", "PM"}


def _clock(ap: str | None, hour: int, minute: int) -> time | None:
    """A 12- or 24-hour clock with an optional Chinese period word, or None if impossible."""
    if minute > 59 or hour > 23:
        return None
    if ap:
        ap = ap.upper() if ap.lower() in ("am", "pm") else ap
        if hour > 12:
            # 下午14:32: some phones print both; the 24-hour figure wins.
            return time(hour, minute) if ap in _AFTERNOON | {"中午"} else None
        if ap in _AFTERNOON:
            if hour == 12:
                # 下午12:05 is just past noon; 晚上12:30 / 深夜12:30 are past midnight.
                hour = 12 if ap in ("下午", "PM") else 0
            else:
                hour += 12
        elif ap == "中午":
            if hour <= 3:
                hour += 12  # 中午1:30 = 13:30
        elif hour == 12:
            hour = 0  # 上午12:05 / 凌晨12:05 / 半夜12:05 = 00:05
    return time(hour, minute)


def read_moment(text: str) -> Reading | None:
    """Parse a short text that should be nothing but a time; None if it is anything else."""
    s = _normalise(text)
    if not s or len(s) > 40:
        return None
    pos = 0
    kind: str | None = None
    year = month = dayn = back = wday = None

    def skip(p: int) -> int:
        while p < len(s) and s[p] in " ,，、":
            p += 1
        return p

    for pattern, k in ((_YMD_CN, "ymd"), (_YMD_NUM, "ymd"), (_MD_CN, "md"), (_MD_NUM, "md")):
        m = pattern.match(s, pos)
        if m:
            kind = k
            year = int(m["y"]) if k == "ymd" else None
            month, dayn = int(m["m"]), int(m["d"])
            if not (1 <= month <= 12 and 1 <= dayn <= 31):
                return None
            if year is not None:
                try:
                    date(year, month, dayn)
                except ValueError:
                    return None
            elif dayn > _days_in_month_any_year(month):
                return None
            pos = skip(m.end())
            break
    if kind is None:
        m = _REL.match(s, pos)
        if m:
            kind, back = "rel", _RELATIVE[m.group(0)]
            pos = skip(m.end())
    m = _WEEK.match(s, pos)
    if m:
        if kind is None:
            kind, wday = "weekday", _WEEKDAYS[m["w"]]
        pos = skip(m.end())
    clock = None
    m = _CLOCK.match(s, pos)
    if m and (m["ap"] is None or m["ap2"] is None):
        clock = _clock(m["ap"] or m["ap2"], int(m["h"]), int(m["mi"]))
        if clock is None:
            return None
        pos = m.end()
    if pos != len(s) or (kind is None and clock is None):
        return None
    if kind is None and _looks_like_decimal(s):
        return None
    return Reading(kind, year, month, dayn, back, wday, clock)


def _days_in_month_any_year(month: int) -> int:
    return 29 if month == 2 else (30 if month in (4, 6, 9, 11) else 31)


def _looks_like_decimal(s: str) -> bool:
    """``12.50`` alone is more likely money than a clock: only a colon makes a bare clock."""
    return ":" not in s and not re.search(r"[上下晚凌中早傍夜深半]|AM|PM", s, re.IGNORECASE)


def resolve(reading: Reading, captured_at: datetime | None) -> Moment:
    """Absolute values for a reading; unknowable parts stay None (never guessed)."""
    cap = captured_at.date() if captured_at else None
    day: date | None = None
    relative = reading.day_kind != "ymd"
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


def is_time_text(text: str) -> bool:
    """Whether a short OCR'd text is a time (a separator or a list row's time)."""
    return read_moment(text) is not None


_TRAILING = re.compile(
    r"(?:\s|^)(?P<t>"
    r"(?:(?:19|20)\d{2}[年/\-.]\d{1,2}[月/\-.]\d{1,2}日?|\d{1,2}月\d{1,2}日|\d{1,2}/\d{1,2}|昨天|前天|今天)?"
    r"\s?(?:(?:星期|周|礼拜)[一二三四五六日天])?\s?"
    r"(?:(?:上午|下午|晚上|凌晨|中午|早上|傍晚)?\s?\d{1,2}[:：]\d{2})?"
    r")\s*[>〉|]?\s*$"
)


def split_trailing_time(text: str) -> tuple[str, str] | None:
    """Split ``"95357 下午5:21"`` into ``("95357", "下午5:21")``; None if no time ends the text.

    Needed because line-level OCR sometimes merges a row's name with the time
    printed at the right edge of the same row. The time must be separated from
    the rest by a space (a name ending in digits must not lose them).
    """
    s = unicodedata.normalize("NFKC", text).strip()
    # Try the longest trailing candidate first, then shorter ones.
    m = _TRAILING.search(s)
    if not m or not m["t"].strip():
        return None
    t = m["t"].strip()
    rest = s[: m.start("t")].strip()
    if not rest or not is_time_text(t):
        return None
    return rest, t
