"""The case as the rest of the program sees it: plain, immutable-ish records.

A message has two layers: what the OCR read (``ocr``, never changed) and what
the user says it is (the effective fields, OCR values with the latest
correction of each field applied). Keeping both is the evidence rule: a
reviewer must always be able to see what the machine read and what a person
changed, and when.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from casefile.phones import OWN_PHONE
from ocr.model import Box, Direction, Kind, Layout, TimeSource


class OcrStatus(enum.StrEnum):
    WAITING = "waiting"
    DONE = "done"
    FAILED = "failed"


class Origin(enum.StrEnum):
    OCR = "ocr"
    MANUAL = "manual"
    # Added by the user from what the OCR read (an unassigned line, a box drawn
    # and read): audited as created, and the OCR values are kept like any OCR row.
    MANUAL_FROM_OCR = "manual-from-ocr"


_Date = date  # a field named ``date`` would shadow the type inside the dataclasses below

# Fields of a message a user may correct; the audit log names them.
CORRECTABLE_FIELDS: tuple[str, ...] = ("kind", "direction", "sender", "time", "text", "excluded", "box", "date")
# Fields of a screenshot a user may correct (``screenshot_corrections``).
CAPTURED_AT = "captured_at"
PHONE = "phone"  # whose phone it came from (``casefile.phones``)


class TimePrecision(enum.StrEnum):
    """How much of an item's time the screenshot shows.

    ``day``: the day but not the minute (an inbox row showing 昨天); such an
    item is counted on its day, never in an hour or as "at night".
    """

    MINUTE = "minute"
    DAY = "day"
    UNKNOWN = "unknown"


def precision_of(time: datetime | None, day: _Date | None) -> TimePrecision:
    if time is not None:
        return TimePrecision.MINUTE
    return TimePrecision.DAY if day is not None else TimePrecision.UNKNOWN


@dataclass(frozen=True, slots=True)
class CaseInfo:
    title: str = ""
    complainant: str = ""
    respondent: str = ""  # one platform per line
    notes: str = ""

    @property
    def respondents(self) -> list[str]:
        return [r.strip() for r in self.respondent.splitlines() if r.strip()]


@dataclass(frozen=True, slots=True)
class Screenshot:
    id: int
    sha256: str
    original_name: str
    original_path: str
    ext: str
    size_bytes: int
    width: int
    height: int
    format: str
    imported_at: datetime
    captured_at: datetime | None
    captured_at_source: TimeSource | None
    layout: Layout | None
    thread_title: str | None
    ocr_status: OcrStatus
    ocr_engine: str
    ocr_version: str
    ocr_error: str | None
    reviewed: bool
    purpose: str  # 证明目的 for the evidence index; empty means "suggest from tags"
    # What the import or the OCR established before the user set it (None: never set by hand).
    captured_at_before: datetime | None = None
    captured_at_source_before: TimeSource | None = None
    phone: str = OWN_PHONE  # whose phone it came from: on another person's phone "me" is that person

    @property
    def captured_at_uncertain(self) -> bool:
        """A file's modification time is when it was copied as often as when it was taken."""
        return self.captured_at is not None and self.captured_at_source == TimeSource.MTIME

    @property
    def captured_at_corrected(self) -> bool:
        return self.captured_at_source == TimeSource.MANUAL and self.captured_at_before is not None

    @property
    def stored_name(self) -> str:
        """The file name under ``originals/``: content-addressed, so the name is the proof."""
        return f"{self.sha256}.{self.ext}"


@dataclass(frozen=True, slots=True)
class OcrValues:
    kind: Kind
    direction: Direction
    sender: str | None
    time: datetime | None
    text: str
    box: Box | None
    date: _Date | None = None


# Between a row's labels where they share one line or cell (the window, the dossier, the CSV):
# they are the phone's own words, so one separator serves Chinese and English alike.
LABEL_SEP = " · "


@dataclass(frozen=True, slots=True)
class Message:
    """A message with corrections applied. ``ocr`` holds what was read (None if manual)."""

    id: int
    screenshot_id: int
    position: float
    kind: Kind
    direction: Direction
    sender: str | None
    time: datetime | None
    time_source: TimeSource | None
    text: str
    box: Box | None
    confidence: float
    field_confidence: dict[str, float]
    duration_s: int | None
    origin: Origin
    excluded: bool
    corrected: frozenset[str] = field(default_factory=frozenset)
    ocr: OcrValues | None = None
    date: _Date | None = None  # the day shown; equals ``time``'s day whenever there is a time
    time_text: str | None = None  # the time as the screen shows it (``ocr.times.make_label``)
    # What the row shows beside the party (place, carrier, the phone's mark such as 骚扰电话):
    # OCR output as read (``ocr.model.ExtractedMessage.labels``), shown but not correctable.
    labels: tuple[str, ...] = ()

    @property
    def day(self) -> _Date | None:
        """The day of the item: the minute's day, else the day the screen shows."""
        return self.time.date() if self.time is not None else self.date

    @property
    def precision(self) -> TimePrecision:
        return precision_of(self.time, self.day)


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    message_id: int
    field: str
    old: str | None
    new: str | None
    at: datetime
    batch: str | None


@dataclass(frozen=True, slots=True)
class ScreenshotCorrection:
    """A user's change of a screenshot's own field (its capture time), audited like a message's."""

    id: int
    screenshot_id: int
    field: str
    old: str | None  # ``casefile.store.encode_capture``: time and its source
    new: str | None
    at: datetime
    batch: str | None


@dataclass(frozen=True, slots=True)
class ReadingRecord:
    """One reading of a screenshot: its layout, how well each layout fitted, and
    whether a person chose the layout (核对 → 按…重新识别: who and when)."""

    id: int
    screenshot_id: int
    at: datetime
    layout: Layout | None
    layout_scores: dict[str, float]
    forced_layout: Layout | None
    forced_by: str | None
    engine: str
    superseded: bool


@dataclass(frozen=True, slots=True)
class UnassignedRecord:
    """A line the OCR read that no message took; ``taken`` once a message uses it."""

    id: int
    screenshot_id: int
    text: str
    box: Box
    confidence: float
    taken: bool


class TagState(enum.StrEnum):
    SUGGESTED = "suggested"  # a rule thinks so; the user has not said
    CONFIRMED = "confirmed"
    REMOVED = "removed"  # the user said no; rules must not bring it back


@dataclass(frozen=True, slots=True)
class Tag:
    message_id: int
    tag: str
    state: TagState
    source: str  # "rule:<id>" or "user"
    at: datetime


@dataclass(frozen=True, slots=True)
class Party:
    """A counterparty: numbers and names the user says belong together."""

    id: int
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CasePaths:
    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "case.sqlite"

    @property
    def originals(self) -> Path:
        return self.folder / "originals"
