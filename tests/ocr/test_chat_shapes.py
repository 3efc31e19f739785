"""Chat shapes that real screenshots showed and the corpus did not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import cv2
import pytest

from ocr.extract import extract
from ocr.model import Direction
from tests.ocr.chat_render import H, Item, W, render_chat
from tests.ocr.skins import render


def test_a_short_bubble_beside_the_avatar_column_is_a_message_not_an_avatar() -> None:
    img = render_chat("王经理", [Item("in", "今天还钱"), Item("out", "ok"), Item("out", "好")])
    x = extract(img, engine="tesseract")
    assert x.error is None
    got = [(m.direction, m.text) for m in x.messages]
    assert got == [(Direction.INCOMING, "今天还钱"), (Direction.OUTGOING, "ok"), (Direction.OUTGOING, "好")]


def test_a_picture_beside_an_avatar_is_a_message_with_no_text() -> None:
    img = render_chat("王经理", [Item("in", "看看这个"), Item("in", None), Item("out", "收到")])
    x = extract(img, engine="tesseract")
    got = [(m.direction, m.sender, m.text) for m in x.messages]
    assert got == [
        (Direction.INCOMING, "王经理", "看看这个"),
        (Direction.INCOMING, "王经理", ""),
        (Direction.OUTGOING, "me", "收到"),
    ]
    assert x.messages[1].confidence == 0.0  # nothing read: the review pane flags it


def test_the_title_is_read_through_a_translucent_bar() -> None:
    img = render_chat("王经理", [Item("in", "今天还钱"), Item("out", "好")], translucent_bar=True)
    x = extract(img, engine="tesseract")
    assert x.thread_title == "王经理"
    assert [m.sender for m in x.messages] == ["王经理", "me"]


def test_a_bubble_cut_off_by_the_input_bar_is_still_listed() -> None:
    """SCHEMA lists cut-off messages; the text running into the cut had made its outline too holey."""
    # The second bubble's top 75 px show above the bar: its text line is about two thirds visible.
    img = render_chat("王经理", [Item("out", "好"), Item("in", "今天还钱")], start_y=2400 - 150 - 75 - 180)
    x = extract(img, engine="tesseract")
    assert [m.direction for m in x.messages] == [Direction.OUTGOING, Direction.INCOMING]
    assert x.messages[1].sender == "王经理"


def test_a_document_picture_with_no_fill_is_found_by_its_lone_avatar() -> None:
    """Every chat message has an avatar; one with no bubble beside it has a picture."""
    img = render_chat("王经理", [Item("in", "看看这个"), Item("in", None, document=True), Item("out", "收到")])
    x = extract(img, engine="tesseract")
    got = [(m.direction, m.text) for m in x.messages]
    assert got == [(Direction.INCOMING, "看看这个"), (Direction.INCOMING, ""), (Direction.OUTGOING, "收到")]
    pic = x.messages[1].box
    # From the avatar's top down to the next message (the picture ends at 840,
    # the next avatar starts at 900); the stamp inside it does not cut it short.
    assert pic is not None and 150 <= pic.x <= 200 and 470 <= pic.y <= 500 and 840 <= pic.y + pic.h < 900


def test_a_crop_that_ends_inside_a_message_row_keeps_that_message() -> None:
    """No input bar: the last row is a wide bubble beside an avatar, as an input
    field beside its voice icon would be. The avatars above it say it is a row."""
    texts = ["今天必须还款", "我知道了", "否则联系你家人", "你再想想", "最后通知你一次，否则上门"]
    items = [Item("in" if k % 2 == 0 else "out", t) for k, t in enumerate(texts)]
    img = render_chat("王经理", items)
    last_top = 300 + 180 * (len(items) - 1)
    img = img[: last_top + 100].copy()  # the bubble's bottom and the input bar cut off
    x = extract(img, engine="tesseract")
    assert [m.text for m in x.messages] == texts


def test_a_crop_that_starts_at_a_title_bar_with_a_round_avatar_keeps_the_title() -> None:
    """A HarmonyOS thread cropped under the status bar: the title's band (avatar
    circle and number) starts where a status bar would, but is too tall for one."""
    img = render_chat("10690362", [Item("in", "您的账单已逾期"), Item("in", "请尽快处理")])
    img = img[110:].copy()  # status bar cut off: the title now sits at the very top
    img[0:120, 30:140] = 237  # the back arrow's place: a round avatar instead
    cv2.circle(img, (85, 58), 52, (150, 150, 150), -1)
    x = extract(img, engine="tesseract")
    assert x.thread_title == "10690362"
    assert [m.text for m in x.messages] == ["您的账单已逾期", "请尽快处理"]


@pytest.mark.parametrize(
    "tint",
    [(slice(H - 100, H), slice(W - 300, W)), (slice(H - 150, H), slice(W - 150, W))],
    ids=["bottom-corner", "whole-end"],
)
def test_an_input_bar_with_a_tinted_end_is_still_the_bar(tint: tuple[slice, slice]) -> None:
    """iOS tints part of the input bar with the wallpaper, close to the page's
    colour: the bar's rows are no longer full (or the bar is found narrower),
    yet it reaches a screen edge. A bubble running under it is cut at the bar,
    not dropped from its top."""
    texts = ["今天还钱", "好", "否则联系你家人"]
    items = [Item("in", texts[0]), Item("out", texts[1]), Item("in", texts[2])]
    # The third bubble's text line sits just above the bar; its bottom runs under it.
    img = render_chat("王经理", items, start_y=H - 150 - 100 - 2 * 180)
    img[tint] = (240, 239, 238)  # the tint, 2-3 levels off the page (BGR)
    x = extract(img, engine="tesseract")
    assert [m.text for m in x.messages] == texts


@pytest.mark.parametrize("engine", ["tesseract", "rapidocr"])
def test_a_line_of_a_bubble_cut_by_the_title_bar_stays_with_its_bubble(engine: str, tmp_path: Path) -> None:
    """Seed 1500006 (WeChat iOS, translucent bar): the top bubble's first legible line
    (陈，关于你的欠款，请回电+86) straddles the bar's bottom. Its centre lies just above the
    bubble's found top, so it was read as a title candidate or a loose line and lost."""
    screen = render(1500006, "chat_thread")
    x = extract(screen.save(tmp_path), engine=engine)
    first = x.messages[0]
    assert "关于你的欠款" in first.text and first.text.replace(" ", "").endswith("80147330。")
    assert x.thread_title == screen.gold["thread_title"]


@pytest.mark.parametrize("engine", ["tesseract", "rapidocr"])
def test_a_time_pill_whose_day_was_misread_is_a_separator_not_a_message(engine: str) -> None:
    """星期二 read as 期二 (Tesseract, WenQuanYi at 828 px): the pill stopped being a time and
    became an incoming message. A narrow centred pill with a clock reaches neither side."""
    items = [Item("in", "今天能还上吗"), Item("pill", "期二 下午8:50"), Item("out", "再宽限几天"), Item("in", "不行")]
    x = extract(render_chat("催收组小刘", items), engine=engine)
    assert [m.text.replace(" ", "") for m in x.messages] == ["今天能还上吗", "再宽限几天", "不行"]


@pytest.mark.parametrize("engine", ["tesseract", "rapidocr"])
def test_the_clock_of_a_bubble_above_the_screen_dates_nothing(engine: str, tmp_path: Path) -> None:
    """Seed 2300012 (EMUI, clocks under bubbles): the top line is 7:43 PM, the clock of a bubble
    scrolled away, at the left edge. Taken for a separator it put the four bubbles under it on
    the capture day; their day is not on screen (SCHEMA), so they have none, while the bubble
    under the centred "Today" has today."""
    screen = render(2300012, "sms_thread")
    x = extract(screen.save(tmp_path), engine=engine)
    assert [m.day for m in x.messages] == [
        date.fromisoformat(m["date"]) if m["date"] else None for m in screen.gold["messages"]
    ]
    assert x.messages[0].time is None and x.messages[0].time_text and "7:50" in x.messages[0].time_text
