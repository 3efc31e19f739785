"""Chat shapes that real screenshots showed and the corpus did not."""

from __future__ import annotations

from ocr.extract import extract
from ocr.model import Direction
from tests.ocr.chat_render import Item, render_chat


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
