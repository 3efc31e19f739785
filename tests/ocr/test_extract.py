"""``extract`` on corpus images (one per layout and style this package owns) and on bad input.

Real Tesseract throughout; only construction faults are injected at the engine seam.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from ocr.engines.errors import EngineMissing
from ocr.engines.tesseract import TesseractEngine
from ocr.extract import extract
from ocr.layouts.classify import classify
from ocr.model import Direction, Failure, Layout
from ocr.page import analyse
from tests.images import read_bgr
from tests.ocr.list_cases import similarity

CASES = [
    "wx_share_7ba81b.png",  # MIUI SMS thread, light
    "Screenshot_20250103_214124_com.android.mms.jpg",  # Samsung SMS thread, dark, JPEG
    "Screenshot_20241128_234702_com.tencent.mm.jpg",  # WeChat, light, JPEG, 720 px
    "Screenshot_20241221_175305_com.tencent.mm.png",  # WeChat 1:1, light
    "Screenshot_2025-01-21-22-17-49-456_com.tencent.mm.png",  # WeChat, dark
]


@pytest.mark.parametrize("name", CASES)
def test_thread_layouts_on_corpus_images(data_dir: Path, name: str) -> None:
    path = data_dir / "ocr" / name
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    ex = extract(path)
    assert ex.error is None
    assert str(ex.layout) == gold["layout"]
    assert ex.captured_at == (datetime.fromisoformat(gold["captured_at"]) if gold["captured_at"] else None)
    assert ex.thread_title == gold["thread_title"]
    # Every gold message is found, in order, with its direction, sender and time.
    matched = 0
    j = 0
    for g in gold["messages"]:
        for k in range(j, len(ex.messages)):
            m = ex.messages[k]
            if similarity(m.text, g["text"]) >= 0.5:
                matched += 1
                assert str(m.direction) == g["direction"], g["text"]
                assert m.sender == g["sender"], g["text"]
                got = m.time.strftime("%Y-%m-%dT%H:%M") if m.time else None
                assert got == g["time"], g["text"]
                assert m.box is not None and m.box.w > 0
                assert 0.0 < m.confidence <= 1.0
                j = k + 1
                break
    assert matched >= len(gold["messages"]) - 1, f"{matched}/{len(gold['messages'])}"
    assert len(ex.messages) <= len(gold["messages"]) + 1


def test_classifier_on_test_images(data_dir: Path) -> None:
    for name in CASES:
        path = data_dir / "ocr" / name
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        img = read_bgr(path)
        assert str(classify(img, analyse(img))) == gold["layout"], name


def test_dark_mode_page_is_flagged(data_dir: Path) -> None:
    img = read_bgr(data_dir / "ocr" / "Screenshot_2025-01-21-22-17-49-456_com.tencent.mm.png")
    assert analyse(img).dark


def test_bytes_and_array_inputs_with_name(data_dir: Path) -> None:
    path = data_dir / "ocr" / "Screenshot_20241221_175305_com.tencent.mm.png"
    a = extract(path.read_bytes(), name=path.name)
    b = extract(read_bgr(path), name=path.name)
    assert a.captured_at == b.captured_at == datetime(2024, 12, 21, 17, 53, 5)
    assert [m.text for m in a.messages] == [m.text for m in b.messages]


def test_blank_image_gives_no_messages_and_no_exception() -> None:
    blank = np.full((1600, 720, 3), 255, np.uint8)
    ex = extract(blank, name="blank.png")
    assert ex.messages == []


def test_non_image_sets_error(tmp_path: Path) -> None:
    bad = tmp_path / "Screenshot_20250310-143205.png"
    bad.write_bytes(b"this is not a picture")
    ex = extract(bad)
    assert ex.error and ex.error.startswith(Failure.UNREADABLE)  # the window words it by this start
    assert ex.messages == []
    # The capture time still comes from the name.
    assert ex.captured_at == datetime(2025, 3, 10, 14, 32, 5)


def test_missing_file_sets_error(tmp_path: Path) -> None:
    ex = extract(tmp_path / "gone.png")
    assert ex.error and ex.error.startswith(Failure.NOT_FOUND)


def test_engine_missing_surfaces(data_dir: Path) -> None:
    with pytest.raises(EngineMissing):
        extract(data_dir / "ocr" / "wx_share_7ba81b.png", engine=TesseractEngine(tesseract_cmd="/no/tesseract"))


def test_json_round_trip(data_dir: Path) -> None:
    ex = extract(data_dir / "ocr" / "Screenshot_20241221_175305_com.tencent.mm.png")
    doc = ex.to_json()
    assert doc["layout"] == str(Layout.CHAT_THREAD)
    assert all(m["direction"] in {str(d) for d in Direction} for m in doc["messages"])
    json.dumps(doc, ensure_ascii=False)


def test_forced_layout_is_read_as_told(data_dir: Path) -> None:
    """核对 → 按…重新识别: the user's choice replaces the guess, and the parser for it runs."""
    path = data_dir / "ocr" / "wx_share_7ba81b.png"  # an SMS thread
    assert extract(path).layout == Layout.SMS_THREAD
    forced = extract(path, layout=Layout.SMS_INBOX)
    assert forced.error is None
    assert forced.layout == Layout.SMS_INBOX
    assert forced.thread_title is None  # a list has no thread title (SCHEMA)


def test_json_carries_date_unassigned_and_scores() -> None:
    """SCHEMA: ``date`` is ``time[:10]`` whenever there is a time, else the day shown; lines no message
    took and the layout scores survive a round trip."""
    from datetime import date

    from ocr.model import Box, ExtractedMessage, Extraction, Kind, UnassignedLine

    timed = ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", datetime(2025, 3, 8, 14, 32), "a")
    day_only = ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", None, "b", date=date(2025, 3, 7))
    ex = Extraction(
        image="x.png",
        layout=Layout.SMS_INBOX,
        captured_at=None,
        messages=[timed, day_only],
        unassigned=[UnassignedLine("广告", Box(1, 2, 3, 4), 0.5)],
        layout_scores={"sms_inbox": 0.8, "sms_thread": 0.1},
    )
    doc = json.loads(json.dumps(ex.to_json()))
    assert [m["date"] for m in doc["messages"]] == ["2025-03-08", "2025-03-07"]
    back = Extraction.from_json(doc)
    assert back.messages[1].date == date(2025, 3, 7) and back.messages[1].time is None
    assert back.unassigned == ex.unassigned
    assert back.layout_scores == ex.layout_scores
