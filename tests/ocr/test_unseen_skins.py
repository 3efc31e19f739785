"""Shapes of phones the parsers were not fitted to, drawn here, read with real Tesseract.

Each case is a kind of screen that real users' phones showed and that the
code once got wrong: a list with one row swiped sideways, a call log drawn
as cards under an English title, rows whose first line is a mark on the
number instead of the number, a 360-px-wide forwarded screen, and a page no
parser can make sense of (nothing read may be lost).
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.extract import extract
from ocr.model import Direction, Layout
from tests.ocr.chat_render import FONT
from tests.ocr.list_cases import similarity
from tests.ocr.list_render import ListRow, render_list

SNIPPETS = [
    ListRow("138 0013 8000", "10:21", "【鑫盛易贷】您的借款已逾期3天，请立即还款"),
    ListRow("妈妈", "昨天", "钱的事别太担心，先照顾好自己。"),
    ListRow("106905551234", "星期二", "您尾号9581的银行卡扣款失败"),
    ListRow("王经理", "3月8日", "今天下午必须处理，否则联系你家人"),
    ListRow("95588", "3月7日", "您的账户支出人民币500.00元"),
    ListRow("李律师", "3月6日", "关于您的欠款，我方将依法起诉"),
    ListRow("老婆", "3月5日", "晚上回家吃饭吗"),
    ListRow("10086", "3月4日", "您本月话费账单已出"),
]

CALLS = [
    ListRow("138 0013 8000", "10:21", "内蒙古呼和浩特联通", arrow="missed"),
    ListRow("0471 6543210", "10:02", "骚扰电话", arrow="in", right="1分23秒"),
    ListRow("185 9485 3105", "昨天", "浙江杭州移动", arrow="out", right="43秒"),
    ListRow("139 1234 5678", "星期二", "广东深圳电信", arrow="in", right="12秒"),
    ListRow("021 5555 0000", "3月8日", "响一声", arrow="missed"),
]


def _number(s: str) -> str:
    return s.replace(" ", "")


def _matched(texts: list[str], expected: list[str]) -> int:
    return sum(1 for e in expected if any(similarity(t, e) >= 0.8 for t in texts))


def test_an_sms_list_with_a_row_swiped_sideways_is_read_as_a_list() -> None:
    """The swiped row is a filled block at the screen's edge: list evidence, not a bubble."""
    x = extract(render_list("信息", SNIPPETS, swiped=2), name="list.png", engine="tesseract")
    assert x.layout is Layout.SMS_INBOX, x.layout_scores
    assert set(x.layout_scores) == {str(lay) for lay in Layout}
    assert max(x.layout_scores, key=lambda k: x.layout_scores[k]) == "sms_inbox"
    texts = [m.text for m in x.messages]
    # Every row but the swiped one (its start slid off the screen) is read whole.
    expected = [r.second for k, r in enumerate(SNIPPETS) if k != 2]
    assert _matched(texts, expected) >= len(expected) - 1, texts


def test_a_call_log_of_cards_under_an_english_title() -> None:
    x = extract(render_list("History", CALLS, cards=True, tabs=("Keypad", "Recents", "Contacts")),
                name="calls.png", engine="tesseract")
    assert x.layout is Layout.CALL_LOG, x.layout_scores
    senders = [m.sender or "" for m in x.messages]
    assert len(x.messages) == len(CALLS)
    # Tesseract slips on a digit now and then; a label is never the sender.
    assert sum(s == _number(r.name) for s, r in zip(senders, CALLS, strict=True)) >= len(CALLS) - 2, senders
    assert all(s[:3].isdigit() for s in senders), senders
    assert [m.direction for m in x.messages][:3] == [Direction.MISSED, Direction.INCOMING, Direction.OUTGOING]


def test_second_labels_are_never_the_sender() -> None:
    """A place, a carrier or a mark under or instead of the name is a label of the number."""
    rows = [
        ListRow("骚扰电话", "10:21", "0471 6543210 内蒙古呼和浩特", arrow="missed"),
        ListRow("139 1234 5678", "10:02", "内蒙古呼和浩特联通", arrow="in", right="1分23秒"),
        ListRow("响一声", "昨天", "021 5555 0000 上海", arrow="missed"),
        ListRow("185 9485 3105", "星期二", "浙江杭州移动", arrow="out", right="43秒"),
    ]
    x = extract(render_list("通话记录", rows), name="calls.png", engine="tesseract")
    assert x.layout is Layout.CALL_LOG, x.layout_scores
    assert [m.sender for m in x.messages] == ["04716543210", "13912345678", "02155550000", "18594853105"]


def test_a_360_px_wide_forwarded_call_log() -> None:
    """Forwarded screens are downscaled and recompressed: CJK glyphs about 12 px high."""
    img = render_list("通话记录", CALLS, width=360)
    ok, jpeg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 75])
    assert ok
    x = extract(jpeg.tobytes(), name="small.jpg", engine="tesseract")
    assert x.layout is Layout.CALL_LOG, x.layout_scores
    senders = [m.sender for m in x.messages]
    assert sum(s == _number(r.name) for s, r in zip(senders, CALLS, strict=False)) >= len(CALLS) - 2, senders


def _text_page() -> np.ndarray:
    """A page of prose on the background: no bubbles, no rows, no title bar."""
    img = Image.new("RGB", (1080, 1600), (255, 255, 255))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 44)
    lines = ["尊敬的用户您好", "您在本平台的借款已严重逾期", "我方已将材料提交法务部门", "请于今日十八点前联系处理"]
    for k, t in enumerate(lines):
        d.text((80, 300 + k * 260), t, font=font, fill=(0, 0, 0))
    return np.asarray(img)[:, :, ::-1].copy()


def test_a_page_of_text_never_comes_back_empty() -> None:
    """Whatever the layout guess, every line read is in a message or in ``unassigned``."""
    x = extract(_text_page(), name="note.png", engine="tesseract")
    assert x.error is None
    held = [m.text for m in x.messages] + [m.sender or "" for m in x.messages] + [u.text for u in x.unassigned]
    for line in ["您在本平台的借款已严重逾期", "我方已将材料提交法务部门", "请于今日十八点前联系处理"]:
        assert any(similarity(h, line) >= 0.7 or line in h for h in held), (line, held)
    for u in x.unassigned:
        assert u.box.w > 0 and 0.0 <= u.confidence <= 1.0


def test_a_forced_layout_is_kept_and_the_scores_still_given() -> None:
    x = extract(render_list("信息", SNIPPETS[:4]), name="list.png", engine="tesseract", layout=Layout.CALL_LOG)
    assert x.layout is Layout.CALL_LOG
    assert x.layout_scores["sms_inbox"] > x.layout_scores["call_log"]
    assert x.messages and all(m.kind.value == "call" for m in x.messages)


def test_a_line_no_message_takes_is_kept_as_unassigned() -> None:
    """A notice drawn on the background of a chat (not a time, not a bubble) is neither
    lost nor made into a message: it is offered to the user as an unassigned line."""
    from tests.ocr.chat_render import Item, render_chat

    img = render_chat("催收-王经理", [Item("in", "你的借款已逾期"), Item("out", "我会尽快处理")])
    pil = Image.fromarray(img[:, :, ::-1].copy())
    d = ImageDraw.Draw(pil)
    d.text((300, 900), "对方已开启好友验证", font=ImageFont.truetype(str(FONT), 36), fill=(150, 150, 150))
    x = extract(np.asarray(pil)[:, :, ::-1].copy(), name="chat.png", engine="tesseract")
    assert x.layout is Layout.CHAT_THREAD, x.layout_scores
    assert [m.direction for m in x.messages] == [Direction.INCOMING, Direction.OUTGOING]
    assert any(similarity(u.text, "对方已开启好友验证") >= 0.7 for u in x.unassigned), x.unassigned
