"""A page's centred day header dates the clock-only rows below it (ocr.page_dates).

The lines are laid out as WeChat's forwarded chat history draws them (realworld
14): a centred ``2018-3-31`` under the title, each row a name with its clock
at the right edge, then the text.
"""

from __future__ import annotations

from datetime import date, datetime

from ocr import times
from ocr.model import Box, Direction, ExtractedMessage, Kind
from ocr.page_dates import apply_day_headers
from ocr.recognition import Line


def _line(text: str, x: int, y: int, w: int = 100, h: int = 30) -> Line:
    return Line(text, 1.0, Box(x, y, w, h))


def _row(y: int, text: str = "我想要两阳一阴的客厅", label: str | None = None) -> ExtractedMessage:
    return ExtractedMessage(
        kind=Kind.CHAT,
        direction=Direction.INCOMING,
        sender="俺在大西北五金建材",
        time=None,
        text=text,
        box=Box(112, y, 450, 70),
        time_text=label,
    )


def _resolve(messages: list[ExtractedMessage], captured_at: datetime | None = None) -> None:
    times.apply_labels(messages, captured_at, newest_first=True)


def test_rows_under_a_day_header_take_its_day_and_their_own_clock() -> None:
    lines = [
        _line("下午12:24", 316, 3),  # the status bar clock: centred, but above the header
        _line("2018-3-31", 319, 135, 110),
        _line("下午3:59", 627, 181),
        _line("下午6:56", 630, 497),
    ]
    first, second = _row(192), _row(505)
    apply_day_headers(lines, [first, second])
    _resolve([first, second])
    assert (first.time, first.date) == (datetime(2018, 3, 31, 15, 59), date(2018, 3, 31))
    assert (second.time, second.date) == (datetime(2018, 3, 31, 18, 56), date(2018, 3, 31))
    # The label keeps what the screen shows, so a corrected capture time resolves it the same way.
    assert first.time_text == times.make_label("2018-3-31", "下午3:59")


def test_a_row_whose_label_is_a_bare_clock_gets_the_header_day() -> None:
    lines = [_line("2025年3月8日", 300, 100, 150)]
    row = _row(200, label="14:32")
    apply_day_headers(lines, [row])
    # Captured two days later: without the header the bare clock would be put on the capture day.
    _resolve([row], datetime(2025, 3, 10, 9, 0))
    assert row.time == datetime(2025, 3, 8, 14, 32)


def test_a_bare_clock_separator_between_header_and_message_ends_the_header() -> None:
    # On a chat screen a later ``15:46`` separator means "today": the earlier day no longer applies.
    lines = [_line("2023年12月27日", 300, 100, 150), _line("15:46", 340, 300, 70)]
    bubble = _row(360, label="15:46")
    apply_day_headers(lines, [bubble])
    assert bubble.time_text == "15:46"
    _resolve([bubble])
    assert bubble.date is None  # capture day unknown: SCHEMA keeps it unknown


def test_a_right_aligned_day_is_a_row_time_not_a_header() -> None:
    lines = [_line("昨天", 640, 181, 60), _line("14:32", 640, 420, 70)]
    rows = [_row(192, label="昨天"), _row(430)]
    apply_day_headers(lines, rows)
    assert rows[1].time_text is None  # no header on this page: nothing to extend


def test_labels_with_a_day_of_their_own_are_left_alone() -> None:
    lines = [_line("2018-3-31", 319, 135, 110)]
    rows = [_row(192, label="昨天 14:32"), _row(300, label="3月8日"), _row(400, label="5分钟前")]
    apply_day_headers(lines, rows)
    assert [m.time_text for m in rows] == ["昨天 14:32", "3月8日", "5分钟前"]


def test_a_clock_that_is_the_message_text_is_not_its_time() -> None:
    lines = [_line("2018-3-31", 319, 135, 110), _line("12:30", 120, 200, 80)]
    row = _row(192, text="12:30")
    apply_day_headers(lines, [row])
    assert row.time_text is None


def test_section_headers_of_a_call_log_date_the_clocks_under_them() -> None:
    """今天 / 昨天 / 更早 at the left margin (Google's dialer): a clock under 昨天 is yesterday's."""
    lines = [
        _line("今天", 18, 306, 64, 40),
        _line("14:27", 571, 378, 70, 32),
        _line("昨天", 16, 726, 65, 41),
        _line("23:55", 570, 797, 70, 32),
        _line("更早", 18, 1032, 62, 37),
        _line("09:10", 570, 1102, 70, 32),  # not a real dialer's; shows where 昨天's reach ends
    ]
    rows = [_row(379, label="14:27"), _row(798, label="23:55"), _row(1104, label="09:10")]
    apply_day_headers(lines, rows)
    times.apply_labels(rows, datetime(2025, 3, 25, 15, 1), newest_first=True)
    assert [m.time for m in rows] == [
        datetime(2025, 3, 25, 14, 27),
        datetime(2025, 3, 24, 23, 55),
        datetime(2025, 3, 25, 9, 10),  # a bare clock with no day header: the capture day (SCHEMA)
    ]
