"""Messages cut by the title bar: where the bar ends, and what the cut keeps.

Found on the dev skins drawn in another font with another phrase bank
(``scripts/proxy_heldout_bank.py``): an iOS thread whose top bubble runs under
the bar lost that message and had its first line for a sender, and group
chats lost the name of the member whose name the bar cut in half.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.extract import extract
from ocr.page import analyse
from tests.ocr.chat_render import FONT, Item, render_chat

IOS_W, IOS_H = 1170, 2532
IOS_PAGE = (254, 254, 254)
IOS_BAR = (246, 246, 246)  # the bar's own grey, 8 levels off the page
IOS_GREY = (233, 233, 235)  # an incoming bubble: 13 levels off the bar, inside a gradient's tolerance
IOS_BAR_BOTTOM = 400
NUMBER = "1069474909885"
# Long enough for a bubble 0.75 of the width wide: the bubble is most of a row, as SMS from a gateway are.
IOS_TEXTS = [
    "【蓝鲸快贷】您的账单已逾期十五天，请尽快登录应用还款以免影响征信。",
    "【蓝鲸快贷】本期应还2438元，最后还款日为本月十八日，请按时还款。",
    "【蓝鲸快贷】逾期将通知您预留的全部紧急联系人，请您务必今日处理。",
]


def _ios_thread_cut_by_the_bar() -> np.ndarray:
    """An iOS Messages thread: grey bar with avatar and number over a bubble cut at its first line."""
    img = Image.new("RGB", (IOS_W, IOS_H), IOS_PAGE)
    d = ImageDraw.Draw(img)
    body = ImageFont.truetype(str(FONT), 50)
    small = ImageFont.truetype(str(FONT), 34)
    y = IOS_BAR_BOTTOM - 70  # the first bubble's first line lies under the bar
    for text in IOS_TEXTS:
        half = len(text) // 2
        lines = [text[:half], text[half:]]
        bw = int(max(d.textlength(t, font=body) for t in lines)) + 80
        d.rounded_rectangle((40, y, 40 + bw, y + 220), 40, fill=IOS_GREY)
        for k, t in enumerate(lines):
            d.text((80, y + 40 + 80 * k), t, font=body, fill=(0, 0, 0))
        y += 280
    d.rectangle((0, 0, IOS_W, IOS_BAR_BOTTOM), fill=IOS_BAR)
    d.text((80, 30), "16:28", font=body, fill=(0, 0, 0))
    d.ellipse((IOS_W // 2 - 75, 140, IOS_W // 2 + 75, 290), fill=(160, 164, 172))
    tw = d.textlength(NUMBER, font=small)
    d.text(((IOS_W - tw) / 2, 320), NUMBER, font=small, fill=(0, 0, 0))
    d.line((0, IOS_BAR_BOTTOM, IOS_W, IOS_BAR_BOTTOM), fill=(220, 220, 220), width=1)
    return np.asarray(img)[:, :, ::-1].copy()


def test_a_bar_of_its_own_colour_ends_where_a_bubble_under_it_starts() -> None:
    """The bar and the bubble are both grey, within a gradient's tolerance of each other:
    the bar is one colour, the bubble a step away from it, so the bar ends at the step."""
    page = analyse(_ios_thread_cut_by_the_bar())
    assert abs(page.header_bottom - IOS_BAR_BOTTOM) <= 6


@pytest.mark.parametrize("engine", ["rapidocr", "tesseract"])
def test_a_bubble_cut_by_a_coloured_bar_is_a_message_and_the_title_stays_the_number(engine: str) -> None:
    x = extract(_ios_thread_cut_by_the_bar(), engine=engine)
    assert x.thread_title == NUMBER
    assert len(x.messages) == 3
    assert {m.sender for m in x.messages} == {NUMBER}
    # The first bubble's second line is below the cut and is its message's text.
    assert IOS_TEXTS[0][len(IOS_TEXTS[0]) // 2 :][:6] in x.messages[0].text.replace(" ", "")


GROUP = "彭俊杰欠债通知群(23)"
LEAD = "回款中心郭主管"
GROUP_ITEMS = [
    Item("in", "这是他的身份证照片", name=LEAD),
    Item("in", "麻烦把我踢出去", name="许丽"),
    Item("in", "二维码发你了", name=LEAD),
    Item("out", "不认识，别再发了"),
]
# The first name's glyphs (36 px from about 8 px under where they are drawn)
# lose their top third to the bar's bottom (250), as on the screens that showed it.
NAME_CUT_START = 230


def _group_with_a_name_cut_by_the_bar(items: list[Item] = GROUP_ITEMS) -> np.ndarray:
    return render_chat(GROUP, items, start_y=NAME_CUT_START, opaque_bar=True)


def test_an_opaque_bar_ends_where_an_avatar_it_cut_appears() -> None:
    """A bar of the page's own colour hides what is under it: the avatar showing from 250 on
    means the bar ends there, though mirrored about the title it would reach lower."""
    page = analyse(_group_with_a_name_cut_by_the_bar())
    assert 240 <= page.header_bottom <= 252


def test_a_member_name_cut_by_the_bar_is_the_name_read_whole_beside_the_same_avatar() -> None:
    x = extract(_group_with_a_name_cut_by_the_bar(), engine="rapidocr")
    assert [m.text.replace(" ", "") for m in x.messages] == [i.text for i in GROUP_ITEMS]
    assert [m.sender for m in x.messages[:3]] == [LEAD, "许丽", LEAD]


def test_a_cut_name_beside_another_avatar_is_not_taken_for_a_like_name() -> None:
    """张经理 and 李经理 share two glyphs of three: only the avatar tells them apart."""
    items = [Item("in", "今天必须还款", name="李经理"), Item("in", "回电话", name="张经理"), Item("out", "不认识")]
    x = extract(_group_with_a_name_cut_by_the_bar(items), engine="rapidocr")
    assert [m.text for m in x.messages] == [i.text for i in items]
    assert x.messages[0].sender != "张经理"
    assert x.messages[1].sender == "张经理"


def test_a_name_cut_by_the_bar_is_never_read_into_the_bubble_under_it() -> None:
    x = extract(_group_with_a_name_cut_by_the_bar(), engine="tesseract")
    assert x.messages[0].text.replace(" ", "") == GROUP_ITEMS[0].text
    assert [m.sender for m in x.messages[1:3]] == ["许丽", LEAD]
