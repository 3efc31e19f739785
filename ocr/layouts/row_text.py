"""What the text of a list row's piece means: a name, a number, a time, a snippet's end."""

from __future__ import annotations

import re
from datetime import date, datetime

from ocr.layouts.list_rows import Segment
from ocr.text import clean_line, normalise_number

# --- text helpers -------------------------------------------------------------------

_ELLIPSIS = re.compile(r"\s*(?:…|⋯|\.{2,}|。{2,}|·{2,}|\.·|·\.)+\s*$")
_DIGIT_LOOKALIKES = str.maketrans("OoIl|", "00111")
_NUMBERISH = re.compile(r"^[+\d][\d\sOoIl|\-()]*\d$")


def strip_ellipsis(text: str) -> str:
    """Remove the ``…`` an app puts where it cut a snippet (SCHEMA: not part of the text)."""
    return _ELLIPSIS.sub("", text).strip()


def sender_text(text: str) -> str:
    """A row's name as SCHEMA writes a sender: numbers without spaces or dashes."""
    s = text.strip().strip("|>·•")
    s = s.strip()
    # A dot OCR saw in the blank between a number's groups (``0471 .6543210``).
    spaced = re.sub(r"\s[.·,]|[.·,]\s", " ", s)
    if _NUMBERISH.match(spaced):
        s = spaced
    if _NUMBERISH.match(s):
        s = s.translate(_DIGIT_LOOKALIKES)
        return normalise_number(s)
    return s


def joined(segments: list[Segment]) -> str:
    """Segment texts of one line in reading order; ``clean_line`` drops the spaces OCR invents."""
    return clean_line(" ".join(s.text for s in segments if s.text))


def name_and_time(segments: list[Segment]) -> tuple[list[Segment], str | None, list[Segment]]:
    """Split a row's first line into the name and the time printed at its right end.

    The time is the right-most run of segments that reads as a time; anything
    right of it (a chevron, an info icon) is dropped. When OCR glued the two
    into one segment, the text is split instead (``split_trailing_time``).
    """
    from ocr.times import is_time_text, split_trailing_time

    n = len(segments)
    for end in range(n, 1, -1):
        for start in range(1, end):
            cand = joined(segments[start:end])
            if cand and is_time_text(cand):
                return segments[:start], cand, segments[start:end]
    # No separate time segment. Only when nothing wide separates the pieces can a
    # time be glued to the name; after a wide blank an unreadable time stays
    # unknown rather than half-read (a wrong day is worse than none).
    texts = [s for s in segments if s.text]
    if texts and len(_name_part(texts)) == len(texts):
        whole = joined(texts)
        split = split_trailing_time(whole) or split_glued_time(whole)
        if split:
            name, t = split
            conf = mean_confidence(texts)
            keep = Segment(texts[0].x0, texts[0].y0, texts[-1].x1, texts[-1].y1, name, conf, True)
            return [keep], t, [Segment(texts[-1].x0, texts[-1].y0, texts[-1].x1, texts[-1].y1, t, conf, True)]
    return _name_part(_drop_icons(segments)), None, []


def _name_part(segments: list[Segment]) -> list[Segment]:
    """The leading segments up to the first wide blank: a name never has one inside,
    and what follows it (an unreadable time) must not be glued onto the sender."""
    out = segments[:1]
    for s in segments[1:]:
        if s.x0 - out[-1].x1 > 1.2 * max(s.h, out[-1].h):
            break
        out.append(s)
    return out


def split_glued_time(text: str) -> tuple[str, str] | None:
    """``妈妈10:46`` → (``妈妈``, ``10:46``): the longest time that ends the text.

    Line-level OCR removes the blank between a Chinese name and the time (a
    space next to CJK is taken for an artefact), so the split is made by text.
    A split never falls inside a number or a date.
    """
    from ocr.times import is_time_text

    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (a.isdigit() and b.isdigit()) or a in "/-.年月:：" or b in "/-.:：日号":
            continue
        rest, cand = text[:i].strip(), text[i:].strip()
        if rest and cand and is_time_text(cand):
            return rest, cand
    return None


def _drop_icons(segments: list[Segment]) -> list[Segment]:
    """Trailing pieces that read as nothing word-like (icons) are not part of a name."""
    out = list(segments)
    while len(out) > 1 and not re.search(r"[\w\u3400-\u9fff]{2,}", out[-1].text):
        out.pop()
    return out


def without_trailing_icons(segments: list[Segment]) -> list[Segment]:
    """Drop chevrons, info circles and badges at the end of a row's first line.

    They are narrower than any time text (a time is at least two characters, so
    more than 1.4 text heights wide); the first segment is the name and is kept
    however short (a one-character name such as ``哥``).
    """
    out = list(segments)
    while len(out) > 1 and out[-1].w < 1.4 * out[-1].h:
        out.pop()
    return out


def whole_line(segments: list[Segment]) -> list[Segment]:
    """One unit spanning a line's segments (a snippet, a call's second line)."""
    if not segments:
        return []
    return [Segment(segments[0].x0, min(s.y0 for s in segments), segments[-1].x1, max(s.y1 for s in segments))]


def mean_confidence(segments: list[Segment]) -> float:
    """Character-weighted mean confidence of what was read (0 when nothing was)."""
    total = sum(len(s.text) for s in segments)
    if total == 0:
        return 0.0
    return sum(s.confidence * len(s.text) for s in segments) / total


def union_box(segments: list[Segment]) -> tuple[int, int, int, int]:
    return (min(s.x0 for s in segments), min(s.y0 for s in segments),
            max(s.x1 for s in segments), max(s.y1 for s in segments))


# --- section headers ----------------------------------------------------------------

# Headers that name no day: the rows under them carry their own dates.
_UNDATED_HEADERS = re.compile(r"^(?:更早|更早以前|以前|早些时候|其他|older|earlier|previous)$", re.IGNORECASE)


def section_header(text: str) -> tuple[bool, str | None]:
    """Whether a one-line row is a section header, and the day it names.

    Lists group rows under 今天 / 昨天 / 更早 (Today / Yesterday / Older) and
    then print only a clock in the rows of the first two. A header is a line
    that is a day and nothing else (no clock), or a word for "earlier". The
    day's text is returned so the rows under it keep it in their labels
    (``ocr.times.make_label``); ``None`` for a header that names no day.
    """
    from ocr.times import read_moment

    s = text.strip()
    if not s:
        return False, None
    if _UNDATED_HEADERS.match(s):
        return True, None
    reading = read_moment(s)
    if reading is None or reading.clock is not None or reading.day_kind is None or reading.day_kind == "ago":
        return False, None
    return True, s


def with_header_day(time_text: str | None, header: str | None) -> str | None:
    """A row's time label: a bare clock under a dated header goes on the header's day."""
    from ocr.times import make_label, read_moment

    if time_text is None or header is None:
        return time_text
    reading = read_moment(time_text)
    if reading is None or reading.day_kind is not None or reading.clock is None:
        return time_text
    return make_label(header, time_text)


class DatedRows:
    """The day section headers give the rows of a list, read top to bottom.

    Lists that group rows under 今天 / 昨天 / 更早 print only a clock in the
    rows of the first two sections. A bare clock under a header goes on the
    header's day. A bare clock *above* the first header on screen belongs to
    a section whose header scrolled away: under a first header 昨天 that
    section is today's (SCHEMA's reading of a bare clock, the capture day);
    above any other header (更早, a date) the day is not on screen, so the row
    gets none (SCHEMA: ``null`` when the day is not on screen), as a bubble
    above the first separator does, and keeps no label (``times.apply_labels``
    would read the clock as the capture day). Lists without headers keep the
    SCHEMA rule: a bare clock is the capture day.
    """

    def __init__(self, headers: list[tuple[bool, str | None]]) -> None:
        """``headers``: for each row of the page, whether it is a header and the day it names."""
        from ocr.times import read_moment

        first = next(((True, day) for is_header, day in headers if is_header), (False, None))
        reading = read_moment(first[1]) if first[1] else None
        self.unknown_above = first[0] and not (reading is not None and reading.days_back == 1)
        self.header: str | None = None
        self.seen = False

    def enter(self, day: str | None) -> None:
        """A header row: the rows below it are on ``day`` (``None``: a header naming no day)."""
        self.header = day
        self.seen = True

    def resolve(self, time_text: str | None, captured_at: datetime | None,
                ) -> tuple[str | None, tuple[datetime | None, date | None]]:
        """The row's time label (with its header's day) and its minute and day."""
        from ocr.times import read_moment, resolve_label

        label = with_header_day(time_text, self.header)
        if self.unknown_above and not self.seen and time_text is not None:
            reading = read_moment(time_text)
            if reading is not None and reading.day_kind is None and reading.clock is not None:
                return None, (None, None)
        return label, resolve_label(label, captured_at)
