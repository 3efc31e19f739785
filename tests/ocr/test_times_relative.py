"""Relative, English and numeric list times resolved against the capture time (issue 11 item 5, issue 12).

Each row is what a phone prints and what the evidence must record: a minute
only where the screen shows one (``5分钟前`` does; ``1小时前`` shows only the
day), and nothing at all without a capture time.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ocr.model import Direction, ExtractedMessage, Kind, TimeSource
from ocr.times import (
    apply_labels,
    choose_day_first,
    is_time_text,
    make_label,
    parse_moment,
    resolve_label,
    resolve_labels,
    split_trailing_time,
)

CAP = datetime(2025, 3, 10, 14, 40, 5)  # a Monday afternoon

# text, captured_at, expected day, expected minute ("" = None)
ROWS: list[tuple[str, datetime | None, str, str]] = [
    # ago times: minutes are a minute, hours only a day
    ("5分钟前", CAP, "2025-03-10", "2025-03-10T14:35"),
    ("1分钟前", CAP, "2025-03-10", "2025-03-10T14:39"),
    ("刚刚", CAP, "2025-03-10", "2025-03-10T14:40"),
    ("0 min. ago", CAP, "2025-03-10", "2025-03-10T14:40"),
    ("12 mins ago", CAP, "2025-03-10", "2025-03-10T14:28"),
    ("just now", CAP, "2025-03-10", "2025-03-10T14:40"),
    ("1小时前", CAP, "2025-03-10", ""),
    ("1 hr. ago", CAP, "2025-03-10", ""),
    ("20小时前", CAP, "2025-03-09", ""),
    ("3 hours ago", CAP, "2025-03-10", ""),
    ("2天前", CAP, "2025-03-08", ""),
    # an hour that straddles midnight: the day is not known
    ("1小时前", datetime(2025, 3, 10, 1, 30), "", ""),  # 60-119 minutes before 01:30
    ("1小时前", datetime(2025, 3, 10, 0, 30), "2025-03-09", ""),  # wholly the evening before
    ("5分钟前", None, "", ""),
    ("1小时前", None, "", ""),
    # English days and clocks
    ("Yesterday", CAP, "2025-03-09", ""),
    ("Today", CAP, "2025-03-10", ""),
    ("Yesterday 2:32 PM", CAP, "2025-03-09", "2025-03-09T14:32"),
    ("Yesterday at 9:05 AM", CAP, "2025-03-09", "2025-03-09T09:05"),
    ("2:32 PM", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("12:05 AM", CAP, "2025-03-10", "2025-03-10T00:05"),
    ("2:32 p.m.", CAP, "2025-03-10", "2025-03-10T14:32"),
    ("Tuesday", CAP, "2025-03-04", ""),
    ("Sat", CAP, "2025-03-08", ""),
    ("Mon 09:15", CAP, "2025-03-03", "2025-03-03T09:15"),
    ("Sat, Mar 8", CAP, "2025-03-08", ""),
    ("Mar 8", CAP, "2025-03-08", ""),
    ("8 March", CAP, "2025-03-08", ""),
    ("Dec 31", datetime(2025, 1, 2), "2024-12-31", ""),
    ("Mar 8, 2024", None, "2024-03-08", ""),
    ("Yesterday", None, "", ""),
    # numeric day-month, alone: the reading nearer the capture
    ("08.03", CAP, "2025-03-08", ""),
    ("13/02", CAP, "2025-02-13", ""),  # 13 cannot be a month
    ("03-08", CAP, "2025-03-08", ""),  # Android call logs: month first
    ("03-08 14:32", CAP, "2025-03-08", "2025-03-08T14:32"),
    ("10月25日", datetime(2024, 11, 2, 20, 0), "2024-10-25", ""),
    ("周一", CAP, "2025-03-03", ""),
]


@pytest.mark.parametrize(("text", "cap", "day", "minute"), ROWS)
def test_resolves(text: str, cap: datetime | None, day: str, minute: str) -> None:
    assert parse_moment(text, cap) is not None, text
    # what a list row holds must be recognised as its time, not taken as the sender
    assert is_time_text(text)
    ((minute_, day_),) = resolve_labels([text], cap, newest_first=True)
    assert (day_.isoformat() if day_ else "") == day, text
    assert (minute_.isoformat(timespec="minutes") if minute_ else "") == minute, text


@pytest.mark.parametrize("text", ["10.30", "12.50", "5 minutes", "Monkey", "Mayday", "2:32 PM PM", "13.13"])
def test_not_times(text: str) -> None:
    assert not is_time_text(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("95357 1小时前", ("95357", "1小时前")),
        ("中国移动 5分钟前", ("中国移动", "5分钟前")),
        ("Mom Yesterday", ("Mom", "Yesterday")),
        ("+86 138 0013 8000 2:32 PM", ("+86 138 0013 8000", "2:32 PM")),
        ("10086 0 min. ago", ("10086", "0 min. ago")),
        ("10086 Mar 8", ("10086", "Mar 8")),
        ("95357 下午5:21", ("95357", "下午5:21")),
        ("张三 138", None),  # digits that are no time stay in the name
        ("Monkey", None),
    ],
)
def test_split_trailing_relative_and_english_times(text: str, expected: tuple[str, str] | None) -> None:
    """OCR merged a list row's name and its time: the time comes off, the name keeps the rest."""
    assert split_trailing_time(text) == expected


def test_day_order_is_decided_per_screenshot() -> None:
    """``05/03`` is May 3rd or March 5th; the other rows of the same screen decide."""
    # A row that can only be day first (13/03) shows the convention of the whole list.
    assert choose_day_first(["05/03", "13/03"], CAP, newest_first=True) is True
    # Newest first: 04/03 then 02/03 is consistent either way; nearer the capture wins (day first).
    assert resolve_labels(["04/03", "02/03"], CAP, newest_first=True) == [
        (None, date(2025, 3, 4)),
        (None, date(2025, 3, 2)),
    ]
    # Month first is the only order where this list runs newest first without a jump back a year.
    cap = datetime(2025, 12, 20, 10, 0)
    days = [d for _, d in resolve_labels(["12/05", "11/28", "11/03"], cap, newest_first=True)]
    assert days == [date(2025, 12, 5), date(2025, 11, 28), date(2025, 11, 3)]
    # No ambiguous date: nothing to decide.
    assert choose_day_first(["昨天", "3月8日"], CAP, newest_first=True) is None


def test_bubble_labels_combine_separator_and_own_clock() -> None:
    assert make_label(None, None) is None
    assert resolve_label(make_label("2025年3月8日 星期六", "下午2:32"), None) == (
        datetime(2025, 3, 8, 14, 32),
        date(2025, 3, 8),
    )
    # the bubble's clock is cut off: the separator's day, no minute
    assert resolve_label(make_label("2025年3月8日 星期六"), None) == (None, date(2025, 3, 8))
    # no separator above: a bare own clock says no day
    assert resolve_label(make_label(None, "14:32"), CAP) == (None, None)
    assert resolve_label(make_label("昨天 14:32"), CAP) == (datetime(2025, 3, 9, 14, 32), date(2025, 3, 9))


def test_apply_labels_resolves_again_against_a_new_capture_time() -> None:
    rows = [
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", None, "a", time_text="5分钟前"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", None, "b", time_text="昨天"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", datetime(2025, 1, 1, 9, 0), "c"),
    ]
    apply_labels(rows, None, newest_first=True)
    assert [(m.time, m.date) for m in rows[:2]] == [(None, None), (None, None)]
    assert rows[2].date == date(2025, 1, 1)
    apply_labels(rows, CAP, newest_first=True)
    assert rows[0].time == datetime(2025, 3, 10, 14, 35) and rows[0].time_source == TimeSource.ROW
    assert rows[1].time is None and rows[1].date == date(2025, 3, 9)
    assert [m.to_json()["date"] for m in rows] == ["2025-03-10", "2025-03-09", "2025-01-01"]
