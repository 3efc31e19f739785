"""Counts of contact received: per day, party, number, hour and kind; busiest day; runs."""

from __future__ import annotations

from datetime import date

from casefile.counts import DayRun, Tally, count_entries, longest_run
from casefile.model import Message, Party
from casefile.timeline import build_timeline
from ocr.model import ME, Direction, Kind, Layout
from tests.casefile.test_timeline import at, msg, shot

A = "13800138000"
B = "075583456789"


def _case() -> list[Message]:
    n = iter(range(1, 1000))

    def sms(day: int, hour: int, minute: int = 0, sender: str = A, sid: int = 1) -> Message:
        return msg(next(n), sid, float(next(n)), f"第{day}日{hour}:{minute}", at(day, hour, minute), sender=sender)

    def call(day: int, hour: int, direction: Direction = Direction.MISSED, sender: str = A) -> Message:
        return msg(next(n), 9, float(next(n)), "", at(day, hour), sender=sender, kind=Kind.CALL, direction=direction)

    return [
        # 8 March: 3 messages, 2 calls received; a reply and an outgoing call not counted
        sms(8, 9), sms(8, 9, 30), sms(8, 23, 5, sender=B),
        call(8, 9), call(8, 10, Direction.INCOMING),
        msg(900, 1, 900.0, "别再打了", at(8, 9, 31), sender=ME, direction=Direction.OUTGOING),
        call(8, 11, Direction.OUTGOING),
        # 9 March: 1; 10 March: 5 (the busiest); 11 March: none; 12 March: 1
        sms(9, 8),
        sms(10, 9), sms(10, 9, 1), sms(10, 9, 2), call(10, 22), call(10, 23, sender=B),
        sms(12, 7, sender=B),
        # a message without a known minute: in totals, not per day
        msg(950, 1, 950.0, "时间看不清", None, sender=A),
    ]


def test_counts_of_contact_received() -> None:
    c = build_timeline(_case(), [shot(1, at(12, 20), title=None), shot(9, at(12, 20), layout=Layout.CALL_LOG, title=None)]).counts
    assert (c.messages, c.calls, c.outgoing, c.received) == (9, 4, 2, 13)
    assert c.undated == Tally(messages=1, calls=0)
    assert c.per_day == {
        date(2025, 3, 8): Tally(3, 2),
        date(2025, 3, 9): Tally(1, 0),
        date(2025, 3, 10): Tally(3, 2),
        date(2025, 3, 12): Tally(1, 0),
    }
    assert c.busiest_day is not None and (c.busiest_day.day, c.busiest_day.count) == (date(2025, 3, 8), 5)
    assert c.longest_run == DayRun(date(2025, 3, 8), date(2025, 3, 10)) and c.longest_run.days == 3
    assert (c.first_day, c.last_day, c.days_with_contact) == (date(2025, 3, 8), date(2025, 3, 12), 4)
    assert c.by_kind == {Kind.SMS: 9, Kind.CALL: 4}
    assert len(c.by_hour) == 24
    assert c.by_hour[9] == Tally(messages=5, calls=1)
    assert c.by_hour[23] == Tally(messages=1, calls=1)
    assert c.by_hour[11] == Tally()  # the outgoing call
    assert sum(t.total for t in c.by_hour) == 12  # every dated item received
    assert list(c.per_party) == [A, B]  # most contact first
    assert c.per_party[A] == Tally(messages=7, calls=3) and c.per_party[B] == Tally(2, 1)
    assert c.per_number == c.per_party
    assert c.per_party_day[(A, date(2025, 3, 10))] == Tally(3, 1)


def test_busiest_day_tie_goes_to_the_earliest_and_a_merge_counts_once() -> None:
    day8 = [msg(1, 1, 0, "一", at(8, 9)), msg(2, 1, 1, "二", at(8, 10))]
    day9 = [msg(3, 2, 0, "三", at(9, 9)), msg(4, 2, 1, "四", at(9, 10))]
    again = [msg(5, 3, 0, "三", at(9, 9)), msg(6, 3, 1, "四", at(9, 10))]  # day 9 captured twice
    c = build_timeline(day8 + day9 + again, [shot(1), shot(2), shot(3)]).counts
    assert c.busiest_day is not None and c.busiest_day.day == date(2025, 3, 8) and c.busiest_day.count == 2
    assert c.messages == 4


def test_counts_per_party_join_numbers_but_per_number_keeps_them() -> None:
    m = [msg(1, 1, 0, "一", at(8, 9), sender=A), msg(2, 2, 0, "二", at(8, 9), sender=B), msg(3, 3, 0, "三", at(8, 9), sender="张经理")]
    tl = build_timeline(m, [shot(1, title=None), shot(2, title=None), shot(3, title=None)], parties=[Party(1, "安心花", (A, B, "张经理"))])
    assert tl.counts.per_party == {"安心花": Tally(3, 0)}
    assert tl.counts.per_number == {B: Tally(1, 0), A: Tally(1, 0)}  # names are not numbers


def test_longest_run() -> None:
    d = date.fromisoformat
    assert longest_run([]) is None
    assert longest_run([d("2025-03-01")]) == DayRun(d("2025-03-01"), d("2025-03-01"))
    days = ["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-04"]
    run = longest_run([d(x) for x in days])
    assert run == DayRun(d("2025-02-27"), d("2025-03-01")) and run.days == 3  # tie: earliest


def test_no_entries() -> None:
    c = count_entries([])
    assert c.busiest_day is None and c.longest_run is None and c.first_day is None
    assert c.received == 0 and c.by_hour == (Tally(),) * 24
