"""Time texts read off a screen, syntax only: what a short OCR'd text shows as a time.

Nothing here resolves anything: ``read_moment`` says whether a text is
*entirely* a time expression and which parts it shows (a day part, a clock,
or both); :mod:`ocr.times.resolving` turns that into days and minutes against
the capture time. Tolerant of OCR noise: full-width digits and colon, spaces
inside or missing (``昨天14:32``, ``下午 2:32``, ``星 期 二``), ``O``/``l`` misread
for ``0``/``1`` next to digits, stray edge marks (an iOS chevron ``>``, ``|``, ``·``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time

__all__ = ["DAY_MINUTES", "Reading", "is_time_text", "read_moment", "split_trailing_time"]


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
    # ``3/8``, ``05.03``: the other order (day first) is possible too; the
    # screenshot's other dates decide (``choose_order``).
    ambiguous: bool = False
    day_first: bool = False  # the reading as read: ``month``/``day`` already in that order
    ago_minutes: int | None = None  # ``x分钟前`` / ``2 hr. ago`` (day_kind ``"ago"``)
    ago_unit: int = 1  # minutes the shown figure counts in (1, 60 or 1440): its precision


# --- normalisation -----------------------------------------------------------

_CJK = r"\u3400-\u9fff"
_MERIDIEM = re.compile(r"(?<![a-z])([aApP])\.\s?[mM]\.?(?![a-z])")  # 2:32 p.m. → 2:32 PM
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_EDGE_JUNK = " \t.,;·•|>》〉<《〈'\"`~_-—=+*#、，。：:"
# OCR confuses O/o with 0 and l/I/| with 1, but only next to digits or the colon.
_O_AS_ZERO = re.compile(r"(?<=[\d:])[Oo]|[Oo](?=[\d:])")
_L_AS_ONE = re.compile(r"(?<=[\d:])[lI|]|[lI|](?=\d)")
# The day words' glyphs an engine confuses in small grey print: 天 read as 大 or
# 夭 after 今/昨/前, 午 as 干/牛/千 between 上/下/中 and the clock's digits.
# Only in these places, which no other word of a time fills. Not 十: read for
# 午 it has swallowed the hour's first 1 with it (上午11:42 → 上十1:42).
_DAY_AS_BIG = re.compile(r"(?<=[今昨前])[大夭]")
_NOON_AS_TEN = re.compile(r"(?<=[上下中])[干牛千](?=\s?\d{1,2}:\d{2})")


_CLOCK_DIGITS = re.compile(r"\d{1,2}\s?:\s?\d{2}")


def has_clock(text: str) -> bool:
    """Whether a text holds a clock's digits (9:05, 21：30), however the words round it were read."""
    return bool(_CLOCK_DIGITS.search(text.replace("：", ":")))


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = s.replace("：", ":").replace("∶", ":")
    s = _MERIDIEM.sub(lambda m: m.group(1).upper() + "M", s)
    s = re.sub(r"\s+", " ", s).strip(_EDGE_JUNK)
    s = _SPACE_NEAR_CJK.sub("", s)
    s = _O_AS_ZERO.sub("0", s)
    s = _L_AS_ONE.sub("1", s)
    if _CLOCK_DIGITS.search(s):
        s = _NOON_AS_TEN.sub("午", _DAY_AS_BIG.sub("天", s))
    # A colon read as a semicolon or a dot between clock digits.
    s = re.sub(r"(?<=\d)[;](?=\d{2}(?!\d))", ":", s)
    return s.strip(_EDGE_JUNK)


# --- grammar -----------------------------------------------------------------

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_RELATIVE = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2, "today": 0, "yesterday": 1}
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_EN_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)

_YMD_CN = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?")
_YMD_NUM = re.compile(r"(?P<y>(?:19|20)\d{2})[/\-.](?P<m>\d{1,2})[/\-.](?P<d>\d{1,2})(?!\d)")
# 08/03/2025, 8.3.25: month or day first, decided per screenshot.
_AMB_Y = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2}|\d{2})(?![\d:])")
# 日 may be dropped by OCR, but then the day must not run into clock digits.
_MD_CN = re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:[日号]|(?=\s|$))")
# 3/8 (month first by default) and 05.03 (day first by default): both may be the other way round.
_AMB = re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?=\s|$)")
_EN_MD = re.compile(
    rf"{_MON}\s?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s?(?P<y>(?:19|20)\d{{2}}))?(?![\d:])", re.I
)
_EN_DM = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s?{_MON}(?:,?\s?(?P<y>(?:19|20)\d{{2}}))?(?![\d:])", re.I
)
_REL = re.compile("(?:" + "|".join(_RELATIVE) + r")(?![a-z])", re.I)
_WEEK = re.compile(r"(?:星期|周|礼拜)(?P<w>[一二三四五六日天七])")
_EN_WEEK = re.compile(
    r"(?P<w>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
    r"\.?(?![a-z])",
    re.I,
)
_AT = re.compile(r"(?:at|um|à)\s", re.I)  # "Yesterday at 2:32 PM"
_CLOCK = re.compile(
    r"(?P<ap>上午|下午|晚上|凌晨|中午|早上|早晨|傍晚|夜里|夜间|深夜|半夜|AM|PM|am|pm)?\s?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?(?!\d)"
    r"(?:\s?(?P<ap2>AM|PM|am|pm))?"
)
# 5分钟前, 1小时前, 20小时前, 2天前, 刚刚; 0 min. ago, 1 hr. ago, 3 hours ago, just now.
_AGO_CN = re.compile(r"(?P<n>\d{1,3}|半)\s?(?P<u>分钟|分|小时|个小时|天)前")
_AGO_EN = re.compile(r"(?P<n>\d{1,3})\s?(?P<u>m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\.?\s?ago", re.I)
_NOW = re.compile(r"刚刚|刚才|just now|now", re.I)
DAY_MINUTES = 1440
_UNIT = {"分钟": 1, "分": 1, "小时": 60, "个小时": 60, "天": 1440}

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


def _ago(s: str) -> Reading | None:
    """``x分钟前`` and its English forms: minutes before the capture, at the precision shown."""
    if _NOW.fullmatch(s):
        return Reading("ago", ago_minutes=0, ago_unit=1)
    m = _AGO_CN.fullmatch(s)
    if m:
        unit = _UNIT[m["u"]]
        if m["n"] == "半":  # 半小时前: 30 minutes, shown to the half hour
            return Reading("ago", ago_minutes=30, ago_unit=30) if unit == 60 else None
        return Reading("ago", ago_minutes=int(m["n"]) * unit, ago_unit=unit)
    m = _AGO_EN.fullmatch(s)
    if m:
        u = m["u"].lower()
        unit = 1 if u.startswith("m") else (60 if u.startswith("h") else 1440)
        return Reading("ago", ago_minutes=int(m["n"]) * unit, ago_unit=unit)
    return None


def _valid_md(month: int, dayn: int) -> bool:
    return 1 <= month <= 12 and 1 <= dayn <= _days_in_month_any_year(month)


def _valid_ymd(year: int, month: int, dayn: int) -> bool:
    try:
        date(year, month, dayn)
    except ValueError:
        return False
    return True


def _ambiguous(a: int, b: int, sep: str, year: int | None) -> tuple[int, int, bool, bool] | None:
    """(month, day, ambiguous, day_first) for ``a?b``; the separator's usual order first.

    A slash is month first (``3/8``, Chinese and US phones), a dot day first
    (``05.03``, European ROMs). When only one order is a real date, that one.
    """

    def ok(month: int, dayn: int) -> bool:
        return _valid_ymd(year, month, dayn) if year is not None else _valid_md(month, dayn)

    md, dm = ok(a, b), ok(b, a)
    default_day_first = sep == "."
    if md and dm:
        return (b, a, a != b, True) if default_day_first else (a, b, a != b, False)
    if md:
        return a, b, False, False
    if dm:
        return b, a, False, True
    return None


def read_moment(text: str) -> Reading | None:
    """Parse a short text that should be nothing but a time; None if it is anything else."""
    s = _normalise(text)
    if not s or len(s) > 40:
        return None
    ago = _ago(s)
    if ago is not None:
        return ago
    pos = 0
    kind: str | None = None
    year = month = dayn = back = wday = None
    ambiguous = day_first = False

    def skip(p: int) -> int:
        while p < len(s) and s[p] in " ,，、":
            p += 1
        return p

    lead_week = _EN_WEEK.match(s, pos)  # "Mon, Mar 8" / "Tuesday 14:32": English puts the weekday first
    if lead_week:
        wday = _EN_WEEKDAYS[lead_week["w"][:3].lower()]
        pos = skip(lead_week.end())
    m = _YMD_CN.match(s, pos) or _YMD_NUM.match(s, pos)
    if m:
        kind, year, month, dayn = "ymd", int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid_ymd(year, month, dayn):
            return None
        pos = skip(m.end())
    if kind is None and (m := _AMB_Y.match(s, pos)):
        y = int(m["y"])
        y = y + 2000 if y < 100 else y
        amb = _ambiguous(int(m["a"]), int(m["b"]), m["sep"], y)
        if amb is None:
            return None
        kind, year = "ymd", y
        month, dayn, ambiguous, day_first = amb
        pos = skip(m.end())
    if kind is None and (m := (_EN_MD.match(s, pos) or _EN_DM.match(s, pos))):
        month, dayn = _EN_MONTHS[m["mon"][:3].lower()], int(m["d"])
        year = int(m["y"]) if m["y"] else None
        if not (_valid_ymd(year, month, dayn) if year else _valid_md(month, dayn)):
            return None
        kind = "ymd" if year else "md"
        pos = skip(m.end())
    if kind is None and (m := _MD_CN.match(s, pos)):
        month, dayn = int(m["m"]), int(m["d"])
        if not _valid_md(month, dayn):
            return None
        kind = "md"
        pos = skip(m.end())
    if kind is None and (m := _AMB.match(s, pos)):
        if m["sep"] == "." and (m.end() < len(s) and ":" not in s[m.end() :]):
            return None  # 10.30 is a clock with its colon misread, not a date
        amb = _ambiguous(int(m["a"]), int(m["b"]), m["sep"], None)
        if amb is None or (m["sep"] == "." and not amb[3] and not amb[2]):
            return None  # a dotted pair that only reads month first is a decimal or a clock
        kind = "md"
        month, dayn, ambiguous, day_first = amb
        pos = skip(m.end())
    if kind is None:
        m = _REL.match(s, pos)
        if m:
            kind, back = "rel", _RELATIVE[m.group(0).lower()]
            pos = skip(m.end())
    m = _WEEK.match(s, pos) or _EN_WEEK.match(s, pos)
    if m:
        if kind is None and wday is None:
            w = m["w"]
            wday = _WEEKDAYS[w] if w in _WEEKDAYS else _EN_WEEKDAYS[w[:3].lower()]
        pos = skip(m.end())
    if kind is None and wday is not None:
        kind = "weekday"
    elif kind is not None:
        wday = None  # a weekday written beside a date is ignored (the date is more specific)
    if kind is not None and (m := _AT.match(s, pos)):
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
    return Reading(kind, year, month, dayn, back, wday, clock, ambiguous, day_first)


def _days_in_month_any_year(month: int) -> int:
    return 29 if month == 2 else (30 if month in (4, 6, 9, 11) else 31)


def _looks_like_decimal(s: str) -> bool:
    """``12.50`` alone is more likely money than a clock: only a colon makes a bare clock."""
    return ":" not in s and not re.search(r"[上下晚凌中早傍夜深半]|AM|PM", s, re.IGNORECASE)


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


_TRAILING_WORDS = 4  # "Mon, Mar 8 2:32 PM" is the longest list time seen: four words


def _widen_leftwards(rest: str, t: str) -> tuple[str, str]:
    """Take whole words before a bare clock into the time while the whole still reads as one.

    A dialer's second line prints the day before the clock (``4m 1s Thursday
    00:34``, ``Nov 24 9:15``): the clock alone would put the call on the
    capture day and leave the day word in the label.
    """
    words = rest.split()
    for k in range(min(_TRAILING_WORDS - 1, len(words) - 1), 0, -1):
        wide = " ".join([*words[-k:], t])
        if is_time_text(wide):
            return " ".join(words[:-k]), wide
    return rest, t


def split_trailing_time(text: str) -> tuple[str, str] | None:
    """Split ``"95357 下午5:21"`` into ``("95357", "下午5:21")``; None if no time ends the text.

    Needed because line-level OCR sometimes merges a row's name with the time
    printed at the right edge of the same row. The time must be separated from
    the rest by a space (a name ending in digits must not lose them).
    """
    s = unicodedata.normalize("NFKC", text).strip()
    # Try the longest trailing candidate first, then shorter ones.
    m = _TRAILING.search(s)
    if m and m["t"].strip():
        t = m["t"].strip()
        rest = s[: m.start("t")].strip()
        if rest and is_time_text(t):
            return _widen_leftwards(rest, t)
    # Relative and English times (``1小时前``, ``Yesterday``, ``2:32 PM``, ``Mar 8``): the
    # longest run of whole trailing words that reads as a time.
    words = s.split()
    for k in range(min(_TRAILING_WORDS, len(words) - 1), 0, -1):
        t = " ".join(words[-k:])
        if is_time_text(t) and not t.isdigit():
            return " ".join(words[:-k]), t
    return None
