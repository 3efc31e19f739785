"""The extraction contract: what OCR hands to the rest of the program.

These dataclasses mirror ``corpus/SCHEMA.md`` so that ``to_json`` is exactly the
shape the scorer reads, plus what the schema leaves out but the review pane needs:
each message's box on the image and confidences. They are plain data with no
behaviour beyond (de)serialisation, so ``casefile`` can store them and tests can
build them by hand.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

_Date = date  # the field named ``date`` would shadow the type inside ExtractedMessage


class Layout(enum.StrEnum):
    SMS_THREAD = "sms_thread"
    SMS_INBOX = "sms_inbox"
    CHAT_THREAD = "chat_thread"
    CALL_LOG = "call_log"


class Kind(enum.StrEnum):
    SMS = "sms"
    CHAT = "chat"
    CALL = "call"


class Direction(enum.StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"
    MISSED = "missed"


class TimeSource(enum.StrEnum):
    """Where a time came from; the data rules require every time to say so."""

    SEPARATOR = "separator"
    ROW = "row"
    FILE_NAME = "file name"
    EXIF = "exif"
    MTIME = "mtime"
    MANUAL = "manual"


class Failure(enum.StrEnum):
    """Why a screenshot has no reading: the start of ``Extraction.error``.

    The rest of the error is detail for the log; the window matches this part
    to say the reason in the user's language (``gui.messages.ocr_failed``).
    """

    UNREADABLE = "not a readable image"
    NOT_FOUND = "file not found"
    TOO_SMALL = "image too small to hold a phone screen"
    ENGINE = "the OCR engine failed"
    INTERNAL = "internal error"
    WORKER = "worker failed"


ME = "me"


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in image pixels (origin top left)."""

    x: int
    y: int
    w: int
    h: int

    def to_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]

    @classmethod
    def from_list(cls, v: list[int] | tuple[int, int, int, int]) -> Box:
        x, y, w, h = (int(n) for n in v)
        return cls(x, y, w, h)

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def centre_in(self, other: Box) -> bool:
        """Whether this box's centre lies in ``other``: how a line is given to the region it was read in."""
        cx, cy = self.centre
        return other.x <= cx <= other.x + other.w and other.y <= cy <= other.y + other.h

    @staticmethod
    def union(boxes: list[Box]) -> Box:
        """The smallest box holding all of ``boxes`` (at least one)."""
        x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
        return Box(x0, y0, max(b.x + b.w for b in boxes) - x0, max(b.y + b.h for b in boxes) - y0)


@dataclass(slots=True)
class ExtractedMessage:
    """One item on screen, as the OCR read it.

    ``confidence`` is the mean recognition confidence of the text (0..1);
    ``field_confidence`` holds per-field confidences (``sender``, ``time``,
    ``text``) so the review pane can mark the weak ones.
    """

    kind: Kind
    direction: Direction
    sender: str | None
    time: datetime | None
    text: str
    box: Box | None = None
    confidence: float = 0.0
    time_source: TimeSource | None = None
    duration_s: int | None = None
    field_confidence: dict[str, float] = field(default_factory=dict)
    date: _Date | None = None
    # The time as the screen shows it (``昨天``, ``5分钟前``; a bubble's separator and
    # own clock, ``ocr.times.make_label``), so a corrected capture time can resolve it again.
    time_text: str | None = None
    # What the row shows beside or under the party and is neither party, time nor
    # text (ocr.layouts.call_labels): the number's place or carrier, a mark the
    # phone set (骚扰电话, 响一声), HD, a SIM badge; as read, in reading order. Kept so
    # nothing read is lost, and because a phone's own mark is part of the evidence.
    labels: tuple[str, ...] = ()

    @property
    def day(self) -> _Date | None:
        """The day the screen shows: the minute's day when there is one (SCHEMA: ``date`` is ``time[:10]``)."""
        return self.time.date() if self.time is not None else self.date

    def to_json(self) -> dict[str, Any]:
        day = self.day
        out: dict[str, Any] = {
            "kind": str(self.kind),
            "direction": str(self.direction),
            "sender": self.sender,
            "time": format_minute(self.time),
            "date": day.isoformat() if day else None,
            "text": self.text,
        }
        if self.duration_s is not None:
            out["duration_s"] = self.duration_s
        out["box"] = self.box.to_list() if self.box else None
        out["confidence"] = round(self.confidence, 3)
        out["time_source"] = str(self.time_source) if self.time_source else None
        if self.field_confidence:
            out["field_confidence"] = {k: round(v, 3) for k, v in self.field_confidence.items()}
        if self.time_text is not None:
            out["time_text"] = self.time_text
        if self.labels:  # written only when there are some: older JSON and the scorer see no change
            out["labels"] = list(self.labels)
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ExtractedMessage:
        box = d.get("box")
        ts = d.get("time_source")
        return cls(
            kind=Kind(d["kind"]),
            direction=Direction(d["direction"]),
            sender=d.get("sender"),
            time=parse_iso(d.get("time")),
            text=d.get("text") or "",
            box=Box.from_list(box) if box else None,
            confidence=float(d.get("confidence") or 0.0),
            time_source=TimeSource(ts) if ts else None,
            duration_s=d.get("duration_s"),
            field_confidence=dict(d.get("field_confidence") or {}),
            date=_parse_day(d.get("date")),
            time_text=d.get("time_text"),
            labels=tuple(str(x) for x in d.get("labels") or ()),
        )


@dataclass(frozen=True, slots=True)
class UnassignedLine:
    """A line the engine read that no message took: kept, never dropped (DESIGN data rules).

    The review pane shows these as dimmed boxes the user can turn into a message,
    so a layout guessed wrong still loses nothing the OCR read.
    """

    text: str
    box: Box
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "box": self.box.to_list(), "confidence": round(self.confidence, 3)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> UnassignedLine:
        return cls(text=d.get("text") or "", box=Box.from_list(d["box"]), confidence=float(d.get("confidence") or 0.0))


@dataclass(slots=True)
class Extraction:
    """Everything read off one screenshot.

    ``error`` is set (and ``messages`` empty) when the image could not be read:
    a batch goes on past a bad image instead of stopping on an exception.
    """

    image: str
    layout: Layout | None
    captured_at: datetime | None
    thread_title: str | None = None
    messages: list[ExtractedMessage] = field(default_factory=list)
    captured_at_source: TimeSource | None = None
    engine: str = ""
    engine_version: str = ""
    error: str | None = None
    unassigned: list[UnassignedLine] = field(default_factory=list)
    # How well each layout's signals fit the page (0..1), so the window can say how sure the guess is.
    layout_scores: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "image": self.image,
            "layout": str(self.layout) if self.layout else None,
            "captured_at": self.captured_at.isoformat(timespec="seconds") if self.captured_at else None,
            "thread_title": self.thread_title,
            "messages": [m.to_json() for m in self.messages],
            "captured_at_source": str(self.captured_at_source) if self.captured_at_source else None,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "error": self.error,
            "unassigned": [u.to_json() for u in self.unassigned],
            "layout_scores": {k: round(v, 3) for k, v in self.layout_scores.items()},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Extraction:
        layout = d.get("layout")
        src = d.get("captured_at_source")
        return cls(
            image=d.get("image") or "",
            layout=Layout(layout) if layout else None,
            captured_at=parse_iso(d.get("captured_at")),
            thread_title=d.get("thread_title"),
            messages=[ExtractedMessage.from_json(m) for m in d.get("messages") or []],
            captured_at_source=TimeSource(src) if src else None,
            engine=d.get("engine") or "",
            engine_version=d.get("engine_version") or "",
            error=d.get("error"),
            unassigned=[UnassignedLine.from_json(u) for u in d.get("unassigned") or []],
            layout_scores={str(k): float(v) for k, v in (d.get("layout_scores") or {}).items()},
        )


def format_minute(t: datetime | None) -> str | None:
    """Times are wall-clock to the minute (data rules), so seconds are dropped."""
    return t.strftime("%Y-%m-%dT%H:%M") if t else None


def parse_iso(s: str | None) -> datetime | None:
    if not s:
        return None
    return datetime.fromisoformat(s)


def _parse_day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None
