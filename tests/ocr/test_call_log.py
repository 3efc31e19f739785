"""The call-log parser on corpus screenshots, with real Tesseract.

Directions come from colour and icons, not from OCR, so they must be exact;
senders and times are read, so one slip is tolerated.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from ocr.extract import extract
from ocr.layouts.call_labels import is_label, line_text, read_second_line
from ocr.layouts.call_log import _DURATION, PARSER
from ocr.layouts.list_rows import Segment, analyse
from ocr.model import ME, Direction, Kind, Layout
from tests.images import read_bgr
from tests.ocr.list_cases import load_gold, run_parser
from tests.ocr.list_render import ListRow, render_list
from tests.ocr.skins import render

CASES = [
    "Screenshot_2025-06-22-15-36-28-034_com.android.contacts.png",  # Android, dark, coloured arrows, tags
    "IMG_5043.jpg",  # iOS, light, JPEG, capture time from EXIF, handset icon for outgoing
]


@pytest.mark.parametrize("name", CASES)
def test_rows_found_from_pixels(data_dir: Path, name: str) -> None:
    path = data_dir / "ocr" / name
    page = analyse(read_bgr(path))
    assert len(page.rows) == len(load_gold(path)["messages"])


@pytest.mark.parametrize("name", CASES)
def test_call_log_on_corpus_images(data_dir: Path, name: str) -> None:
    path = data_dir / "ocr" / name
    gold = load_gold(path)["messages"]
    _, result = run_parser(PARSER, path)
    assert PARSER.layout is Layout.CALL_LOG
    assert result.thread_title is None
    msgs = result.messages
    assert len(msgs) == len(gold)
    assert [str(m.direction) for m in msgs] == [g["direction"] for g in gold]
    senders_ok = times_ok = 0
    for m, g in zip(msgs, gold, strict=True):
        assert m.kind is Kind.CALL
        assert m.sender != ME  # calls name the other party in every direction
        assert m.box is not None and m.confidence > 0
        senders_ok += m.sender == g["sender"]
        times_ok += m.time == (datetime.fromisoformat(g["time"]) if g["time"] else None)
        assert m.text == g["text"]
        assert m.duration_s == g.get("duration_s")
    assert senders_ok >= len(gold) - 1
    assert times_ok >= len(gold) - 1


def test_outgoing_rows_keep_the_party_as_sender(data_dir: Path) -> None:
    _, result = run_parser(PARSER, data_dir / "ocr" / "IMG_5043.jpg")
    outgoing = [m for m in result.messages if m.direction is Direction.OUTGOING]
    assert outgoing
    assert {m.sender for m in outgoing} <= {"17686001095", "13044201088"}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("35秒", 35), ("3分23秒", 203), ("1小时2分3秒", 3723), ("8分钟5秒", 485), ("21%)", 21), ("12#)", 12)],
)
def test_duration_forms(text: str, seconds: int) -> None:
    m = _DURATION.search(text)
    assert m is not None
    h, mi, sec = (int(g) if g else 0 for g in m.groups())
    assert h * 3600 + mi * 60 + sec == seconds


@pytest.mark.parametrize("text", ["联通", "被128人标记为催收", "广东深圳", "2025"])
def test_not_durations(text: str) -> None:
    assert _DURATION.search(text) is None


# --- the secondary line: labels, durations, times (call_labels) ----------------------


@pytest.mark.parametrize(
    ("text", "want_time", "label", "duration", "seconds", "time"),
    [
        ("内蒙古呼和浩特联通 1分23秒", False, "内蒙古呼和浩特联通", "1分23秒", 83, None),
        ("广东深圳 移动 4m 47s", False, "广东深圳 移动", "4m 47s", 287, None),
        ("骚扰电话 1小时前", True, "骚扰电话", "", None, "1小时前"),
        ("Spam risk 0 min. ago", True, "Spam risk", "", None, "0 min. ago"),
        ("四川成都移动32秒11:46", True, "四川成都移动", "32秒", 32, "11:46"),
        ("快递送餐9分25秒星期一", True, "快递送餐", "9分25秒", 565, "星期一"),
        ("HD 卡1 呼入 45秒", False, "HD 卡1 呼入", "45秒", 45, None),
        ("被86人标记为骚扰", False, "被86人标记为骚扰", "", None, None),
        ("0471 6543210", False, "0471 6543210", "", None, None),
        ("1069817214)", False, "1069817214)", "", None, None),
        ("Incoming 1h 2m 3s", False, "Incoming", "1h 2m 3s", 3723, None),
        ("呼入 4分46种", False, "呼入", "4分46秒", 286, None),  # Tesseract's 秒 at 12 px
        ("3种", False, "3种", "", None, None),
    ],
)
def test_second_line_is_read_from_its_right_end(text: str, want_time: bool, label: str, duration: str,
                                                 seconds: int | None, time: str | None) -> None:
    got = read_second_line(text, want_time=want_time)
    assert (got.label, got.duration_text, got.duration_s, got.time_text) == (label, duration, seconds, time)


def test_second_line_text_keeps_each_run_of_characters_once() -> None:
    """An engine line handed to one segment comes back again from the crop of the other."""
    segs = [Segment(0, 0, 80, 20, "四川成都："), Segment(90, 0, 200, 20, "四川成都10:02 AM")]
    assert line_text(segs) == "四川成都10:02 AM"
    segs = [Segment(0, 0, 80, 20, "广东深圳移动32秒11:46"), Segment(90, 0, 200, 20, "11:46")]
    assert line_text(segs) == "广东深圳移动32秒11:46"
    segs = [Segment(0, 0, 80, 20, "广东深圳"), Segment(90, 0, 200, 20, "12秒")]
    assert line_text(segs) == "广东深圳 12秒"


@pytest.mark.parametrize("text", ["骚扰电话", "疑似诈骗", "响一声", "内蒙古呼和浩特联通", "广东深圳 移动", "Spam risk",
                                  "1小时前", "0 min. ago", "HD", "被86人标记为骚扰"])
def test_labels_are_labels(text: str) -> None:
    assert is_label(text)


@pytest.mark.parametrize("text", ["张伟", "妈妈", "13800138000", "Lily Zhang", "法务部-陈"])
def test_names_are_not_labels(text: str) -> None:
    assert not is_label(text)


# --- rendered call logs: sub-labels, section headers, 360 px ------------------------

CAPTURE = "Screenshot_20240710-120800.png"  # 2024-07-10 12:08
LABELLED = [
    ListRow("138 0013 8000", "21:05", "内蒙古呼和浩特联通", arrow="in", right="1分23秒"),
    ListRow("张伟", "20:40", "骚扰电话", arrow="missed"),
    ListRow("0755 8345 6789", "18:02", "广东深圳 移动", arrow="out", right="45秒"),
    ListRow("李经理", "星期一", "HD 卡1", arrow="in", right="3分5秒"),
    ListRow("021 5555 0000", "星期日", "疑似诈骗", arrow="missed"),
]
# Under 昨天 (over the first row) the bare clocks are 2024-07-09; under 更早 each row has its day
# (2024-07-10 is a Wednesday).
EXPECTED = [
    ("13800138000", "1分23秒", 83, date(2024, 7, 9)),
    ("张伟", "", None, date(2024, 7, 9)),
    ("075583456789", "45秒", 45, date(2024, 7, 9)),
    ("李经理", "3分5秒", 185, date(2024, 7, 8)),
    ("02155550000", "", None, date(2024, 7, 7)),
]


@pytest.mark.parametrize("width", [1080, 360])
def test_rows_with_sub_labels_under_section_headers(width: int) -> None:
    """Labels stay out of sender and text; the header above the first row dates it."""
    img = render_list("通话记录", LABELLED, width=width, headers={0: "昨天", 3: "更早"})
    if width < 1080:  # forwarded: downscaled and recompressed, CJK about 12 px high
        ok, jpeg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 80])
        assert ok
        img = np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_COLOR))
    x = extract(img, name=CAPTURE, engine="tesseract", layout=Layout.CALL_LOG)
    got = [(m.sender, m.text, m.duration_s, m.day) for m in x.messages]
    assert len(got) == len(EXPECTED), got
    # Tesseract may slip on one sender or one duration; the days (header logic) are exact.
    assert sum(g[0] == e[0] for g, e in zip(got, EXPECTED, strict=True)) >= len(EXPECTED) - 1, got
    assert sum(g[1:3] == e[1:3] for g, e in zip(got, EXPECTED, strict=True)) >= len(EXPECTED) - 1, got
    assert [g[3] for g in got] == [e[3] for e in EXPECTED], got
    labels = {"联通", "骚扰", "移动", "HD", "卡1", "诈骗", "昨天", "更早"}
    assert not any(lab in (m.sender or "") + m.text for m in x.messages for lab in labels), got
    held = " ".join(u.text for u in x.unassigned)
    assert "通话记录" not in " ".join((m.sender or "") for m in x.messages), held


@pytest.mark.parametrize("seed", [1500007, 1300007])
def test_each_call_gets_the_day_time_and_duration_its_row_shows(seed: int, tmp_path: Path) -> None:
    """Randomised-skin regressions, read with Tesseract.

    1500007, a stock dialer in English ("Incoming 4m 1s Thursday 00:34"): the
    clock alone was taken (the capture day) and "4m 1s Thursday" left as a
    label: four calls on the wrong day, their durations lost. 1300007, iOS:
    the left stroke of 小 in 小美 was found as a line of its own, which pushed
    the row's "unknown 6:05 AM" out of the two lines a row is read by.
    """
    screen = render(seed, "call_log")
    x = extract(screen.save(tmp_path), engine="tesseract")
    got = [(m.time.isoformat(timespec="minutes") if m.time else None, m.date and m.date.isoformat(), m.text)
           for m in x.messages]
    want = [(m["time"], m["date"], m["text"]) for m in screen.gold["messages"]]
    assert got == want
