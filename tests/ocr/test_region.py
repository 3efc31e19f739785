"""A box drawn over a missed message is read as one unit of the screenshot's layout (real Tesseract).

The screens are drawn by the test (tests/ocr/chat_render.py, tests/ocr/inbox_render.py), so every
expected sender, time and text is what was drawn, not what the code produced once.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.extract import extract
from ocr.model import ME, Box, Direction, Kind, Layout, TimeSource
from ocr.recognition import Line
from ocr.region import read_region, split_rows
from tests.images import read_bgr
from tests.ocr.chat_render import FONT, Item, render_chat
from tests.ocr.inbox_render import ListRow, render_sms_list, row_box
from tests.ocr.list_cases import load_gold, similarity

CAPTURED = datetime(2025, 3, 10, 12, 8)
TITLE = "催收王经理"


def _chat_with_separator() -> np.ndarray:
    """Two bubbles (in, out) from y=300, then a time separator and a third (incoming) bubble."""
    img = render_chat(TITLE, [Item("in", "你今天必须还钱"), Item("out", "我下周一定还")])
    pil = Image.fromarray(img[:, :, ::-1].copy())
    d = ImageDraw.Draw(pil)
    font = ImageFont.truetype(str(FONT), 36)
    label = "下午3:05"
    tw = d.textlength(label, font=font)
    d.text(((1080 - tw) / 2, 660), label, font=font, fill=(150, 150, 150))
    d.rectangle((30, 740, 140, 850), fill=(90, 110, 160))  # the avatar
    d.rounded_rectangle((164, 740, 164 + 64 + 48 * 8, 860), 12, fill=(255, 255, 255))
    d.text((196, 770), "不还就找你家里人", font=ImageFont.truetype(str(FONT), 48), fill=(0, 0, 0))
    return np.asarray(pil)[:, :, ::-1].copy()


def test_incoming_bubble_with_the_separator_above_it() -> None:
    img = _chat_with_separator()
    got = read_region(img, Box(150, 640, 620, 240), Layout.CHAT_THREAD, CAPTURED, TITLE, "tesseract")
    assert len(got) == 1
    m = got[0]
    assert m.kind is Kind.CHAT and m.direction is Direction.INCOMING
    assert m.sender == TITLE
    assert m.time == datetime(2025, 3, 10, 15, 5) and m.time_source is TimeSource.SEPARATOR
    assert m.date == date(2025, 3, 10)
    assert similarity(m.text, "不还就找你家里人") >= 0.85, m.text
    assert m.box is not None and m.box.y >= 640 and m.box.y + m.box.h <= 880  # the text, inside the drawn box


def test_right_side_bubble_is_mine_and_has_no_time_without_one_in_the_box() -> None:
    img = _chat_with_separator()
    got = read_region(img, Box(560, 470, 500, 150), Layout.SMS_THREAD, CAPTURED, "10690000", "tesseract")
    assert len(got) == 1
    m = got[0]
    assert (m.kind, m.direction, m.sender, m.time) == (Kind.SMS, Direction.OUTGOING, ME, None)
    assert similarity(m.text, "我下周一定还") >= 0.8, m.text


def test_a_box_over_two_list_rows_gives_two_messages() -> None:
    rows = [
        ListRow("10690123456", "10:05", "您的借款已逾期3天，请立即还款"),
        ListRow("王经理", "昨天", "明天上午再不还款就上门"),
        ListRow("95188", "3月8日", "验证码123456"),
    ]
    img = render_sms_list(rows)
    got = read_region(img, Box(*row_box(0, 2)), Layout.SMS_INBOX, CAPTURED, None, "tesseract")
    assert [m.sender for m in got] == ["10690123456", "王经理"]
    assert all(m.kind is Kind.SMS and m.direction is Direction.INCOMING for m in got)
    assert got[0].time == datetime(2025, 3, 10, 10, 5) and got[0].time_source is TimeSource.ROW
    assert got[1].time is None and got[1].date == date(2025, 3, 9)  # a list row showing only a day
    for m, row in zip(got, rows, strict=False):
        assert similarity(m.text, row.snippet) >= 0.85, (m.text, row.snippet)
    one = read_region(img, Box(*row_box(2)), Layout.SMS_INBOX, CAPTURED, None, "tesseract")
    assert [(m.sender, m.date) for m in one] == [("95188", date(2025, 3, 8))]


def test_an_empty_box_reads_nothing() -> None:
    img = render_sms_list([ListRow("95188", "10:05", "验证码")])
    assert read_region(img, Box(200, 1500, 600, 300), Layout.SMS_INBOX, CAPTURED, None, "tesseract") == []
    assert read_region(img, Box(5000, 5000, 100, 100), Layout.SMS_INBOX, CAPTURED, None, "tesseract") == []


def test_rows_split_at_gaps_wider_than_a_line() -> None:
    def line(y: int, h: int = 40) -> Line:
        return Line("字", 0.9, Box(100, y, 300, h))

    # name + snippet (gap 30 < a line height), then a row gap of 80: two rows of two lines
    rows = split_rows([line(0), line(70), line(190), line(260)])
    assert [len(r) for r in rows] == [2, 2]
    assert len(split_rows([line(0), line(60)])) == 1


@pytest.mark.parametrize(
    "name",
    [
        "IMG_5043.jpg",  # iOS call log: the time centred between the name and the place, an info icon
        "Screenshot_20241221_175305_com.tencent.mm.png",  # WeChat: long outgoing bubbles spanning the screen
        "Screenshot_2024-11-02-20-00-16-450_com.android.mms.jpg",  # Android SMS list, JPEG
    ],
)
def test_boxes_drawn_around_real_messages_read_as_labelled(data_dir: Path, name: str) -> None:
    """A loose box around each message the page parser found reads what the label gives: around a
    bubble 2 % of the width of air, over a list row the whole width, as people draw them."""
    path = data_dir / "ocr" / name
    gold = load_gold(path)["messages"]
    ex = extract(path, engine="tesseract")
    assert len(ex.messages) == len(gold)  # zipped in on-screen order below
    image = read_bgr(path)
    pad = int(0.02 * image.shape[1])
    senders = texts = 0
    for m, g in zip(ex.messages, gold, strict=True):
        assert m.box is not None
        box = Box(m.box.x - pad, m.box.y - pad, m.box.w + 2 * pad, m.box.h + 2 * pad)
        if ex.layout in (Layout.SMS_INBOX, Layout.CALL_LOG):
            box = Box(0, box.y, image.shape[1], box.h)
        got = read_region(image, box, ex.layout, ex.captured_at, ex.thread_title, "tesseract")
        assert len(got) == 1, (g, got)
        senders += got[0].sender == g["sender"]
        texts += similarity(got[0].text, g["text"]) >= 0.8
        assert got[0].direction.value == g["direction"], (got[0], g)
    assert senders >= len(gold) - 1, senders
    assert texts >= len(gold) - 1, texts
