"""Items whose screenshot shows the day but not the minute (issue 12).

An SMS list row showing only ``10月25日`` is on the 25th: not on the capture
day, not slotted among another day's minutes. It sorts after that day's
timed items, counts on its day, and never in an hour or as night-time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from casefile.model import Message, TimePrecision
from casefile.timeline import TimelineFilter, build_timeline, filter_entries
from ocr.model import Layout
from tests.casefile.test_timeline import msg, shot

CAP = datetime(2024, 11, 2, 20, 0, 16)
# The inbox of the issue: newest on top, three rows today, then rows showing only a day.
INBOX = [
    ("【某贷】今天必须还款", datetime(2024, 11, 2, 17, 21), None),
    ("【某贷】最后通知", datetime(2024, 11, 2, 15, 40), None),
    ("【某贷】已逾期", datetime(2024, 11, 2, 13, 20), None),
    ("【某花】请尽快处理", None, date(2024, 10, 25)),
    ("【某花】紧急联系人", None, date(2024, 10, 25)),
    ("【某借】账单提醒", None, date(2024, 10, 24)),
    ("【某借】还款日", None, date(2024, 10, 13)),
    ("【某呗】逾期记录", None, date(2024, 10, 12)),
    ("【某呗】上门", None, date(2024, 10, 12)),
]


def _rows(
    sid: int, first: int, rows: list[tuple[str, datetime | None, date | None]], sender: str
) -> list[Message]:
    return [
        replace(msg(first + k, sid, float(k), text, t, sender=sender + str(k)), date=d)
        for k, (text, t, d) in enumerate(rows)
    ]


def test_day_only_rows_are_on_their_own_day_not_the_capture_day() -> None:
    msgs = _rows(1, 1, INBOX, "1069")
    tl = build_timeline(msgs, [shot(1, CAP, layout=Layout.SMS_INBOX, title=None)])
    got = [(e.day, e.time, e.precision) for e in tl.entries]
    assert [d for d, _, _ in got] == sorted(d for d, _, _ in got if d is not None)
    assert [(d, p) for d, _, p in got] == [
        (date(2024, 10, 12), TimePrecision.DAY),
        (date(2024, 10, 12), TimePrecision.DAY),
        (date(2024, 10, 13), TimePrecision.DAY),
        (date(2024, 10, 24), TimePrecision.DAY),
        (date(2024, 10, 25), TimePrecision.DAY),
        (date(2024, 10, 25), TimePrecision.DAY),
        (date(2024, 11, 2), TimePrecision.MINUTE),
        (date(2024, 11, 2), TimePrecision.MINUTE),
        (date(2024, 11, 2), TimePrecision.MINUTE),
    ]
    # rows of one day in the list's reading order (the lower row is the older)
    assert [e.text for e in tl.entries[:2]] == ["【某呗】上门", "【某呗】逾期记录"]
    c = tl.counts
    assert c.per_day[date(2024, 10, 25)].total == 2 and c.per_day[date(2024, 11, 2)].total == 3
    assert c.day_only.total == 6 and c.undated.total == 0
    assert sum(t.total for t in c.by_hour) == 3  # only the minutes shown
    assert c.first_day == date(2024, 10, 12)
    # a date filter keeps a day-only row on its day
    only_25 = filter_entries(
        tl.entries, TimelineFilter(date_from=date(2024, 10, 25), date_to=date(2024, 10, 25))
    )
    assert [e.text for e in only_25] == ["【某花】紧急联系人", "【某花】请尽快处理"]


def test_day_only_item_comes_after_that_days_timed_items() -> None:
    """A thread shows yesterday's 09:00 and 22:30; the inbox row 昨天 sorts after both, before today."""
    thread = [
        msg(1, 1, 0.0, "早上好，今天还款", datetime(2024, 11, 1, 9, 0)),
        msg(2, 1, 1.0, "晚上再提醒一次", datetime(2024, 11, 1, 22, 30)),
        msg(3, 1, 2.0, "今天最后期限", datetime(2024, 11, 2, 8, 0)),
    ]
    inbox = [
        msg(10, 2, 0.0, "另一平台的通知", datetime(2024, 11, 2, 7, 0), sender="95555"),
        replace(msg(11, 2, 1.0, "昨天收到的账单", None, sender="95566"), date=date(2024, 11, 1)),
    ]
    tl = build_timeline(thread + inbox, [shot(1, CAP), shot(2, CAP, layout=Layout.SMS_INBOX, title=None)])
    assert [e.primary_message_id for e in tl.entries] == [1, 2, 11, 10, 3]
    day_only = tl.entries[2]
    assert day_only.time is None and not day_only.time_known and day_only.day == date(2024, 11, 1)
    assert day_only.sort_time is not None and day_only.sort_time.date() == date(2024, 11, 1)


def test_readings_on_different_days_never_merge() -> None:
    """The same template on two days is two messages; the same row on two captures of one list is one."""
    a = [replace(msg(1, 1, 0.0, "【某贷】您已逾期，请立即还款", None), date=date(2024, 10, 25))]
    b = [replace(msg(2, 2, 0.0, "【某贷】您已逾期，请立即还款", None), date=date(2024, 10, 26))]
    c = [replace(msg(3, 3, 0.0, "【某贷】您已逾期，请立即还款", None), date=date(2024, 10, 25))]
    shots = [shot(i, CAP, layout=Layout.SMS_INBOX, title=None) for i in (1, 2, 3)]
    tl = build_timeline(a + b + c, shots)
    assert sorted(e.message_ids for e in tl.entries) == [(1, 3), (2,)]
    assert [e.day for e in tl.entries] == [date(2024, 10, 25), date(2024, 10, 26)]
