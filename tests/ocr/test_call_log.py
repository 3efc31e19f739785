"""The call-log parser on corpus screenshots, with real Tesseract.

Directions come from colour and icons, not from OCR, so they must be exact;
senders and times are read, so one slip is tolerated.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ocr.layouts.call_log import _DURATION, PARSER
from ocr.layouts.list_rows import analyse
from ocr.model import ME, Direction, Kind, Layout
from tests.images import read_bgr
from tests.ocr.list_cases import load_gold, run_parser

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
