"""A short bubble (谢谢, OK) that Tesseract's canvas reading returned as nothing is read again.

Tesseract drops a lone row of a few small blobs as noise (two CJK glyphs are
five or six radicals), and reads a small Latin word as scraps under the
confidence floor. Before, such a bubble was found but empty: beside an avatar
it became an empty "picture" message and its text was lost; in an SMS thread
(no avatar) it was dropped. Seed 1400002 (WeChat Android, 1170 px) lost its
outgoing 谢谢, seed 1400003 (stock Android SMS, 480 px) its outgoing Okay; the
chat drawn here at 540 px (a screenshot halved when forwarded) lost both.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from ocr.engines.tesseract import TesseractEngine
from ocr.extract import extract
from ocr.layouts.short_bubbles import one_whole_line
from ocr.model import Box
from ocr.page import analyse
from ocr.recognition import Line
from tests.ocr.chat_render import Item, render_chat
from tests.ocr.skins import render

# Half of chat_render's 1080 px: a screenshot downscaled when it was forwarded.
FORWARDED_WIDTH = 540


@pytest.mark.parametrize(
    ("seed", "layout", "text"),
    [(1400002, "chat_thread", "谢谢"), (1400003, "sms_thread", "Okay")],
)
def test_a_short_bubble_keeps_its_text_and_side(seed: int, layout: str, text: str, tmp_path: Path) -> None:
    screen = render(seed, layout)
    x = extract(screen.save(tmp_path), engine="tesseract")
    got = [(str(m.direction), m.text) for m in x.messages]
    assert ("outgoing", text) in got
    # No empty "picture" invented where the bubble was: the screen has no picture.
    assert all(m["text"] for m in screen.gold["messages"])
    assert all(m.text for m in x.messages), got
    outgoing = [m for m in screen.gold["messages"] if m["direction"] == "outgoing"]
    assert len([d for d, _ in got if d == "outgoing"]) == len(outgoing)


def _forwarded(img: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    return cv2.resize(img, (FORWARDED_WIDTH, round(h * FORWARDED_WIDTH / w)), interpolation=cv2.INTER_AREA)


class _CountingTesseract(TesseractEngine):
    """Tesseract that counts its second readings of short lines."""

    short_reads = 0

    def recognize_short_lines(self, image: np.ndarray) -> list[Line]:
        self.short_reads += 1
        return super().recognize_short_lines(image)


@pytest.mark.parametrize("text", ["谢谢", "OK"])
def test_a_short_reply_on_a_forwarded_chat_is_a_message(text: str) -> None:
    img = _forwarded(render_chat("王经理", [Item("in", "今天还钱了吗"), Item("out", text)]))
    engine = _CountingTesseract()
    x = extract(img, engine=engine)
    assert [(str(m.direction), m.text) for m in x.messages] == [("incoming", "今天还钱了吗"), ("outgoing", text)]
    assert engine.short_reads == 1  # the page's short bubbles cost one more call, not one each


def test_a_page_whose_bubbles_all_read_costs_no_second_reading() -> None:
    img = render_chat("王经理", [Item("in", "今天还钱了吗"), Item("out", "谢谢"), Item("out", "OK")])
    engine = _CountingTesseract()
    x = extract(img, engine=engine)
    assert [m.text for m in x.messages] == ["今天还钱了吗", "谢谢", "OK"]
    assert engine.short_reads == 0


def test_a_picture_is_not_read_again_as_a_line() -> None:
    img = _forwarded(render_chat("王经理", [Item("in", "看看这个"), Item("in", None), Item("out", "收到")]))
    engine = _CountingTesseract()
    x = extract(img, engine=engine)
    assert [(str(m.direction), m.text) for m in x.messages] == [
        ("incoming", "看看这个"), ("incoming", ""), ("outgoing", "收到")
    ]
    assert engine.short_reads == 0


def test_only_a_whole_one_line_bubble_is_read_again() -> None:
    page = analyse(render_chat("王经理", [Item("in", "今天还钱了吗"), Item("out", "好")]))
    line_h = 60.0
    middle = (page.header_bottom + page.footer_top) // 2
    assert one_whole_line(page, Box(600, middle, 200, 120), line_h)
    assert not one_whole_line(page, Box(600, middle, 200, 360), line_h)  # a picture's height
    assert not one_whole_line(page, Box(600, page.header_bottom, 200, 80), line_h)  # cut by the title bar
    assert not one_whole_line(page, Box(600, page.footer_top - 80, 200, 80), line_h)  # cut by the input bar
