"""On-screen Chinese times resolved against the capture time (SCHEMA.md, Time rules).

Table-driven: each row is what a phone prints, when the screenshot was taken,
and the day/minute the evidence must record. The boundary rows (year end, month
end, week wrap) are where a naive "same year / same month" resolution goes wrong.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from ocr.times import is_time_text, parse_moment, read_moment, split_trailing_time

CAP = datetime(2025, 3, 10, 14, 40, 5)  # a Monday

# text, captured_at, expected date, expected minute ("" = None)
RESOLVED: list[tuple[str, datetime | None, str, str]] = [
    # bare clocks = the capture day
    ("14:32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("9:05", CAP, "2025-03-10", "2025-03-10T09:05"),
    ("下午2:32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("上午9:15", CAP, "2025-03-10", "2025-03-10T09:15"),
    ("上午12:05", CAP, "2025-03-10", "2025-03-10T00:05"),
    ("下午12:05", CAP, "2025-03-10", "2025-03-10T12:05"),
    ("晚上8:00", CAP, "2025-03-10", "2025-03-10T20:00"),
    ("凌晨3:10", CAP, "2025-03-10", "2025-03-10T03:10"),
    ("中午12:30", CAP, "2025-03-10", "2025-03-10T12:30"),
    ("中午1:30", CAP, "2025-03-10", "2025-03-10T13:30"),
    ("早上7:45", CAP, "2025-03-10", "2025-03-10T07:45"),
    ("下午14:32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("2:32 PM", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("今天 08:00", CAP, "2025-03-10", "2025-03-10T08:00"),
    # relative days
    ("昨天 14:32", CAP, "2025-03-09", "2025-03-09T14:32"),
    ("昨天 下午2:32", CAP, "2025-03-09", "2025-03-09T14:32"),
    ("前天 09:00", CAP, "2025-03-08", "2025-03-08T09:00"),
    ("前天 09:00", datetime(2025, 3, 1, 8, 0), "2025-02-27", "2025-02-27T09:00"),  # month end
    ("昨天 23:59", datetime(2025, 1, 1, 0, 10), "2024-12-31", "2024-12-31T23:59"),  # year end
    # weekdays: the most recent such day before the capture day
    ("星期二 09:15", CAP, "2025-03-04", "2025-03-04T09:15"),
    ("周六", CAP, "2025-03-08", ""),
    ("星期日 下午3:00", CAP, "2025-03-09", "2025-03-09T15:00"),
    ("周天", CAP, "2025-03-09", ""),
    ("礼拜三", CAP, "2025-03-05", ""),
    ("星期一", CAP, "2025-03-03", ""),  # same weekday as capture: a week back
    ("星期五", datetime(2025, 3, 2, 12, 0), "2025-02-28", ""),  # across a month end
    ("星期四", datetime(2025, 1, 2, 12, 0), "2024-12-26", ""),  # across a year end (2 Jan is a Thursday)
    ("周二", datetime(2025, 1, 2, 12, 0), "2024-12-31", ""),
    # year-less dates take the capture year, or the year before if that is the future
    ("3月8日 14:32", CAP, "2025-03-08", "2025-03-08T14:32"),
    ("3月8日 下午2:32", CAP, "2025-03-08", "2025-03-08T14:32"),
    ("3月8日", CAP, "2025-03-08", ""),
    ("12月31日", datetime(2025, 1, 2, 9, 0), "2024-12-31", ""),
    ("12月31日 23:10", datetime(2025, 1, 2, 9, 0), "2024-12-31", "2024-12-31T23:10"),
    ("3月8号", CAP, "2025-03-08", ""),
    ("3月8日 周六", CAP, "2025-03-08", ""),
    ("2月29日", datetime(2025, 3, 10), "2024-02-29", ""),  # not in 2025: the last leap year
    ("3/8", CAP, "2025-03-08", ""),
    # full dates need nothing
    ("2025年3月8日 14:32", CAP, "2025-03-08", "2025-03-08T14:32"),
    ("2025年3月8日 14:32", None, "2025-03-08", "2025-03-08T14:32"),
    ("2025/3/8", None, "2025-03-08", ""),
    ("2025-3-8", None, "2025-03-08", ""),
    ("2025-03-08 14:32", None, "2025-03-08", "2025-03-08T14:32"),
    ("2025.3.8", None, "2025-03-08", ""),
    ("2024年12月30日 星期一 下午2:32", None, "2024-12-30", "2024-12-30T14:32"),
    ("2024年12月30日 星期六", None, "2024-12-30", ""),  # a wrong weekday does not move the date
    # captured_at unknown: anything relative or year-less is unknown
    ("14:32", None, "", ""),
    ("昨天 14:32", None, "", ""),
    ("星期二", None, "", ""),
    ("3月8日 14:32", None, "", ""),
    # OCR noise
    ("昨天14:32", CAP, "2025-03-09", "2025-03-09T14:32"),
    ("下午 2:32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("14：32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("１４：３２", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("星 期 二 09:15", CAP, "2025-03-04", "2025-03-04T09:15"),
    ("3 月 8 日 14:32", CAP, "2025-03-08", "2025-03-08T14:32"),
    ("1O:3O", CAP, "2025-03-10", "2025-03-10T10:30"),
    ("17:10 >", CAP, "2025-03-10", "2025-03-10T17:10"),
    ("| 14:32", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("昨天 14;32", CAP, "2025-03-09", "2025-03-09T14:32"),
]


@pytest.mark.parametrize(("text", "cap", "day", "minute"), RESOLVED)
def test_resolves(text: str, cap: datetime | None, day: str, minute: str) -> None:
    m = parse_moment(text, cap)
    assert m is not None, text
    assert m.date == (date.fromisoformat(day) if day else None)
    assert m.minute == (datetime.fromisoformat(minute) if minute else None)


NOT_TIMES = [
    "",
    "你好",
    "12.50",  # money, not a clock
    "2390.",
    "25:10",
    "14:75",
    "13月2日",
    "2月30日",
    "2025年2月29日",
    "【招商银行】您尾号4314的储蓄卡1203",
    "请于今天14:00前还款",  # a message mentioning a time is not a time
    "95357",
    "18325071523",
    "昨天你说会还",
    "1分23秒",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_rejects(text: str) -> None:
    assert parse_moment(text, CAP) is None
    assert not is_time_text(text)


def test_reading_keeps_the_clock_when_the_day_is_unknown() -> None:
    """A thread places a bubble's own clock on its separator's day, so the clock survives."""
    m = parse_moment("下午2:32", None)
    assert m is not None
    assert m.clock == time(14, 32)
    assert m.is_time_only
    assert m.minute is None
    assert m.on(date(2025, 3, 8)) == datetime(2025, 3, 8, 14, 32)


def test_day_only_has_no_minute() -> None:
    """List rows showing only a day have time null (SCHEMA.md)."""
    for text in ("昨天", "星期二", "3月8日", "2025/3/8"):
        m = parse_moment(text, CAP)
        assert m is not None
        assert m.date is not None
        assert m.minute is None
        assert m.clock is None
        assert not m.is_time_only


def test_relative_flag() -> None:
    r = read_moment("2025年3月8日")
    assert r is not None and r.day_kind == "ymd"
    assert parse_moment("2025年3月8日", None).relative is False  # type: ignore[union-attr]
    assert parse_moment("3月8日", CAP).relative is True  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("95357 17:21", ("95357", "17:21")),
        ("催收-张经理 下午3:40", ("催收-张经理", "下午3:40")),
        ("爸爸 昨天", ("爸爸", "昨天")),
        ("106551568725195 昨天 14:05", ("106551568725195", "昨天 14:05")),
        ("妈妈 星期二", ("妈妈", "星期二")),
        ("+86 138 0013 8000 2025/3/8", ("+86 138 0013 8000", "2025/3/8")),
        ("小红 3月8日 >", ("小红", "3月8日")),
        ("95357", None),
        ("17:21", None),  # nothing before the time
        ("你好", None),
    ],
)
def test_split_trailing_time(text: str, expected: tuple[str, str] | None) -> None:
    assert split_trailing_time(text) == expected


def test_day_words_misread_in_small_grey_print_still_read_as_times() -> None:
    """天 read as 大 or 夭 after 今/昨/前, 午 as 千/干/牛 before a clock: the time is there."""
    cases = {"昨天下千3:05": (1, time(15, 5)), "今大 11:42": (0, time(11, 42)), "前夭 上午9:01": (2, time(9, 1))}
    for text, (back, clock) in cases.items():
        r = read_moment(text)
        assert r is not None and r.days_back == back and r.clock == clock, text


def test_a_noon_read_as_ten_is_not_guessed() -> None:
    """上午11:42 read as 上十1:42: 十 took the hour's first 1 with it, so no clock is made up."""
    assert read_moment("今大上十1:42") is None
    assert read_moment("今大上十点见") is None
