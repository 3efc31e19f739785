"""The ledger keeps every line no message took: time-only lines included, unless a message used them."""

from __future__ import annotations

from ocr import ledger
from ocr.model import Box, Direction, ExtractedMessage, Kind
from ocr.page import Page
from ocr.recognition import Line
from ocr.times import make_label

W, H = 1080, 2000


def _page() -> Page:
    return Page(width=W, height=H, bg=(255, 255, 255), dark=False, status_bottom=80, header_bottom=200, footer_top=1900)


def _msg(y: int, time_text: str | None) -> ExtractedMessage:
    return ExtractedMessage(Kind.SMS, Direction.INCOMING, "95188", None, "还款提醒", box=Box(40, y, 1000, 120),
                            time_text=time_text)


def test_time_line_used_as_a_label_is_consumed() -> None:
    # a thread's separator far from the bubble it dates (outside the box margin)
    sep = Line("昨天 14:32", 0.9, Box(450, 400, 180, 36))
    msgs = [_msg(900, make_label("昨天14:32", "14:35"))]
    assert ledger.unassigned([sep], _page(), msgs) == []


def test_time_line_no_message_used_is_kept() -> None:
    stray = Line("周六", 0.9, Box(900, 600, 80, 36))
    other = Line("更早", 0.9, Box(40, 700, 80, 36))
    msgs = [_msg(900, "11:10")]
    out = ledger.unassigned([stray, other], _page(), msgs)
    assert [u.text for u in out] == ["周六", "更早"]


def test_time_used_by_a_message_matches_across_blanks_and_widths() -> None:
    line = Line("14：32", 0.9, Box(900, 500, 80, 36))
    msgs = [_msg(1200, "14:32")]
    assert ledger.unassigned([line], _page(), msgs) == []


def test_chrome_is_not_unassigned() -> None:
    title = Line("信息", 0.9, Box(500, 120, 80, 36))
    assert ledger.unassigned([title], _page(), []) == []


def test_text_inside_a_picture_is_kept_but_its_senders_name_is_taken() -> None:
    """A bubble whose fill was not found (merged with a translucent bar) is read
    as a picture beside its avatar: the line inside it is no message's text."""
    pic = ExtractedMessage(Kind.CHAT, Direction.INCOMING, "张三", None, "", box=Box(180, 272, 409, 143))
    inside = Line("嗯嗯放一下吧", 0.92, Box(225, 282, 333, 61))
    name = Line("张三", 0.95, Box(190, 240, 90, 30))
    out = ledger.unassigned([inside, name], _page(), [pic])
    assert [u.text for u in out] == ["嗯嗯放一下吧"]


def test_a_calls_box_takes_its_lines_though_its_text_is_empty() -> None:
    call = ExtractedMessage(Kind.CALL, Direction.INCOMING, "95188", None, "", box=Box(40, 600, 1000, 140))
    line = Line("北京 联通", 0.9, Box(200, 680, 200, 36))
    assert ledger.unassigned([line], _page(), [call]) == []
