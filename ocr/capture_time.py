"""When a screenshot was taken, and how we know.

Relative times on screen (``昨天``, ``星期二``) only mean something against the
capture time, so it is established first and always carries its source. The
chain follows what phones actually leave behind: Android puts the time in the
file name and rarely in metadata; iOS screenshots and camera photos carry EXIF;
the file's mtime is the weak last resort (a copy or a download resets it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import ExifTags, Image

from ocr.model import TimeSource

# Each pattern captures year, month, day, hour, minute, second; anchors on
# non-digits so that a long run of digits is never split arbitrarily.
_NAME_PATTERNS: tuple[re.Pattern[str], ...] = (
    # Screenshot_2025-03-10-14-32-05-123_com.android.mms (MIUI and others)
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})(?!\d)"),
    # Screenshot_20250310-143205, Screenshot_20250310_143205_com.tencent.mm,
    # IMG_20250310_143205, 05_message_sent_20251216_183241
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})[-_](\d{2})(\d{2})(\d{2})(?!\d)"),
    # Screenshot 2025-03-10 at 14.32.05 (macOS/iOS share sheet), 2025-03-10 14-32-05
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})[ _T](?:at )?(\d{2})[.:-](\d{2})[.:-](\d{2})(?!\d)"),
)
# WeChat's saved images: mmexport + epoch milliseconds.
_MMEXPORT = re.compile(r"mmexport(\d{13})(?!\d)")
_EARLIEST = datetime(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class CaptureTime:
    value: datetime
    source: TimeSource


def from_file_name(name: str) -> datetime | None:
    """The capture time an Android/WeChat file name states, or None.

    Impossible dates (month 13, 25 o'clock) are rejected rather than guessed.
    """
    stem = Path(name).name
    m = _MMEXPORT.search(stem)
    if m:
        try:
            # Phones name files in local time; the epoch is UTC. The user's
            # machine is assumed to be in the phone's zone (true for China).
            t = datetime.fromtimestamp(int(m.group(1)) / 1000)
        except (OverflowError, OSError, ValueError):
            return None
        return t.replace(microsecond=0) if t >= _EARLIEST else None
    for pattern in _NAME_PATTERNS:
        m = pattern.search(stem)
        if not m:
            continue
        try:
            y, mo, d, h, mi, sec = (int(g) for g in m.groups())
            t = datetime(y, mo, d, h, mi, sec)
        except ValueError:
            continue
        if t >= _EARLIEST:
            return t
    return None


_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132


def from_exif(image: Image.Image) -> datetime | None:
    """EXIF DateTimeOriginal (then DateTime), or None when absent or malformed."""
    try:
        exif = image.getexif()
        raw = exif.get_ifd(ExifTags.IFD.Exif).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    except Exception:  # noqa: BLE001 - a broken EXIF block is common and harmless
        return None
    if not isinstance(raw, str):
        return None
    try:
        return datetime.strptime(raw.strip().rstrip("\x00")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def establish(name: str, image: Image.Image | None = None, mtime: float | None = None) -> CaptureTime | None:
    """Apply the chain file name → EXIF → mtime, recording which link gave the time."""
    t = from_file_name(name)
    if t is not None:
        return CaptureTime(t, TimeSource.FILE_NAME)
    if image is not None:
        t = from_exif(image)
        if t is not None:
            return CaptureTime(t, TimeSource.EXIF)
    if mtime is not None:
        return CaptureTime(datetime.fromtimestamp(mtime).replace(microsecond=0), TimeSource.MTIME)
    return None
