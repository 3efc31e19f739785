"""A row's labels (place, carrier, the phone's mark, HD, SIM): their own field, never sender or text, never lost."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from ocr import ledger
from ocr.engines.tesseract import TesseractEngine
from ocr.extract import extract
from ocr.layouts.call_labels import SecondLine, beside_name, is_labels, label_of, read_second_line
from ocr.layouts.list_rows import Segment
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout
from ocr.page import analyse
from tests.ocr.list_render import ListRow, render_list

CAPTURE = "Screenshot_20240710-120800.png"
ROWS = [
    ListRow("138 0013 8000", "21:05", "内蒙古呼和浩特联通", arrow="in", right="1分23秒"),
    # The mark on the first line and the number under it (MIUI for an unknown caller).
    ListRow("骚扰电话", "20:40", "0571 8888 1234 浙江杭州", arrow="missed"),
    # A badge beside the name, after a wide blank.
    ListRow("王芳        HD", "18:02", "广东深圳 移动", arrow="out", right="45秒"),
    ListRow("186 1245 0874", "17:30", "被128人标记为骚扰电话", arrow="missed"),
    ListRow("021 5555 0000", "16:00", "快递送餐", arrow="in", right="12秒"),
]
EXPECTED = [
    ("13800138000", ("内蒙古呼和浩特联通",)),
    ("057188881234", ("骚扰电话", "浙江杭州")),
    ("王芳", ("HD", "广东深圳移动")),
    ("18612450874", ("被128人标记为骚扰电话",)),
    ("02155550000", ("快递送餐",)),
]
_WORD_CHAR = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")


def _compact(text: str) -> str:
    return "".join(text.split())


def test_labels_survive_the_json_round_trip_and_are_written_only_when_present() -> None:
    marked = ExtractedMessage(Kind.CALL, Direction.MISSED, "13800138000", datetime(2024, 7, 9, 20, 40), "",
                              labels=("骚扰电话", "浙江杭州 移动"))
    plain = ExtractedMessage(Kind.CALL, Direction.INCOMING, "10086", None, "45秒")
    ex = Extraction(image="x.png", layout=Layout.CALL_LOG, captured_at=None, messages=[marked, plain])
    doc = json.loads(json.dumps(ex.to_json(), ensure_ascii=False))
    assert doc["messages"][0]["labels"] == ["骚扰电话", "浙江杭州 移动"]
    assert "labels" not in doc["messages"][1]  # older JSON and the scorer see no new key
    back = Extraction.from_json(doc)
    assert back.messages[0].labels == ("骚扰电话", "浙江杭州 移动")
    assert back.messages[1].labels == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [("人内蒙古呼和浩特联通", "内蒙古呼和浩特联通"), ("/广东深圳移动", "广东深圳移动"), ("人性HD卡1", "HD卡1"),
     # what Tesseract made of the arrows on the dev corpus's call logs
     ("Z四川成都联通", "四川成都联通"), ("九重庆", "重庆"), ("愉上海电信 被128人标记为催收", "上海电信 被128人标记为催收"),
     ("7 199 1392 2932", "7 199 1392 2932"),
     # labels as they are: nothing taken off
     ("疑似诈骗", "疑似诈骗"), ("未接来电", "未接来电"), ("中国移动", "中国移动"), ("江西南昌", "江西南昌"),
     ("HD卡1", "HD卡1"), ("138 0013 8000", "138 0013 8000"), ("张伟的手机", "张伟的手机")],
)
def test_a_second_line_label_loses_the_arrow_read_with_it_and_nothing_else(text: str, label: str) -> None:
    assert label_of(text) == (label,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dialer prints the day before the clock: the day is the call's, not a label.
        ("Incoming 4m 1s Thursday 00:34", SecondLine("Incoming", "4m 1s", 241, "Thursday 00:34")),
        ("13s Wednesday 23:34", SecondLine("", "13s", 13, "Wednesday 23:34")),
        ("Incoming 4m ls", SecondLine("Incoming", "4m 1s", 241, None)),  # Tesseract's 1
        # The duration right-aligned after the time.
        ("106983578378 34 min. ago 41s", SecondLine("106983578378", "41s", 41, "34 min. ago")),
        ("广东深圳移动 Yesterday 48s", SecondLine("广东深圳移动", "48s", 48, "Yesterday")),
        ("010 44051341 Wednesday 23:27", SecondLine("010 44051341", "", None, "Wednesday 23:27")),
        # A duration read glued to the place before it is still the duration.
        ("四川成都电信22s Nov 24", SecondLine("四川成都电信", "22s", 22, "Nov 24")),
        ("广东深圳移动 1分23秒 昨天 21:05", SecondLine("广东深圳移动", "1分23秒", 83, "昨天 21:05")),
        # Letters before the digits make a word, not a duration.
        ("Bus12s", SecondLine("Bus12s", "", None, None)),
    ],
)
def test_a_second_line_gives_its_day_with_the_clock_and_its_duration(text: str, expected: SecondLine) -> None:
    assert read_second_line(text, want_time=True) == expected


def test_an_empty_second_line_gives_no_label() -> None:
    assert label_of(" · ") == ()
    assert is_labels("HD 卡1") and is_labels("骚扰电话 | 浙江杭州") and not is_labels("张伟")


def test_a_label_beside_the_name_is_a_label_and_the_first_piece_stays_the_name() -> None:
    name = Segment(100, 10, 180, 50, "王芳", 0.9, True)
    badge = Segment(260, 12, 300, 48, "HD", 0.9, True)
    clock = Segment(900, 12, 1000, 48, "18:02", 0.9, True)
    names, labels = beside_name([name, badge, clock], [name, badge], [clock])
    assert names == [name] and labels == ("HD",)
    carrier = Segment(100, 10, 260, 50, "中国移动", 0.9, True)  # a party whose name reads as a label
    names, labels = beside_name([carrier, clock], [carrier], [clock])
    assert names == [carrier] and labels == ()


@pytest.fixture(scope="module")
def rendered() -> tuple[object, Extraction]:
    img = render_list("通话记录", ROWS)
    return img, extract(img, name=CAPTURE, engine="tesseract", layout=Layout.CALL_LOG)


def test_call_rows_carry_their_place_carrier_and_mark_as_labels(rendered: tuple[object, Extraction]) -> None:
    _, x = rendered
    got = [(m.sender, tuple(_compact(lab) for lab in m.labels)) for m in x.messages]
    assert len(got) == len(EXPECTED), got
    # Tesseract may slip on one row; the labels are never in sender or text.
    assert sum(g == e for g, e in zip(got, EXPECTED, strict=True)) >= len(EXPECTED) - 1, got
    for m in x.messages:
        for word in ("联通", "骚扰", "移动", "HD", "快递", "浙江"):
            assert word not in (m.sender or "") + m.text, got
    assert x.messages[1].labels[0] == "骚扰电话"  # the first line's mark, the number under it the party
    assert x.to_json()["messages"][1]["labels"][0] == "骚扰电话"


@pytest.mark.parametrize("swiped", [None, 2])
def test_every_line_read_outside_chrome_is_in_a_field_or_unassigned(
    rendered: tuple[object, Extraction], swiped: int | None
) -> None:
    """Nothing read is lost: the page's own OCR lines are covered by sender, time, text, labels or
    unassigned; also with a row swiped sideways (its name cut off, its badge left as the first piece)."""
    img, x = rendered
    if swiped is not None:
        img = render_list("通话记录", ROWS, swiped=swiped)
        x = extract(img, name=CAPTURE, engine="tesseract", layout=Layout.CALL_LOG)
    held = "".join(
        _compact((m.sender or "") + (m.time_text or "") + m.text + "".join(m.labels)) for m in x.messages
    ) + "".join(_compact(u.text) for u in x.unassigned)
    page = analyse(img)  # type: ignore[arg-type]
    lines = [ln for ln in TesseractEngine().recognize(img) if not ledger.is_chrome(ln.box, page)]  # type: ignore[arg-type]
    assert len(lines) >= len(ROWS)
    for ln in lines:
        chars = _WORD_CHAR.findall(ln.text)
        missing = [c for c in chars if c not in held]
        # a glyph or two is the arrow or the avatar read as a character (人, L)
        assert len(missing) <= max(2, len(chars) // 5), (ln.text, missing, held)


def test_an_sms_list_badge_beside_the_name_is_a_label_not_the_sender() -> None:
    rows = [
        ListRow("95588        卡1", "14:32", "您尾号0874的账户于07月10日支出"),
        ListRow("10086", "昨天", "尊敬的客户，您本月话费账单已出"),
    ]
    x = extract(render_list("信息", rows), name=CAPTURE, engine="tesseract", layout=Layout.SMS_INBOX)
    got = [(m.sender, m.labels) for m in x.messages]
    assert got[:2] == [("95588", ("卡1",)), ("10086", ())], got
