"""Chinese on-screen times, read and resolved against the capture time.

Three parts: :mod:`~ocr.times.reading` (syntax: is this text a time, and what
does it show), :mod:`~ocr.times.resolving` (days and minutes against the capture
time) and :mod:`~ocr.times.labels` (the time text a message keeps, resolved for a
whole screen). Callers import from ``ocr.times``.

Phones write times relative to "now": a bare ``14:32`` means today, ``昨天``,
``前天`` and ``星期二`` count back from the day the screenshot was taken, and
``3月8日`` leaves the year out. Evidence needs absolute minutes, so every such
text is resolved against ``captured_at`` — and when that is unknown, anything
relative or year-less stays unknown (``None``) instead of being guessed
(SCHEMA.md, Time rules; DESIGN.md, data rules).

Reading and resolving are split, because a thread parser sometimes needs the
pieces separately (a date-only separator ``2025年3月8日 星期六`` above bubbles
that carry their own clock ``下午2:32``).

API
---
``read_moment(text) -> Reading | None``
    Syntax only: is this short OCR'd text *entirely* a time expression? Returns
    what it shows (a day part, a clock, or both) without resolving anything, or
    ``None`` for anything else. Tolerant of OCR noise: full-width digits and
    colon, spaces inside or missing (``昨天14:32``, ``下午 2:32``, ``星 期 二``),
    ``O``/``l`` misread for ``0``/``1`` next to digits, stray edge marks (an iOS
    chevron ``>``, ``|``, ``·``).
``resolve(reading, captured_at) -> Moment``
    Turns a reading into absolute values against ``captured_at`` (may be None).
``parse_moment(text, captured_at) -> Moment | None``
    ``resolve(read_moment(text), captured_at)``; ``None`` when the text is not a
    time at all. A returned ``Moment`` may still have ``date``/``minute`` None
    (e.g. ``昨天`` with ``captured_at`` unknown).
``is_time_text(text) -> bool``
    Whether a short text IS a time separator / list time (``read_moment`` is
    not None). Use it to tell separators from bubbles.
``split_trailing_time(text) -> tuple[str, str] | None``
    When OCR merged a row's name and its time into one line
    (``95357 下午5:21``), the leading rest and the trailing time text.

``Moment`` fields:
    ``date`` — the calendar day shown (or implied: a bare clock is the capture
    day), or None when it cannot be known;
    ``minute`` — ``datetime`` to the minute when both a day and a clock are
    known, else None. For list rows (inbox, call log) ``minute`` IS the row's
    time: a day-only row (``昨天``, ``3月8日``, ``2025/3/8``) has no minute;
    ``clock`` — the ``datetime.time`` shown, if any, even when unresolvable;
    ``is_time_only`` — the text showed a clock and no day part;
    ``relative`` — resolving needed ``captured_at``;
    ``on(day)`` — the clock placed on a given day (bubble clock under a
    date-only separator).

Resolution rules: ``今天``/bare clock = capture day; ``昨天`` −1; ``前天`` −2;
``星期X``/``周X``/``礼拜X`` = the most recent such weekday before the capture
day (1–7 days back; phones use it for the last 2–6 days); ``M月D日`` and ``M/D``
take the capture year unless that lands after the capture day, in which case
the previous year (``12月31日`` seen on 2025-01-02 is 2024-12-31); a weekday
written beside a full date is ignored (the date is more specific).
"""

from __future__ import annotations

from ocr.times.labels import (
    LABEL_JOIN,
    apply_labels,
    choose_day_first,
    make_label,
    resolve_label,
    resolve_labels,
)
from ocr.times.reading import Reading, has_clock, is_time_text, read_moment, split_trailing_time
from ocr.times.resolving import Moment, parse_moment, resolve

__all__ = [
    "LABEL_JOIN",
    "Moment",
    "Reading",
    "apply_labels",
    "choose_day_first",
    "has_clock",
    "is_time_text",
    "make_label",
    "parse_moment",
    "read_moment",
    "resolve",
    "resolve_label",
    "resolve_labels",
    "split_trailing_time",
]
