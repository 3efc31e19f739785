"""Which kind of screen a screenshot shows, and which parser reads it.

The user is never asked: people harassed by collectors drop dozens of mixed
screenshots at once. The decision uses the page's structure first, which
costs no OCR:

* threads are columns of filled bubbles holding the text; lists (inbox, call
  log) are rows of text drawn straight on the background, next to avatars;
* a chat thread (WeChat style) puts a square picture beside each bubble, an SMS
  app a round one or none;
* an inbox and a call log differ in their title bar ("信息"/"短信" against
  "通话记录"/"最近通话"), read with one small OCR call, and, failing that, in
  the long snippet lines only an inbox has.
"""

from __future__ import annotations

import importlib
import logging
import re

import numpy as np

from ocr.layouts.base import LayoutParser
from ocr.logsafe import log_error
from ocr.model import Box, Layout
from ocr.page import Page, analyse
from ocr.recognition import OcrEngine
from ocr.regions import Region, read_regions

log = logging.getLogger(__name__)

PARSER_MODULES: dict[Layout, str] = {
    Layout.SMS_THREAD: "ocr.layouts.sms_thread",
    Layout.CHAT_THREAD: "ocr.layouts.chat_thread",
    Layout.SMS_INBOX: "ocr.layouts.sms_inbox",
    Layout.CALL_LOG: "ocr.layouts.call_log",
}

_CALL_WORDS = re.compile(r"通话|未接|来电|拨号|通讯录|联系人|收藏|拒接")
_INBOX_WORDS = re.compile(r"信息|短信|消息|彩信|搜索|编辑")


def parser_for(layout: Layout) -> LayoutParser | None:
    """The module-level ``PARSER`` of the layout's module; None while it does not exist."""
    name = PARSER_MODULES.get(layout)
    if name is None:
        return None
    try:
        module = importlib.import_module(name)
    except ImportError:
        log.warning("no parser module for layout %s yet", layout)
        return None
    parser = getattr(module, "PARSER", None)
    return parser if parser is not None and hasattr(parser, "parse") else None


def thread_bubbles(page: Page) -> list[Box]:
    """Blocks that look like message bubbles: filled, text-sized or bigger, not avatars or chips."""
    w = page.width
    out = []
    for b in page.blocks:
        if page.is_avatar(b) or b.fill < 0.85:
            continue
        if w * 0.18 <= b.box.w < w * 0.88 and b.box.h >= w * 0.05:
            out.append(b.box)
    return out


def has_chat_avatars(page: Page, bubbles: list[Box]) -> bool:
    """A square (not round) picture right beside a bubble: the WeChat family."""
    w = page.width
    for a in page.blocks:
        if not page.is_avatar(a) or a.fill < 0.9:
            continue
        ab = a.box
        for bb in bubbles + [b.box for b in page.blocks if not page.is_avatar(b) and b.box.w >= w * 0.07]:
            v_overlap = min(ab.y + ab.h, bb.y + bb.h) - max(ab.y, bb.y)
            if v_overlap < min(ab.h, bb.h) * 0.3:
                continue
            gap = max(ab.x - (bb.x + bb.w), bb.x - (ab.x + ab.w))
            if 0 <= gap < w * 0.06:
                return True
    return False


def classify_structure(page: Page) -> Layout | None:
    """Thread layouts from structure alone; None for a list (inbox or call log)."""
    bubbles = thread_bubbles(page)
    if not bubbles:
        return None
    return Layout.CHAT_THREAD if has_chat_avatars(page, bubbles) else Layout.SMS_THREAD


def classify_list(image: np.ndarray, page: Page, engine: OcrEngine | None) -> Layout:
    """Inbox or call log: the title bar's words, else the snippet-length cue."""
    w = page.width
    if engine is not None:
        top = page.status_bottom
        bottom = min(page.height, int(top + w * 0.45))
        try:
            lines = read_regions(engine, image, [Region(Box(0, top, w, bottom - top), 0)])[0]
        except Exception as exc:  # noqa: BLE001 - logged by type and frames (ocr.logsafe)
            log_error(log, "title-bar OCR failed during classification", exc, logging.WARNING)
            lines = []
        text = "".join(ln.text for ln in lines)
        calls = len(_CALL_WORDS.findall(text))
        inbox = len(_INBOX_WORDS.findall(text))
        if calls > inbox:
            return Layout.CALL_LOG
        if inbox > calls:
            return Layout.SMS_INBOX
    long_lines = sum(1 for t in page.bands if t.box.w > w * 0.45)
    return Layout.SMS_INBOX if long_lines >= 4 else Layout.CALL_LOG


def classify(image: np.ndarray, page: Page | None = None, engine: OcrEngine | None = None) -> Layout:
    """The layout of a screenshot (BGR array)."""
    if page is None:
        page = analyse(image)
    layout = classify_structure(page)
    if layout is not None:
        return layout
    return classify_list(image, page, engine)
