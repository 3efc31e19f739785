"""Time labels as phones print them, each with the gold value SCHEMA.md gives it.

A label is returned with ``(minute, day)``: what the screenshot lets a reader
know. Relative labels (a bare clock, 昨天, 星期二, 3月8日, 5分钟前) need the
capture time; when the file name does not give it they are unknown (None).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

WEEK_ZH = "一二三四五六日"
WEEK_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WEEK_EN_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

Gold = tuple[datetime | None, date | None]


@dataclass(frozen=True)
class TimeStyle:
    """How one skin writes times (drawn once per screen)."""

    lang: str  # "zh" or "en"
    clock: str  # "24", "zh12" (下午2:32), "zh12fine" (晚上8:05, 凌晨1:10), "en12" (2:32 PM)
    pad: bool  # 09:05 or 9:05 in 24-hour clocks
    week: str  # "星期" or "周" (zh); "short" or "long" (en)
    ymd: str  # "zh" (2024年12月30日), "slash" (2024/12/30), "dash" (2024-12-30)
    relative: bool  # list rows within the hour/day say 5分钟前 / 1小时前 / 5 min. ago
    day_and_clock: bool  # list rows before today still show the clock (昨天 14:32)

    @staticmethod
    def draw(rng: random.Random, lang: str) -> TimeStyle:
        if lang == "en":
            clock = rng.choice(["24", "en12", "en12"])
        else:
            clock = rng.choice(["24", "24", "zh12", "zh12fine"])
        return TimeStyle(
            lang=lang,
            clock=clock,
            pad=rng.random() < 0.7,
            week=rng.choice(["星期", "周"]) if lang == "zh" else rng.choice(["short", "long"]),
            ymd=rng.choice(["zh", "slash", "dash"]) if lang == "zh" else rng.choice(["en", "slash"]),
            relative=rng.random() < 0.3,
            day_and_clock=rng.random() < 0.3,
        )

    # -- pieces -------------------------------------------------------------

    def clock_text(self, t: datetime) -> str:
        h, m = t.hour, t.minute
        if self.clock == "24":
            return f"{h:02d}:{m:02d}" if self.pad else f"{h}:{m:02d}"
        h12 = h % 12 or 12
        if self.clock == "en12":
            return f"{h12}:{m:02d} {'AM' if h < 12 else 'PM'}"
        if self.clock == "zh12fine":
            part = "凌晨" if h < 6 else "上午" if h < 12 else "中午" if h < 13 else "下午" if h < 18 else "晚上"
            return f"{part}{h12}:{m:02d}"
        return f"{'上午' if h < 12 else '下午'}{h12}:{m:02d}"

    def weekday(self, d: date) -> str:
        if self.lang == "zh":
            return self.week + WEEK_ZH[d.weekday()]
        return (WEEK_EN if self.week == "short" else WEEK_EN_LONG)[d.weekday()]

    def month_day(self, d: date) -> str:
        return f"{d.month}月{d.day}日" if self.lang == "zh" else f"{MONTH_EN[d.month - 1]} {d.day}"

    def full_date(self, d: date) -> str:
        if self.lang == "en":
            return f"{MONTH_EN[d.month - 1]} {d.day}, {d.year}" if self.ymd == "en" else f"{d.month}/{d.day}/{d.year}"
        if self.ymd == "zh":
            return f"{d.year}年{d.month}月{d.day}日"
        sep = "/" if self.ymd == "slash" else "-"
        return f"{d.year}{sep}{d.month}{sep}{d.day}" if sep == "/" else f"{d.year}-{d.month:02d}-{d.day:02d}"

    def yesterday(self) -> str:
        return "昨天" if self.lang == "zh" else "Yesterday"

    def today(self) -> str:
        return "今天" if self.lang == "zh" else "Today"

    # -- whole labels -------------------------------------------------------

    def day_label(self, d: date, cap: datetime, *, today_word: bool = True) -> tuple[str, bool]:
        """(text of a day, whether it needs the capture time to resolve)."""
        back = (cap.date() - d).days
        if back == 0 and today_word:
            return self.today(), True
        if back == 1:
            return self.yesterday(), True
        if 2 <= back <= 6:
            return self.weekday(d), True
        if d.year == cap.year:
            return self.month_day(d), True
        return self.full_date(d), False

    def separator(self, t: datetime, cap: datetime, cap_known: bool, rng: random.Random) -> tuple[str, Gold]:
        """A time separator above bubbles: day (unless today) and clock."""
        clock = self.clock_text(t)
        if t.date() == cap.date():
            text = f"{self.today()} {clock}" if rng.random() < 0.2 else clock
            rel = True
        else:
            day, rel = self.day_label(t.date(), cap)
            text = f"{day} {clock}"
        known = cap_known or not rel
        minute = t.replace(second=0, microsecond=0)
        return text, ((minute, minute.date()) if known else (None, None))

    def day_separator(self, d: date, cap: datetime, cap_known: bool) -> tuple[str, date | None]:
        """A separator that shows only the day (bubbles then carry their own clock)."""
        if (cap.date() - d).days >= 7 or d.year != cap.year:
            text = self.full_date(d)
            if self.lang == "zh" and self.ymd == "zh":
                text += " " + self.weekday(d)
            return text, d
        text, rel = self.day_label(d, cap)
        return text, (d if cap_known or not rel else None)

    def row_label(self, t: datetime, cap: datetime, cap_known: bool, section_day: bool) -> tuple[str, Gold]:
        """The time column of an inbox or call-log row.

        ``section_day`` is set under a section header (今天 / 昨天): such lists
        print only the clock, and the header says the day.
        """
        minute = t.replace(second=0, microsecond=0)
        age = cap - t
        if self.relative and timedelta(0) <= age < timedelta(hours=1):
            mins = int(age.total_seconds() // 60)
            text = f"{mins}分钟前" if self.lang == "zh" else f"{mins} min. ago"
            at = (cap - timedelta(minutes=mins)).replace(second=0, microsecond=0)
            return text, ((at, at.date()) if cap_known else (None, None))
        if self.relative and timedelta(hours=1) <= age < timedelta(hours=12):
            hrs = int(age.total_seconds() // 3600)
            text = f"{hrs}小时前" if self.lang == "zh" else f"{hrs} hr. ago"
            return text, ((None, (cap - timedelta(hours=hrs)).date()) if cap_known else (None, None))
        if t.date() == cap.date() or section_day:
            return self.clock_text(t), ((minute, minute.date()) if cap_known else (None, None))
        day, rel = self.day_label(t.date(), cap, today_word=False)
        if (cap.date() - t.date()).days >= 7 and self.lang == "zh" and self.ymd == "slash":
            day, rel = self.full_date(t.date()), False  # iOS in Chinese: 2025/3/8 past the last week
        known = cap_known or not rel
        if self.day_and_clock and (cap.date() - t.date()).days <= 6:
            return f"{day} {self.clock_text(t)}", ((minute, minute.date()) if known else (None, None))
        return day, ((None, t.date()) if known else (None, None))


def section_title(back: int, lang: str) -> str:
    """A call-log / list section header for a day ``back`` days before the capture."""
    if lang == "zh":
        return "今天" if back == 0 else "昨天" if back == 1 else "更早"
    return "Today" if back == 0 else "Yesterday" if back == 1 else "Older"
