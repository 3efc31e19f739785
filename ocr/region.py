"""Read one box the user drew over a message the layout parser missed.

Why a module of its own: when the page parser skips a bubble or a row, typing
the message in is slow and error-prone for a stressed user, and the engine
can usually read it perfectly once told where it is. The box is read as ONE
unit of the screenshot's layout, by the same rules the parsers use:

* a thread (SMS or chat): one bubble. A bubble on the right is the user's
  own (sender ``me``); one on the left is the other party, the thread title;
  a time text inside the box (a separator drawn above the bubble, or a clock
  beside it) is its time;
* a list (SMS list, call log): one message per row. Rows are told apart by
  the engine's line geometry: the gap between two rows is clearly wider than
  the gap between the lines of one row. A row's first line is the sender
  (with the time printed at its right end), the lines under it the snippet
  (for a call, the duration).

Coordinates are image pixels, as everywhere in :mod:`ocr.model`.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from pathlib import Path
from statistics import median

import numpy as np

from ocr.engines.registry import get_engine
from ocr.layouts.row_text import sender_text, split_glued_time, strip_ellipsis
from ocr.model import ME, Box, Direction, ExtractedMessage, Kind, Layout, TimeSource
from ocr.preprocess import dominant_color, saturation
from ocr.recognition import Line, OcrEngine
from ocr.regions import Region, read_by_canvas, read_regions, rows_of
from ocr.text import join_cjk, join_lines, normalise_number
from ocr.times import Moment, parse_moment, split_trailing_time

# Air around the drawn box (a share of the page width, at least MIN_MARGIN px):
# people draw tight, and a stroke cut by the box edge reads as another glyph.
MARGIN_SHARE = 0.012
MIN_MARGIN = 6
# Below this size a box holds no line of text (a stray click-drag).
MIN_BOX_SIDE = 8
# Strips of a box (Tesseract): a row is content when a pixel differs from the box's
# border colour by more than STRIP_INK (anti-aliasing and JPEG noise stay under it);
# STRIP_GAP bare rows end a strip, which keeps STRIP_PAD rows of air around its ink.
STRIP_INK = 24
STRIP_GAP = 4
STRIP_PAD = 3
# A line's ink (for cutting it into pieces): list_rows' threshold, which keeps grey
# secondary text and drops dividers.
SEGMENT_INK = 48
# A bubble whose text sits this much (share of the width) nearer one side is on that
# side; a long one spanning the screen is told by its fill (outgoing bubbles are green
# or blue, incoming white or grey: the thread parsers' rule).
SIDE_MARGIN = 0.15
OUTGOING_SATURATION = 40
# Between two list rows the gap is at least this many line heights; between the
# lines of one row it is well under one (name and snippet sit close together).
ROW_GAP_LINES = 0.9
# Two pieces are on one visual line when their centres are this share of a line height apart or less.
LEVEL_SHARE = 0.35
# A call row's duration at the end of its second line: 3秒, 1分23秒, 1小时2分3秒.
_DURATION = re.compile(r"(?:(\d{1,2})小时)?(?:(\d{1,3})分钟?)?(\d{1,2})秒$")
# An info icon or a mark read as Latin scraps and brackets glued after a row's time ("10月4日《GD)").
_TRAILING_ICON = re.compile(r"[\s(（《<\[“”\"']*[A-Za-z]{0,3}[)）》>\]“”\"']*$")
_LEADING_JUNK = re.compile(r"^[^\w\u3400-\u9fff+]+")
_WORDLIKE = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_MISSED_WORDS = ("未接", "响一声", "Missed", "missed")
_OUTGOING_WORDS = ("呼出", "已拨", "Outgoing", "outgoing")
# A missed call's name is red on every phone: this share of its ink being red.
RED_SHARE = 0.3

_KIND = {
    Layout.SMS_THREAD: Kind.SMS,
    Layout.SMS_INBOX: Kind.SMS,
    Layout.CHAT_THREAD: Kind.CHAT,
    Layout.CALL_LOG: Kind.CALL,
}


def read_region(
    image: np.ndarray | str | Path | bytes,
    box: Box,
    layout: Layout | None,
    captured_at: datetime | None,
    thread_title: str | None,
    engine: OcrEngine | str | None = None,
) -> list[ExtractedMessage]:
    """The message(s) in ``box``, read as one unit of ``layout`` (None: an SMS thread).

    Returns an empty list when nothing legible is inside: the window then lets
    the user type the text. ``EngineMissing`` / ``EngineFailed`` propagate.
    """
    if not isinstance(image, np.ndarray):
        from ocr.extract import load_image

        image, _meta = load_image(image)
    eng = get_engine(engine or "auto") if engine is None or isinstance(engine, str) else engine
    h, w = image.shape[:2]
    x0, y0 = max(0, box.x), max(0, box.y)
    x1, y1 = min(w, box.x + box.w), min(h, box.y + box.h)
    if x1 - x0 < MIN_BOX_SIDE or y1 - y0 < MIN_BOX_SIDE:
        return []
    box = Box(x0, y0, x1 - x0, y1 - y0)
    layout = layout or Layout.SMS_THREAD
    is_list = layout in (Layout.SMS_INBOX, Layout.CALL_LOG)
    lines = _lines_in(eng, image, box, strips=not is_list)
    if not lines:
        return []
    kind = _KIND[layout]
    if is_list:
        rows = split_rows(lines)
        out = [_row_message(image, box, row, kind, captured_at) for row in rows]
        return [m for m in out if m is not None]
    bubble = _bubble_message(image, lines, kind, captured_at, thread_title)
    return [bubble] if bubble is not None else []


def _lines_in(engine: OcrEngine, image: np.ndarray, box: Box, *, strips: bool) -> list[Line]:
    """The engine's lines inside the box, in page pixels.

    A page-reading engine (RapidOCR) reads the crop by itself (reading the
    whole page for one box would cost the page's time); Tesseract gets the
    crop scaled and binarised as the parsers give it regions: in a thread
    strip by strip (a separator on the page and a bubble's fill need their
    own thresholds), in a list as one region (rows share one background).
    """
    h, w = image.shape[:2]
    margin = max(MIN_MARGIN, int(w * MARGIN_SHARE))
    if getattr(engine, "prefers_page", False):
        x0, y0 = max(0, box.x - margin), max(0, box.y - margin)
        crop = np.ascontiguousarray(image[y0 : min(h, box.y + box.h + margin), x0 : min(w, box.x + box.w + margin)])
        lines = [
            Line(ln.text, ln.confidence, Box(ln.box.x + x0, ln.box.y + y0, ln.box.w, ln.box.h))
            for ln in engine.recognize(crop)
        ]
    else:
        boxes = _strips(image, box, margin) if strips else [Box(box.x - margin, box.y - margin,
                                                                 box.w + 2 * margin, box.h + 2 * margin)]
        # Every line the engine returned is kept (it already drops the hopeless ones): the user
        # says there is a message here, and a masked ID number reads weakly but is the evidence.
        # ``read_regions`` would judge each strip alone, and a strip can be one weak line.
        lines = [ln for found in read_by_canvas(engine, image, [Region(b) for b in boxes]) for ln in found]
        if not strips:
            lines = _by_segments(engine, image, lines)
    # Only what is inside the box counts: a line of a neighbour caught by the margin is not the user's.
    # An avatar or an icon reads as a symbol ("●", "<"): no word in it, and as tall as two lines,
    # it would glue a row's name and snippet into one visual line.
    inside = [ln for ln in lines if ln.box.centre_in(box) and _WORDLIKE.search(ln.text)]
    return sorted(inside, key=lambda ln: (ln.box.y + ln.box.h / 2, ln.box.x))


def _strips(image: np.ndarray, box: Box, margin: int) -> list[Box]:
    """The box cut into horizontal strips of content separated by bare background.

    Each strip is binarised on its own (``ocr.regions``): a grey time separator
    on the page and a black line in a white bubble need different thresholds,
    and one threshold for the whole box loses the separator.
    """
    h, w = image.shape[:2]
    x0, x1 = max(0, box.x - margin), min(w, box.x + box.w + margin)
    y0, y1 = max(0, box.y - margin), min(h, box.y + box.h + margin)
    crop = image[y0:y1, x0:x1].astype(np.int16)
    if crop.ndim == 2:
        crop = crop[..., None]
    border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    bg = np.median(border, axis=0)
    busy = (np.abs(crop - bg).max(axis=2) > STRIP_INK).any(axis=1)
    out: list[Box] = []
    start: int | None = None
    blank = 0
    for y, on in enumerate([*busy.tolist(), False]):
        if on:
            if start is None:
                start = y
            blank = 0
            continue
        if start is None:
            continue
        blank += 1
        if blank >= STRIP_GAP or y == len(busy):
            top, bottom = max(0, start - STRIP_PAD), min(len(busy), y - blank + 1 + STRIP_PAD)
            if bottom - top >= MIN_BOX_SIDE:
                out.append(Box(x0, y0 + top, x1 - x0, bottom - top))
            start, blank = None, 0
    return out or [Box(x0, y0, x1 - x0, y1 - y0)]


def _segments(image: np.ndarray, line: Box) -> list[Box]:
    """A line's runs of ink split at blanks wider than its height (a name, then far right a time)."""
    crop = image[line.y : line.y + line.h, line.x : line.x + line.w].astype(np.int16)
    if crop.size == 0 or crop.ndim != 3:
        return [line]
    border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    ink = (np.abs(crop - np.median(border, axis=0)).max(axis=2) > SEGMENT_INK).any(axis=0)
    out: list[Box] = []
    start: int | None = None
    last = 0
    for x, on in enumerate(ink.tolist()):
        if on:
            if start is not None and x - last > line.h:
                out.append(Box(line.x + start, line.y, last - start + 1, line.h))
                start = None
            if start is None:
                start = x
            last = x
    if start is not None:
        out.append(Box(line.x + start, line.y, last - start + 1, line.h))
    return out or [line]


def _by_segments(engine: OcrEngine, image: np.ndarray, lines: list[Line]) -> list[Line]:
    """Lines with wide blanks inside read again piece by piece (Tesseract, list rows).

    Tesseract reads a row's first line (a name, a wide blank, the time) as one
    line and then loses characters next to the blank (``王经理 … 昨天`` came
    back as ``王经昨天``); each piece on its own reads whole, as the list
    parsers read segments. One more engine call for every line of the box.
    """
    pieces = [_segments(image, ln.box) for ln in lines]
    todo = [(i, b) for i, segs in enumerate(pieces) if len(segs) > 1 for b in segs]
    if not todo:
        return lines
    pad = max(2, int(0.15 * median(b.h for _i, b in todo)))
    read = read_regions(engine, image, [Region(b, pad=pad, weak_lines_ok=True) for _i, b in todo])
    by_line: dict[int, list[Line]] = {}
    for (i, b), found in zip(todo, read, strict=True):
        text = join_cjk(" ".join(ln.text for ln in found))
        if text:
            by_line.setdefault(i, []).append(Line(text, _confidence(found), b))
    out: list[Line] = []
    for i, ln in enumerate(lines):
        out += by_line.get(i) or [ln]
    return out


def _confidence(lines: list[Line]) -> float:
    total = sum(max(1, len(ln.text)) for ln in lines)
    return sum(ln.confidence * max(1, len(ln.text)) for ln in lines) / max(1, total)


def _row_text(row: list[Line]) -> str:
    return join_cjk(" ".join(ln.text for ln in row))


# --- a bubble -------------------------------------------------------------------------------


def _bubble_message(
    image: np.ndarray, lines: list[Line], kind: Kind, captured_at: datetime | None, title: str | None
) -> ExtractedMessage | None:
    """One bubble: the time lines in the box give its time, the rest its text."""
    moment: Moment | None = None
    time_lines: list[Line] = []
    body_rows: list[list[Line]] = []
    for row in rows_of(lines):
        text = _row_text(row)
        m = parse_moment(text, captured_at)
        if m is not None and moment is None:
            moment, time_lines = m, row
            continue
        split = split_trailing_time(text)
        if split is not None and moment is None:
            # A clock printed beside the bubble's last line (Samsung) read as one line with it.
            m = parse_moment(split[1], captured_at)
            if m is not None:
                moment, time_lines = m, row
                body_rows.append([Line(split[0], _confidence(row), Box.union([ln.box for ln in row]))])
                continue
        body_rows.append(row)
    if not body_rows:
        return None
    body = [ln for row in body_rows for ln in row]
    text_box = Box.union([ln.box for ln in body])
    outgoing = _is_outgoing(image, text_box)
    direction = Direction.OUTGOING if outgoing else Direction.INCOMING
    sender = ME if outgoing else (normalise_number(title) if title else None)
    minute = moment.minute if moment else None
    conf = _confidence(body)
    field_conf = {"text": conf}
    if time_lines:
        field_conf["time"] = _confidence(time_lines)
    return ExtractedMessage(
        kind=kind,
        direction=direction,
        sender=sender,
        time=minute,
        text=join_lines([_row_text(r) for r in body_rows]),
        box=text_box,
        confidence=conf,
        time_source=TimeSource.SEPARATOR if minute else None,
        field_confidence=field_conf,
        date=moment.date if moment else None,
    )


def _is_outgoing(image: np.ndarray, text: Box) -> bool:
    """The user's own bubble: clearly on the right, or (a long bubble spanning the
    screen) filled with a saturated colour, as the thread parsers decide."""
    w = image.shape[1]
    left, right = text.x, w - (text.x + text.w)
    if abs(left - right) > w * SIDE_MARGIN:
        return right < left
    fill = dominant_color(image[text.y : text.y + text.h, text.x : text.x + text.w])
    return saturation(fill) > OUTGOING_SATURATION


# --- list rows --------------------------------------------------------------------------------


def split_rows(lines: list[Line]) -> list[list[list[Line]]]:
    """Visual lines → list rows: a new row starts after a gap of about a line height or more.

    Within a row the name and the snippet sit close (a third to a half of a
    line height apart); rows are separated by their padding, a divider, or a
    card edge, which is clearly more. When every gap is small the box holds
    one row.
    """
    visual = _visual_lines(lines)
    if not visual:
        return []
    height = median(max(ln.box.h for ln in row) for row in visual)
    rows: list[list[list[Line]]] = [[visual[0]]]
    for prev, cur in itertools.pairwise(visual):
        gap = min(ln.box.y for ln in cur) - max(ln.box.y + ln.box.h for ln in prev)
        if gap >= ROW_GAP_LINES * height:
            rows.append([cur])
        else:
            rows[-1].append(cur)
    return rows


def _visual_lines(lines: list[Line]) -> list[list[Line]]:
    """Lines → visual lines, left to right; stricter than ``rows_of``.

    A piece joins a visual line only when its centre is level with the line's
    (within a third of the smaller height): an iOS call log centres the time
    between the name and the place under it, and a looser rule chains all
    three into one line.
    """
    out: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: x.box.y + x.box.h / 2):
        cy = ln.box.y + ln.box.h / 2
        for vis in out:
            vy = sum(v.box.y + v.box.h / 2 for v in vis) / len(vis)
            vh = min(v.box.h for v in vis)
            if abs(cy - vy) < LEVEL_SHARE * min(vh, ln.box.h):
                vis.append(ln)
                break
        else:
            out.append([ln])
    for vis in out:
        vis.sort(key=lambda x: x.box.x)
    out.sort(key=lambda vis: min(v.box.y for v in vis))
    return out


def _name_and_time(first: list[Line]) -> tuple[str, str | None, list[Line]]:
    """A row's first line → (name, time text or None, the lines holding the time).

    Read in pieces, the name is the first piece and the time the right-most
    piece that reads as one (an info icon or a mark after it is dropped, as
    the list parsers do).
    """
    if len(first) > 1:
        for i in range(len(first) - 1, 0, -1):
            t = _TRAILING_ICON.sub("", first[i].text)
            if _is_time(t):
                return _row_text(first[:1]), t, [first[i]]
        return _row_text(first[:1]), None, []
    text = _row_text(first)
    for cand in (text, _TRAILING_ICON.sub("", text)):
        split = split_trailing_time(cand) or split_glued_time(cand)
        if split is not None:
            return split[0], split[1], first
    return text, None, []


def _is_time(text: str) -> bool:
    from ocr.times import is_time_text

    return is_time_text(text)


def _row_message(
    image: np.ndarray, box: Box, row: list[list[Line]], kind: Kind, captured_at: datetime | None
) -> ExtractedMessage | None:
    first, rest = row[0], row[1:]
    name, time_text, time_lines = _name_and_time(first)
    if time_text is None:
        # iOS call logs centre the time between the two lines; any line that is only a time will do.
        for i, vis in enumerate(rest):
            t = _TRAILING_ICON.sub("", _row_text(vis))
            if _is_time(t):
                time_text, time_lines = t, vis
                rest = rest[:i] + rest[i + 1 :]
                break
    # An icon left of the name (iOS's handset on an outgoing call) is read as punctuation glued to it.
    icon_before = _LEADING_JUNK.match(name)
    sender = sender_text(_LEADING_JUNK.sub("", name)) or None
    moment = parse_moment(time_text, captured_at) if time_text else None
    minute = moment.minute if moment else None
    all_lines = [ln for vis in row for ln in vis]
    name_lines = [ln for ln in first if ln not in time_lines] or first
    field_conf = {"sender": _confidence(name_lines)}
    if time_lines:
        field_conf["time"] = _confidence(time_lines)
    snippet = strip_ellipsis(join_lines([_row_text(vis) for vis in rest]))
    direction = Direction.INCOMING
    duration_s: int | None = None
    text = snippet
    if kind is Kind.CALL:
        text, duration_s = _duration(snippet)
        name_box = Box.union([ln.box for ln in name_lines])
        if _is_red(image, name_box) or any(w in snippet for w in _MISSED_WORDS):
            direction = Direction.MISSED
        elif (
            any(w in snippet for w in _OUTGOING_WORDS)
            or icon_before is not None
            or _handset_left_of(image, box, name_box)
        ):
            direction = Direction.OUTGOING
    elif rest:
        field_conf["text"] = _confidence([ln for vis in rest for ln in vis])
    if sender is None and not text and minute is None:
        return None
    return ExtractedMessage(
        kind=kind,
        direction=direction,
        sender=sender,
        time=minute,
        text=text,
        box=Box.union([ln.box for ln in all_lines]),
        confidence=_confidence(all_lines),
        time_source=TimeSource.ROW if minute else None,
        duration_s=duration_s,
        field_confidence=field_conf,
        date=moment.date if moment else None,
    )


def _duration(second_line: str) -> tuple[str, int | None]:
    """A call's text is its duration as shown (SCHEMA), or "" when the row shows none."""
    m = _DURATION.search(second_line.replace(" ", ""))
    if not m:
        return "", None
    h, mi, sec = (int(g) if g else 0 for g in m.groups())
    return m.group(0), h * 3600 + mi * 60 + sec


def _handset_left_of(image: np.ndarray, box: Box, name: Box) -> bool:
    """iOS marks an outgoing call with a small handset icon left of the name (the call-log
    parser's rule): a mark no bigger than the name's height, between the box edge and the name.
    An avatar is bigger, and nothing there means an incoming call."""
    h = name.h
    x0, x1 = box.x, name.x - max(2, h // 5)
    y0, y1 = max(0, name.y - h // 4), name.y + h + h // 4
    crop = image[y0:y1, x0:x1].astype(np.int16)
    if crop.size == 0 or crop.ndim != 3 or x1 - x0 < 4:
        return False
    border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    ink = np.abs(crop - np.median(border, axis=0)).max(axis=2) > SEGMENT_INK
    ys, xs = np.nonzero(ink)
    if xs.size < 8:
        return False
    iw, ih = int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)
    return 0.3 * h <= max(iw, ih) <= 1.3 * h


def _is_red(image: np.ndarray, box: Box) -> bool:
    """Whether the text in ``box`` is drawn in red (a missed call's name)."""
    crop = image[box.y : box.y + box.h, box.x : box.x + box.w].astype(np.int16)
    if crop.size == 0 or crop.ndim != 3:
        return False
    b, g, r = crop[..., 0], crop[..., 1], crop[..., 2]
    spread = crop.max(axis=2) - crop.min(axis=2)
    ink = spread > 60  # coloured pixels; black and grey text have none
    grey_ink = (crop.max(axis=2) < 120) & ~ink
    total = int(ink.sum() + grey_ink.sum())
    red = int((ink & (r > g + 60) & (r > b + 60)).sum())
    return total > 0 and red / total >= RED_SHARE
