"""The SMS inbox parser on corpus screenshots, with real Tesseract.

The geometry (how many rows, where) must be exact; what OCR reads is held to
thresholds, because Tesseract misreads a character here and there and the
tests must not pin its mistakes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ocr.extract import extract
from ocr.layouts.list_rows import analyse
from ocr.layouts.row_text import sender_text, split_glued_time, strip_ellipsis
from ocr.layouts.sms_inbox import PARSER
from ocr.model import Direction, Kind, Layout, TimeSource
from tests.images import read_bgr
from tests.ocr.list_cases import load_gold, run_parser, similarity
from tests.ocr.skins import render

CASES = [
    "Screenshot_2024-11-02-20-00-16-450_com.android.mms.jpg",  # Android, light, JPEG, unread badges
    "Screenshot_20241229-072656.png",  # iOS, dark, two-line snippets, chevrons
]


@pytest.mark.parametrize("name", CASES)
def test_rows_found_from_pixels(data_dir: Path, name: str) -> None:
    """One row per listed conversation; the status bar, title and search field are not rows."""
    path = data_dir / "ocr" / name
    page = analyse(read_bgr(path))
    assert len(page.rows) == len(load_gold(path)["messages"])
    # rows run top to bottom without overlapping
    for a, b in zip(page.rows, page.rows[1:], strict=False):
        assert a.y1 < b.y0


@pytest.mark.parametrize("name", CASES)
def test_inbox_on_corpus_images(data_dir: Path, name: str) -> None:
    path = data_dir / "ocr" / name
    gold = load_gold(path)["messages"]
    ctx, result = run_parser(PARSER, path)
    assert PARSER.layout is Layout.SMS_INBOX
    assert result.thread_title is None
    msgs = result.messages
    assert len(msgs) == len(gold)
    h, w = ctx.image.shape[:2]
    senders_ok = times_ok = 0
    for m, g in zip(msgs, gold, strict=True):
        assert m.kind is Kind.SMS
        assert m.direction is Direction.INCOMING
        assert m.box is not None
        assert m.box.x >= 0 and m.box.y >= 0
        assert m.box.x + m.box.w <= w and m.box.y + m.box.h <= h
        assert 0.0 < m.confidence <= 1.0
        assert {"sender", "text"} <= m.field_confidence.keys()
        assert similarity(m.text, g["text"]) >= 0.7, (m.text, g["text"])
        assert not m.text.endswith("…")
        senders_ok += m.sender == g["sender"]
        want = datetime.fromisoformat(g["time"]) if g["time"] else None
        times_ok += m.time == want
        if m.time is not None:
            assert m.time_source is TimeSource.ROW
    assert senders_ok >= len(gold) - 1
    assert times_ok == len(gold)


def test_day_only_rows_have_no_time(data_dir: Path) -> None:
    """``昨天``/``星期三`` rows have no minute (SCHEMA list-row rule); clock rows do."""
    path = data_dir / "ocr" / "Screenshot_20241229-072656.png"
    _, result = run_parser(PARSER, path)
    assert result.messages[0].time == datetime(2024, 12, 29, 5, 16)
    assert all(m.time is None for m in result.messages[1:])


def test_unknown_capture_time_leaves_times_null(data_dir: Path) -> None:
    path = data_dir / "ocr" / "Screenshot_2024-11-02-20-00-16-450_com.android.mms.jpg"
    ctx, _ = run_parser(PARSER, path)
    ctx.captured_at = None
    result = PARSER.parse(ctx)
    assert result.messages
    assert all(m.time is None for m in result.messages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【速运通】您的快件已到达小区驿站，请…", "【速运通】您的快件已到达小区驿站，请"),
        ("麻烦转告郑浩...", "麻烦转告郑浩"),
        ("钱的事别太担心，先照顾好自己。", "钱的事别太担心，先照顾好自己。"),
        ("账单2390.", "账单2390."),
    ],
)
def test_strip_ellipsis(text: str, expected: str) -> None:
    assert strip_ellipsis(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+86 199 6895 2175", "+8619968952175"),
        ("0755-83456789", "075583456789"),
        ("1O69 0471 5673", "106904715673"),
        ("催收-张经理", "催收-张经理"),
        ("王主管(催)", "王主管(催)"),
    ],
)
def test_sender_text(text: str, expected: str) -> None:
    assert sender_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("妈妈10:46", ("妈妈", "10:46")),
        ("不要接下午5:00", ("不要接", "下午5:00")),
        ("小红昨天", ("小红", "昨天")),
        ("18517066559 10月25日", ("18517066559", "10月25日")),
        ("95357", None),
        ("2025/3/8", None),  # a date alone is not a name plus a time
    ],
)
def test_split_glued_time(text: str, expected: tuple[str, str] | None) -> None:
    assert split_glued_time(text) == expected


def test_the_first_row_under_a_large_title_is_a_row_not_the_title_bar(tmp_path: Path) -> None:
    """Seed 1400001 (randomised skins, stock Android): a large 信息 sits low in a tall bar.

    The bar's bottom was taken as far below the title as the status bar is
    above it, which took in the first row's name and time: its snippet was
    read as a row of its own, with the snippet's first line for a sender.
    """
    screen = render(1400001, "sms_inbox")
    x = extract(screen.save(tmp_path), engine="tesseract")
    assert [m.sender for m in x.messages] == [m["sender"] for m in screen.gold["messages"]]
