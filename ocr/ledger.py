"""What became of every line the engine read: a message, system chrome, or ``unassigned``.

The data rules say nothing a user gave us is silently lost, and the OCR is
the user's evidence: a layout guessed wrong or a row the parser could not
make sense of must not make text the engine read disappear. Line consumption
is judged here, in one place, by position, for every parser alike:

* lines in the status bar, the title bar or under the input bar / navigation
  bar are chrome (the title, when it matters, is ``thread_title``);
* a line inside a message's box (with a margin for the member name above a
  bubble and the clock beside it) belongs to that message;
* a line that is only a time is a separator or a row's time when a message
  took it as its time label (``time_text``); a time no message used (a
  separator above nothing, a row's time the parser missed) stays unassigned;
* everything else is unassigned, and the review pane offers it to the user.

The same measure, taken on the page's structure instead of on lines, tells
the extractor how much of a page a parser's reading explains (``coverage``).
"""

from __future__ import annotations

import unicodedata

from ocr.model import Box, ExtractedMessage, Kind, UnassignedLine
from ocr.page import Page
from ocr.recognition import Line
from ocr.times import LABEL_JOIN, is_time_text

# How far around a message's box a line still belongs to it, in page widths:
# a group member's name sits just above its bubble, a Samsung clock beside it.
MARGIN_Y = 0.04
MARGIN_X = 0.14


def _near(b: Box, boxes: list[Box], w: int) -> bool:
    cx, cy = b.centre
    mx, my = MARGIN_X * w, MARGIN_Y * w
    return any(o.x - mx <= cx <= o.x + o.w + mx and o.y - my <= cy <= o.y + o.h + my for o in boxes)


def is_chrome(b: Box, page: Page) -> bool:
    """Status bar, title bar, input bar or navigation bar."""
    _, cy = b.centre
    return cy < page.header_bottom or cy > page.footer_top


def unassigned(lines: list[Line], page: Page, messages: list[ExtractedMessage], *, keep_chrome: bool = False) -> list[UnassignedLine]:
    """The lines no message took, outside chrome (``keep_chrome``: outside the status bar only)."""
    boxes = [m.box for m in messages if m.box is not None and not _reads_nothing(m)]
    # A picture (a message with no text) takes only its sender's name: a line
    # inside its box is text no message holds (a bubble whose fill was not
    # found, read as a picture), and stays offered to the user.
    pictures = [m.box for m in messages if m.box is not None and _reads_nothing(m)]
    senders = {_compact(m.sender) for m in messages if m.sender}
    used_times = _used_times(messages)
    out: list[UnassignedLine] = []
    seen: list[Box] = []
    for ln in sorted(lines, key=lambda ln: (ln.box.y, ln.box.x)):
        text = ln.text.strip()
        if not text:
            continue
        if keep_chrome:
            if ln.box.centre[1] < page.status_bottom:
                continue
        elif is_chrome(ln.box, page):
            continue
        if _near(ln.box, boxes, page.width) or (is_time_text(text) and _compact(text) in used_times):
            continue
        if _near(ln.box, pictures, page.width) and _compact(text) in senders:
            continue
        if any(_overlap(ln.box, s) > 0.6 for s in seen):
            continue  # the same pixels read twice (a second zoom)
        seen.append(ln.box)
        out.append(UnassignedLine(text, ln.box, ln.confidence))
    return out


def _reads_nothing(m: ExtractedMessage) -> bool:
    """A message with no words of its own: a picture, a sticker (a call's text is its duration, often empty)."""
    return not m.text.strip() and m.kind is not Kind.CALL


def _compact(text: str) -> str:
    """A time text compared without blanks and width variants (``14：32`` is ``14:32``)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _used_times(messages: list[ExtractedMessage]) -> set[str]:
    """Every time text a message took as (part of) its label, without blanks."""
    out: set[str] = set()
    for m in messages:
        for part in (m.time_text or "").split(LABEL_JOIN):
            if part.strip():
                out.add(_compact(part))
    return out


def _overlap(a: Box, b: Box) -> float:
    x = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    y = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    if x <= 0 or y <= 0:
        return 0.0
    return x * y / max(1, min(a.w * a.h, b.w * b.h))


def coverage(page: Page, messages: list[ExtractedMessage]) -> float:
    """The share of the content's units (text lines and filled blocks, by height) inside messages.

    Engine-independent: a thread parser reading a list finds one "bubble" (a
    swiped row) and leaves every other row's text outside it; a list parser
    reading a thread still puts most bubbles in rows.
    """
    boxes = [m.box for m in messages if m.box is not None]
    units = [t.box for t in page.bands] + [b.box for b in page.blocks if not page.is_avatar(b)]
    total = float(sum(u.h for u in units))
    if total <= 0:
        return 1.0 if messages else 0.0
    inside = float(sum(u.h for u in units if _near(u, boxes, page.width)))
    return inside / total
