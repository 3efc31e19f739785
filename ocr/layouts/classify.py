"""Which kind of screen a screenshot shows, and which parser reads it.

The user is never asked: people harassed by collectors drop dozens of mixed
screenshots at once. Every layout is *scored* on the page's units, and the
best score wins; the scores are kept in the extraction so the window can say
how sure the guess was, and so the extractor can try the runner-up when the
winner's reading leaves most of the page unread.

The units and what they say:

* bubbles (``bubbles.bubble_blocks``, the one definition of a bubble) hold a
  thread's text. A list draws its text on the background or on *cards*:
  blocks spanning the content width, or side by side (filter chips), or
  touching the screen's edge (a row swiped sideways) are list evidence, not
  bubbles. What decides is the share of the page's text that sits in bubbles,
  not whether one filled block exists;
* rows at a regular pitch (``list_rows``) with a picture in front are a list;
* words: title words in Chinese and English (信息/短信/Messages against
  通话记录/最近通话/Recents/History/Call log), durations, call marks
  (未接, 响一声, 骚扰电话), carrier and place labels, snippets with a
  sender's brackets 【…】 or links. They come from the engine's reading of the
  page when the engine reads whole pages (the parser needs that reading
  anyway), else from one small reading of what lies above a list's rows
  (title bar, search field, tabs), which no parser reads; the rows' words
  are weighed once the list parser has read them (``rescore_with``), so no
  row is read twice to choose the layout.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

import numpy as np

from ocr.layouts import call_log, chat_thread, list_rows, sms_inbox, sms_thread
from ocr.layouts.base import LayoutParser
from ocr.layouts.bubbles import bubble_blocks, caption_of_bubble_above
from ocr.layouts.row_reading import LIST_PAGE
from ocr.logsafe import log_error
from ocr.model import Box, Layout
from ocr.page import AVATAR_MARGIN, Page, analyse
from ocr.preprocess import Block
from ocr.recognition import Line, OcrEngine, prefers_page
from ocr.regions import Region, read_regions

log = logging.getLogger(__name__)

PARSERS: dict[Layout, LayoutParser] = {
    Layout.SMS_THREAD: sms_thread.PARSER,
    Layout.CHAT_THREAD: chat_thread.PARSER,
    Layout.SMS_INBOX: sms_inbox.PARSER,
    Layout.CALL_LOG: call_log.PARSER,
}

# Words that only a call log shows (title, tabs, row marks), Chinese and English.
_CALL_WORDS = re.compile(
    r"通话记录|最近通话|通话|未接|来电|去电|呼入|呼出|拨号|拨打|拒接|响一声|骚扰|诈骗电话|推销|快递外卖|标记|"
    r"拨号盘|\bRecents?\b|\bHistory\b|\bCall ?logs?\b|\bCalls?\b|\bMissed\b|\bIncoming\b|"
    r"\bOutgoing\b|\bKeypad\b|\bDialer\b",
    re.IGNORECASE,
)
# The phone app's other tabs: a call log's neighbours, but also an action
# sheet's (收藏) or a messaging app's (联系人) words, so they weigh little.
_CALL_TAB_WORDS = re.compile(r"通讯录|联系人|收藏|\bContacts\b|\bFavou?rites\b", re.IGNORECASE)
# Words of an SMS list: its title, and what snippets of collectors' texts carry.
# Not 搜索 (search): call logs have a search field too, and with the title
# misread (最近通话 as 取近i_话) it made a call log an SMS list.
_INBOX_WORDS = re.compile(
    r"信息|短信|消息|彩信|编辑|验证码|退订|回复|【[^】]{1,12}】|https?://|\bMessages?\b|\bSMS\b|\bInbox\b|"
    r"\bConversations?\b|\bChats?\b",
    re.IGNORECASE,
)
# A call's duration (3秒, 1分23秒, 2 min 5 s, 0:45 is a clock and does not count).
# Not a span or a relative time: an SMS says 5分钟内有效, 24小时后, a list row
# 12 min. ago, 3分钟前.
_DURATION = re.compile(
    r"\d+\s*(?:秒|分钟|分\d+秒|小时)(?![内后前以])|\b\d+\s*(?:s|sec|secs|min|mins)\b(?!\.?\s*ago)",
    re.IGNORECASE,
)
# A call log's labels (a mark, a place, a duration) are short; an SMS snippet
# is a sentence that may well say 来电 or 通话. Call words count only on lines
# up to this many characters (the longest call-row label measured on the
# skins' phrase banks, 内蒙古呼和浩特联通 + a duration, is 14).
SHORT_LABEL = 16
# A second label on a call-log row: the number's place or carrier.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:移动|联通|电信|广电)$|^(?:中国)?(?:移动|联通|电信)$|[省市]$")

# How a share of the page's text in bubbles becomes a thread score: below the
# low end the page is a list whatever else it shows (a swiped row, a badge);
# above the high end it is a thread.
THREAD_SHARE_LOW = 0.25
THREAD_SHARE_HIGH = 0.55


# What a canvas-reading engine reads for words above a list's rows, in page
# widths: a title bar thinner than TITLE_BAR_MIN holds no title (a crop that
# starts with content), and is read apart only when the band under it, down
# to the first row, is at least CHROME_BAND_MIN tall (list text is 0.027 to
# 0.041 of the width tall on the dev and realworld lists: a thinner band holds
# no line of its own); nothing further than TITLE_BAR_MAX below the status
# bar is read (rows found late: the list parser reads what it finds there).
TITLE_BAR_MIN = 0.03
CHROME_BAND_MIN = 0.02
TITLE_BAR_MAX = 0.45


# Where ``layout_scores`` leaves the page's evidence, for a second look once
# the parser has read the rows (``rescore_with``).
EVIDENCE = "layout_evidence"


@dataclass(slots=True)
class Evidence:
    """What the units of a page say, before any layout is chosen."""

    bubbles: list[Block]
    cards: list[Block]
    bubble_share: float
    rows: int
    row_regularity: float
    leading_pictures: float
    call_words: int
    call_tabs: int
    inbox_words: int
    durations: int
    places: int
    long_lines: int
    chat_avatars: bool


def parser_for(layout: Layout) -> LayoutParser:
    return PARSERS[layout]


def _side_by_side(a: Box, b: Box) -> bool:
    v = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return v > 0.5 * min(a.h, b.h) and (a.x + a.w <= b.x or b.x + b.w <= a.x)


def split_cards(page: Page, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Bubbles against list furniture: cards, chips and swiped rows are not bubbles.

    A bubble leaves the far side of the screen free (it is someone's side of a
    conversation), never touches the screen's edge, and never shares its line
    with another bubble.
    """
    w = page.width
    bubbles: list[Block] = []
    cards: list[Block] = []
    for b in blocks:
        left, right = b.box.x, w - (b.box.x + b.box.w)
        spans = left < w * 0.12 and right < w * 0.12
        at_edge = left <= 1 or right <= 1
        chip = any(o is not b and _side_by_side(b.box, o.box) for o in blocks)
        (cards if spans or at_edge or chip else bubbles).append(b)
    return bubbles, cards


def has_chat_avatars(page: Page, bubbles: list[Block]) -> bool:
    """A square (not round) picture right beside a bubble: the WeChat family."""
    w = page.width
    for a in page.blocks:
        if not page.is_avatar(a) or a.fill < 0.9:
            continue
        ab = a.box
        for bb in [b.box for b in bubbles] + [b.box for b in page.blocks if not page.is_avatar(b) and b.box.w >= w * 0.07]:
            v_overlap = min(ab.y + ab.h, bb.y + bb.h) - max(ab.y, bb.y)
            if v_overlap < min(ab.h, bb.h) * 0.3:
                continue
            gap = max(ab.x - (bb.x + bb.w), bb.x - (ab.x + ab.w))
            if 0 <= gap < w * 0.06:
                return True
    return False


def has_own_avatar(page: Page, bubbles: list[Block]) -> bool:
    """A picture of any shape right of a bubble on the right: the user's own avatar.

    Chat apps (WeChat, QQ, DingTalk) draw both parties' pictures; SMS apps
    draw at most the other party's, beside incoming bubbles on the left.
    """
    w = page.width
    for a in page.blocks:
        if not page.is_avatar(a) or a.box.x + a.box.w < w * (1 - AVATAR_MARGIN):
            continue
        ab = a.box
        for b in bubbles:
            bb = b.box
            v_overlap = min(ab.y + ab.h, bb.y + bb.h) - max(ab.y, bb.y)
            if v_overlap >= min(ab.h, bb.h) * 0.3 and 0 <= ab.x - (bb.x + bb.w) < w * 0.06:
                return True
    return False


def own_bubbles_reach_the_edge(page: Page, bubbles: list[Block]) -> bool:
    """The user's bubbles run into the margin where a chat app draws the user's avatar.

    SMS apps with square contact pictures (Google Messages, MIUI) look like
    WeChat on the left, but draw no picture of the user: their right-hand
    bubbles end at the screen's edge. A chat app keeps a column for the
    user's avatar there, on every row, whether or not the avatar is visible.
    """
    w = page.width
    return any(b.box.x > w * OWN_SIDE and b.box.x + b.box.w > w * (1 - AVATAR_MARGIN) for b in bubbles)


# A bubble starting this far right is the user's (an incoming one starts at
# the left margin or beside the other party's avatar, under 0.2 of the width).
OWN_SIDE = 0.2


def has_named_bubbles(page: Page, bubbles: list[Block]) -> bool:
    """Bubbles under a member's name, beside a picture of any shape: a chat app (groups, bots, DingTalk)."""
    w = page.width
    avatars = [a.box for a in page.blocks if page.is_avatar(a)]
    boxes = [b.box for b in bubbles]
    named = 0
    for b in bubbles:
        bb = b.box
        beside = any(
            0 <= max(a.x - (bb.x + bb.w), bb.x - (a.x + a.w)) < w * 0.08 and abs(a.y - bb.y) < a.h for a in avatars
        )
        # A clock printed under the bubble above is no name (nearer that bubble than this one).
        label = any(
            0 <= bb.y - (t.box.y + t.box.h) < w * 0.04 and abs(t.box.x - bb.x) < w * 0.03 and t.box.h < bb.h
            and not caption_of_bubble_above(t.box, boxes, bb.y - (t.box.y + t.box.h), overlap=0.0)
            for t in page.bands
        )
        named += beside and label
    return named >= 2


def _inside(inner: Box, outer: Box) -> bool:
    cx, cy = inner.x + inner.w / 2, inner.y + inner.h / 2
    return outer.x <= cx <= outer.x + outer.w and outer.y <= cy <= outer.y + outer.h


def _bubble_share(page: Page, bubbles: list[Block], cards: list[Block]) -> float:
    """The share of the content's text lines (by height) that sit inside bubbles."""
    in_bubbles = float(sum(b.box.h for b in bubbles))
    loose = float(sum(t.box.h for t in page.bands if not any(_inside(t.box, b.box) for b in bubbles)))
    # A card's text is a row's, however many lines it has.
    loose += sum(b.box.h for b in cards)
    total = in_bubbles + loose
    return in_bubbles / total if total > 0 else 0.0


def _row_evidence(
    image: np.ndarray, page: Page, notes: dict[str, object] | None
) -> tuple[int, float, float, int | None]:
    """Rows found by ``list_rows`` geometry: their number, how regular their pitch, how many lead with a picture.

    And where the first row starts (``None`` without rows): what lies above it
    is the list's chrome, which no list parser reads. The rows are left in
    ``notes`` for the list parsers, which need the same geometry.
    """
    lp = list_rows.analyse(image, top=page.header_bottom)
    if notes is not None:
        notes[LIST_PAGE] = lp
    rows = lp.rows
    first = rows[0].y0 if rows else None
    if len(rows) < 2:
        return len(rows), 0.0, 0.0, first
    starts = [r.y0 for r in rows]
    pitches = np.diff(starts)
    regular = 1.0 - min(1.0, float(np.std(pitches) / max(1.0, float(np.mean(pitches)))))
    w = page.width
    avatars = [b.box for b in page.blocks if page.is_avatar(b) and b.box.x < w * 0.3]
    pictured = sum(
        1 for r in rows
        if any(ln.left for ln in r.lines) or any(a.y <= (r.y0 + r.y1) / 2 <= a.y + a.h for a in avatars)
    )
    return len(rows), regular, pictured / len(rows), first


def _page_words(image: np.ndarray, page: Page, engine: OcrEngine | None, rows_top: int | None) -> list[Line]:
    """Text to weigh words on: the whole page from a page-reading engine, else what lies above the rows.

    A page-reading engine (RapidOCR) reads the page once for the parser too
    (``PageMemo``), so its words cost nothing here. A canvas-reading engine
    (Tesseract) would read the same pixels twice, once here and once in the
    parser: it reads only what no list parser reads, the title bar and the
    chrome between it and the first row (a large title, a search field, tabs
    such as 全部 / 未接), where the decisive words are (信息 / 通话记录 /
    Recents). The rows' own words (marks, durations, snippets) are weighed
    once the list parser has read them (``rescore_with``): reading the top
    rows here too cost a third of a list page's time (issue 11's speed target).
    """
    if engine is None:
        return []
    try:
        if prefers_page(engine):
            return [ln for ln in engine.recognize(image) if ln.box.y >= page.status_bottom - 2]
        return [ln for lst in read_regions(engine, image, _chrome_regions(page, rows_top)) for ln in lst]
    except Exception as exc:  # noqa: BLE001 - logged by type and frames (ocr.logsafe)
        log_error(log, "OCR for classification failed", exc, logging.WARNING)
        return []


def _chrome_regions(page: Page, rows_top: int | None) -> list[Region]:
    """What lies above the rows whole, and its title bar apart (one canvas).

    Each crop is binarised against its own border: a dark bar over a light
    list has two backgrounds, and the title bar's bottom found by the page
    model may cut a search field in two, which only the whole reads. Never
    more than ``TITLE_BAR_MAX`` of the width below the status bar; without
    rows, the title bar alone.
    """
    top, w = page.status_bottom, page.width
    limit = int(top + w * TITLE_BAR_MAX)
    mid = min(max(top, page.header_bottom), limit)
    bottom = max(mid, min(rows_top, limit)) if rows_top is not None else mid
    out: list[Region] = []
    if bottom - top >= w * TITLE_BAR_MIN:
        out.append(Region(Box(0, top, w, bottom - top), 0))
    if bottom - mid >= w * CHROME_BAND_MIN and mid - top >= w * TITLE_BAR_MIN:
        out.append(Region(Box(0, top, w, mid - top), 0))
    return out


def gather(
    image: np.ndarray, page: Page, engine: OcrEngine | None, notes: dict[str, object] | None = None
) -> Evidence:
    found = bubble_blocks(page)
    wide = [b for b in page.blocks if b not in found and not page.is_avatar(b) and b.box.w >= page.width * 0.93]
    bubbles, cards = split_cards(page, found + wide)
    share = _bubble_share(page, bubbles, cards)
    # A page whose text sits in bubbles is a thread whatever its rows: their
    # geometry is not worth finding.
    listed = share < THREAD_SHARE_HIGH
    rows, regular, pictured, rows_top = _row_evidence(image, page, notes) if listed else (0, 0.0, 0.0, None)
    lines = _page_words(image, page, engine, rows_top) if listed else []
    ev = Evidence(
        bubbles=bubbles,
        cards=cards,
        bubble_share=share,
        rows=rows,
        row_regularity=regular,
        leading_pictures=pictured,
        call_words=0,
        call_tabs=0,
        inbox_words=0,
        durations=0,
        places=0,
        long_lines=0,
        chat_avatars=bool(bubbles) and (
            (has_chat_avatars(page, bubbles) and not own_bubbles_reach_the_edge(page, bubbles))
            or has_named_bubbles(page, bubbles) or has_own_avatar(page, bubbles)
        ),
    )
    return with_words(ev, lines, page)


def with_words(ev: Evidence, lines: list[Line], page: Page) -> Evidence:
    """``ev`` with its word counts taken from ``lines`` (the same pixels read twice count once)."""
    w = page.width
    seen: list[Box] = []
    kept: list[Line] = []
    for ln in sorted(lines, key=lambda ln: -ln.confidence):
        if ln.box.y + ln.box.h / 2 < page.status_bottom or any(_same_place(ln.box, o) for o in seen):
            # The status bar names the user's carrier (中国移动): no call row's place.
            continue
        seen.append(ln.box)
        kept.append(ln)
    short = "\n".join(ln.text for ln in kept if len(ln.text.replace(" ", "")) <= SHORT_LABEL)
    text = "\n".join(ln.text for ln in kept)
    return replace(
        ev,
        call_words=len(_CALL_WORDS.findall(short)),
        call_tabs=len(_CALL_TAB_WORDS.findall(short)),
        inbox_words=len(_INBOX_WORDS.findall(text)),
        durations=len(_DURATION.findall(short)),
        places=sum(1 for ln in kept if _PLACE.search(ln.text.strip())),
        long_lines=sum(1 for ln in kept if ln.box.w > w * 0.45) + sum(1 for t in page.bands if t.box.w > w * 0.45),
    )


def _same_place(a: Box, b: Box) -> bool:
    """Two readings of one line: their boxes overlap by most of the smaller."""
    xo = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    yo = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return xo > 0 and yo > 0 and xo * yo > 0.6 * min(a.w * a.h, b.w * b.h)


def score(ev: Evidence) -> dict[Layout, float]:
    """Every layout's fit, 0..1 (they need not sum to 1)."""
    thread = min(1.0, max(0.0, (ev.bubble_share - THREAD_SHARE_LOW) / (THREAD_SHARE_HIGH - THREAD_SHARE_LOW)))
    if not ev.bubbles:
        thread = 0.0
    listness = 1.0 - thread
    if ev.rows >= 2:
        listness = min(1.0, listness + 0.1 * ev.row_regularity + 0.1 * ev.leading_pictures)
    # Calls against SMS: words weigh most (a title is decisive), then the rows' cues.
    call = 2.0 * ev.call_words + 0.5 * ev.call_tabs + 1.5 * ev.durations + 1.0 * ev.places
    inbox = 2.0 * ev.inbox_words + (1.0 if ev.long_lines >= 4 else 0.0)
    if call == inbox == 0:
        call, inbox = 0.5, 0.6 if ev.long_lines >= 4 else 0.4
    call_share = call / (call + inbox)
    chat = 0.6 if ev.chat_avatars else 0.4
    return {
        Layout.SMS_THREAD: round(thread * (1 - chat), 3),
        Layout.CHAT_THREAD: round(thread * chat, 3),
        Layout.SMS_INBOX: round(listness * (1 - call_share), 3),
        Layout.CALL_LOG: round(listness * call_share, 3),
    }


def ranked(scores: dict[Layout, float]) -> list[Layout]:
    """Layouts best first; ties keep the declaration order (threads before lists)."""
    order = list(PARSERS)
    return sorted(order, key=lambda lay: (-scores.get(lay, 0.0), order.index(lay)))


def layout_scores(
    image: np.ndarray,
    page: Page | None = None,
    engine: OcrEngine | None = None,
    notes: dict[str, object] | None = None,
) -> dict[Layout, float]:
    """Every layout's score; ``notes`` receives what the parsers can reuse (``LIST_PAGE``)."""
    if page is None:
        page = analyse(image)
    ev = gather(image, page, engine, notes)
    if notes is not None:
        notes[EVIDENCE] = ev
    s = score(ev)
    log.debug("layout evidence %s -> %s", ev, s)
    return s


def classify(image: np.ndarray, page: Page | None = None, engine: OcrEngine | None = None) -> Layout:
    """The layout of a screenshot (BGR array)."""
    return ranked(layout_scores(image, page, engine))[0]


def rescore_with(notes: dict[str, object], lines: list[Line], page: Page) -> dict[Layout, float] | None:
    """The scores again, with the words of every line read on the page so far.

    A canvas-reading engine (Tesseract) gave the classifier only the top of
    the page; once a list parser has read the rows, their marks, durations
    and snippets are evidence too. ``None`` when ``layout_scores`` left no
    evidence in ``notes``.
    """
    ev = notes.get(EVIDENCE)
    if not isinstance(ev, Evidence):
        return None
    return score(with_words(ev, lines, page))
