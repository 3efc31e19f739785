"""Capture time from the conventions phones use for screenshot file names."""

from __future__ import annotations

from datetime import datetime

import pytest

from ocr.capture_time import establish, from_file_name
from ocr.model import TimeSource


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Screenshot_20250310-143205.png", datetime(2025, 3, 10, 14, 32, 5)),
        ("Screenshot_20250310-143205_WeChat.jpg", datetime(2025, 3, 10, 14, 32, 5)),
        ("Screenshot_2025-03-10-14-32-05-123_com.android.mms.jpg", datetime(2025, 3, 10, 14, 32, 5)),
        ("Screenshot_20250310_143205_com.tencent.mm.png", datetime(2025, 3, 10, 14, 32, 5)),
        ("IMG_20250310_143205.jpg", datetime(2025, 3, 10, 14, 32, 5)),
        ("05_message_sent_20251216_183241.jpg", datetime(2025, 12, 16, 18, 32, 41)),
        ("Screenshot 2025-03-10 at 14.32.05.png", datetime(2025, 3, 10, 14, 32, 5)),
        ("/some/dir/截图 Screenshot_20241231-235959.png", datetime(2024, 12, 31, 23, 59, 59)),
    ],
)
def test_conventions(name: str, expected: datetime) -> None:
    assert from_file_name(name) == expected


def test_wechat_mmexport_is_epoch_milliseconds_in_local_time() -> None:
    assert from_file_name("mmexport1741588325000.jpg") == datetime.fromtimestamp(1741588325)


@pytest.mark.parametrize(
    "name",
    [
        "IMG_5043.jpg",
        "photo.png",
        "Screenshot_20251310-143205.png",  # month 13
        "Screenshot_20250230-143205.png",  # 30 February
        "Screenshot_20250310-253205.png",  # 25 o'clock
        "Screenshot_1990031-143205.png",  # too few digits
        "12345678901234567890.png",  # a long number is not a date
        "mmexport123.jpg",
        "Screenshot_19990310-143205.png",  # before smartphones screenshots: not trusted
    ],
)
def test_non_matching_names(name: str) -> None:
    assert from_file_name(name) is None


def test_chain_records_its_source() -> None:
    ct = establish("Screenshot_20250310-143205.png", None, 1_700_000_000)
    assert ct is not None and ct.source is TimeSource.FILE_NAME
    ct = establish("IMG_5043.jpg", None, 1_700_000_000)
    assert ct is not None and ct.source is TimeSource.MTIME
    assert establish("IMG_5043.jpg", None, None) is None
