"""How the store writes values into its text columns and reads them back.

Corrections keep old and new values as text (one audit table for every field),
so each field has one encoding; kept apart from ``casefile.store`` so the
store module holds the case's operations only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from casefile.model import (
    Origin,
)
from ocr.model import (
    Box,
    Direction,
    ExtractedMessage,
    Kind,
    TimeSource,
    format_minute,
    parse_iso,
)


def new_batch_id() -> str:
    return uuid.uuid4().hex


def encode_value(field: str, value: Any) -> str | None:
    """A field value as the audit log stores it: text a person can read."""
    if value is None:
        return None
    if field == "time":
        return format_minute(value) if isinstance(value, datetime) else str(value)
    if field == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if field == "excluded":
        return "1" if value else "0"
    if field == "box":
        return json.dumps(value.to_list() if isinstance(value, Box) else list(value))
    return str(value)


def decode_value(field: str, raw: str | None) -> Any:
    if field == "excluded":
        return raw == "1"
    if raw is None:
        return None
    if field == "time":
        return parse_iso(raw)
    if field == "date":
        return _day(raw)
    if field == "box":
        return Box.from_list(json.loads(raw))
    if field == "kind":
        return Kind(raw)
    if field == "direction":
        return Direction(raw)
    return raw


_CAPTURE_SEP = " | "


def encode_capture(value: datetime | None, source: TimeSource | None) -> str | None:
    """A capture time and where it came from, as the audit log stores it: ``2025-03-10T14:32:05 | mtime``."""
    if value is None:
        return None
    return value.isoformat() + (_CAPTURE_SEP + str(source) if source else "")


def decode_capture(raw: str | None) -> tuple[datetime | None, TimeSource | None]:
    if not raw:
        return None, None
    value, _, source = raw.partition(_CAPTURE_SEP)
    return datetime.fromisoformat(value), TimeSource(source) if source else None


def _iso_day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw[:10]) if raw else None



def _union(boxes: Iterable[Box | None]) -> Box | None:
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    x0 = min(b.x for b in real)
    y0 = min(b.y for b in real)
    x1 = max(b.x + b.w for b in real)
    y1 = max(b.y + b.h for b in real)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _squeezed(text: str) -> str:
    """Text without whitespace: whether a line is still inside a message survives re-wrapping."""
    return "".join(text.split())


# One statement and one row shape for every message that comes from the OCR (a reading, a
# line or a box the user had read): two copies had already drifted once (date, time_text).
_INSERT_MESSAGE = (
    "INSERT INTO messages (screenshot_id, position, origin, kind, direction, sender, time, time_source, "
    "text, box, confidence, field_confidence, duration_s, date, time_text, labels) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _message_row(screenshot_id: int, position: float, origin: Origin, m: ExtractedMessage) -> tuple[Any, ...]:
    return (
        screenshot_id,
        position,
        str(origin),
        str(m.kind),
        str(m.direction),
        m.sender,
        format_minute(m.time),
        str(m.time_source) if m.time_source else None,
        m.text,
        json.dumps(m.box.to_list()) if m.box else None,
        m.confidence,
        json.dumps(m.field_confidence),
        m.duration_s,
        m.day.isoformat() if m.day else None,
        m.time_text,
        encode_labels(m.labels),
    )


def encode_labels(labels: tuple[str, ...]) -> str:
    """A row's labels as the ``labels`` column stores them: a JSON list, Chinese as written."""
    return json.dumps(list(labels), ensure_ascii=False)


def decode_labels(raw: str | None) -> tuple[str, ...]:
    return tuple(str(x) for x in json.loads(raw or "[]"))
