"""Which strings to redact, and where they are on a screenshot.

The values come from the project's own rules (``casefile.tagging``: the ID
number check digit, the Luhn / 卡号 card check) plus third parties' mobile
numbers and the strings the user listed (a home address). Collectors' numbers
are never offered: 12321, the police and the association need them in full.

Where: an OCR line gives one box for a whole line, so the span of a value
inside it is placed by proportional glyph width: a CJK or full-width glyph
is two units wide, anything else one. That is close enough on phone fonts
once the box is padded (``PAD_PX``), and the user can still move boxes.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from casefile.parties import normalise_sender
from casefile.redactions import RedactionBox
from casefile.tagging import find_card_numbers, find_id_numbers, is_id_number
from export.redaction.address import address_pattern
from ocr.recognition import Line

# Padding around a located span, in pixels: covers the error of the proportional
# estimate (about half a glyph on a 1080-wide screenshot) and anti-aliased edges.
PAD_PX = 6
# A line continues on the next one when the gap between them is at most this many line heights
# (chat bubbles set lines about 0.3–0.6 heights apart; a new bubble starts further down).
NEXT_LINE_GAP = 1.0
# Mainland mobile numbers: 11 digits starting 13–19 (the numbers a third party gives).
_MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# Separators people and OCR put inside long numbers ("6222 0212 …", "138-0013-8000").
_SEPARATOR_RE = re.compile(r"(?<=\d)[ \u3000\-](?=\d)")


@dataclass(frozen=True, slots=True)
class Sensitive:
    """A value to mask and what kind it is."""

    kind: str  # id-number | card-number | phone | address
    value: str


def squeeze(text: str) -> str:
    """Digits joined across the separators inside a number; letters lower-cased (``x`` of an ID)."""
    return _SEPARATOR_RE.sub("", unicodedata.normalize("NFKC", text)).lower()


def sensitive_values(
    texts: Iterable[str], *, collectors: Iterable[str] = (), extra: Iterable[str] = ()
) -> list[Sensitive]:
    """Every value to redact found in ``texts``, each once, collectors' numbers excluded."""
    keep = {normalise_sender(c) for c in collectors}
    seen: dict[str, Sensitive] = {}
    for text in texts:
        norm = squeeze(text)
        for v in find_id_numbers(norm):
            seen.setdefault(v, Sensitive("id-number", v))
        for v in find_card_numbers(norm, ("卡号", "银行卡", "卡")):
            seen.setdefault(v, Sensitive("card-number", v))
        for m in _MOBILE_RE.finditer(norm):
            if m.group() not in keep and normalise_sender(m.group()) not in keep:
                seen.setdefault(m.group(), Sensitive("phone", m.group()))
    for v in extra:
        if v.strip():
            kind = "id-number" if is_id_number(squeeze(v.strip())) else "address"
            seen.setdefault(v.strip(), Sensitive(kind, v.strip()))
    return list(seen.values())


def glyph_units(ch: str) -> int:
    """Relative advance width: 2 for CJK and full-width glyphs, 1 otherwise."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def value_pattern(value: str) -> re.Pattern[str]:
    """Matches ``value`` with optional separators between its characters, case-insensitive."""
    return re.compile(r"[ \u3000\-]?".join(re.escape(c) for c in value), re.IGNORECASE)


def pattern_for(value: Sensitive) -> re.Pattern[str]:
    """An address or a value the user typed is matched as written by people (``address``); a number exactly."""
    return address_pattern(value.value) if value.kind == "address" else value_pattern(value.value)


def _text(line: Line) -> str:
    text = unicodedata.normalize("NFKC", line.text)
    return text if len(text) == len(line.text) else line.text  # NFKC changed the length: keep glyph positions exact


def _span_box(line: Line, start: int, end: int, width: int, height: int, kind: str) -> RedactionBox:
    """The padded box over characters ``start:end`` of a line, placed by proportional glyph width."""
    units = [glyph_units(c) for c in line.text]
    total = sum(units) or 1
    before, span = sum(units[:start]), sum(units[start:end])
    b = line.box
    x0 = b.x + b.w * before / total - PAD_PX
    x1 = b.x + b.w * (before + span) / total + PAD_PX
    x0i, y0i = max(0, int(x0)), max(0, b.y - PAD_PX)
    x1i, y1i = min(width, math.ceil(x1)), min(height, b.y + b.h + PAD_PX)
    return RedactionBox(x0i, y0i, x1i - x0i, y1i - y0i, kind)


def _next_lines(lines: Sequence[Line]) -> list[tuple[Line, Line]]:
    """Each line with the one right below it (a wrapped bubble or address continues there)."""
    ordered = sorted(lines, key=lambda ln: (ln.box.y, ln.box.x))
    pairs = []
    for a, b in itertools.pairwise(ordered):
        gap = b.box.y - (a.box.y + a.box.h)
        if gap <= a.box.h * NEXT_LINE_GAP and b.box.x < a.box.x + a.box.w and a.box.x < b.box.x + b.box.w:
            pairs.append((a, b))
    return pairs


def locate(value: Sensitive, lines: Sequence[Line], width: int, height: int) -> list[RedactionBox]:
    """Boxes covering each occurrence of ``value`` on the lines, padded and kept inside the image.

    An address (or a typed value) may also run from the end of one line into the next:
    then each line gets a box over its part.
    """
    pat = pattern_for(value)
    out = [
        _span_box(line, m.start(), m.end(), width, height, value.kind)
        for line in lines
        for m in pat.finditer(_text(line))
    ]
    if value.kind != "address":
        return out
    for a, b in _next_lines(lines):
        ta, tb = _text(a), _text(b)
        for m in pat.finditer(ta + tb):
            if m.start() < len(ta) < m.end():  # only matches that cross the break: the rest is found above
                out.append(_span_box(a, m.start(), len(ta), width, height, value.kind))
                out.append(_span_box(b, 0, m.end() - len(ta), width, height, value.kind))
    return list({bx.key(): bx for bx in out}.values())  # a tail found on its own line and across the break


def find_boxes(
    lines: Sequence[Line], width: int, height: int, values: Sequence[Sensitive]
) -> list[RedactionBox]:
    """Boxes for the given values, plus any ID or card number the rules find on a line itself."""
    own = sensitive_values(ln.text for ln in lines)
    by_value = {v.value: v for v in values}
    for s in own:
        if s.kind in ("id-number", "card-number"):
            by_value.setdefault(s.value, s)
    boxes: list[RedactionBox] = []
    for v in by_value.values():
        boxes.extend(locate(v, lines, width, height))
    return boxes
