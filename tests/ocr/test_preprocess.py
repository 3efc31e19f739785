"""The OpenCV steps, each on arrays made here or on one corpus image."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from ocr.preprocess import (
    binarize,
    clear_non_text,
    find_blocks,
    invert,
    is_dark,
    page_background,
    stitch,
    upscale_factor,
)
from ocr.top_bars import header_bottom, status_bar_bottom
from tests.images import read_bgr


def _page(bg: int, bubble: int, text: int) -> np.ndarray:
    img = np.full((1600, 720, 3), bg, np.uint8)
    cv2.rectangle(img, (30, 400), (400, 520), (bubble, bubble, bubble), -1)
    cv2.putText(img, "HELLO", (50, 480), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (text, text, text), 3)
    return img


def test_dark_mode_detected_and_inverted() -> None:
    dark = _page(10, 40, 240)
    light = _page(240, 255, 0)
    assert is_dark(dark)
    assert not is_dark(light)
    assert not is_dark(invert(dark))


def test_background_is_the_margin_colour_even_when_bubbles_dominate() -> None:
    img = np.full((1600, 720, 3), 200, np.uint8)
    img[:, 30:690] = 255  # a wall of white bubbles
    assert page_background(img) == (200, 200, 200)


def test_bubble_found_as_a_block_and_text_not() -> None:
    img = _page(240, 255, 0)
    blocks = find_blocks(img, (240, 240, 240), 0, img.shape[0])
    assert len(blocks) == 1
    b = blocks[0].box
    assert abs(b.x - 30) <= 2 and abs(b.y - 400) <= 2 and abs(b.w - 371) <= 3


def test_binarize_gives_dark_text_on_white_for_both_polarities() -> None:
    for crop in (_page(240, 255, 0)[400:520, 30:400], _page(10, 40, 240)[400:520, 30:400]):
        bw = binarize(crop)
        assert set(np.unique(bw)) <= {0, 255}
        assert (bw == 255).mean() > 0.7  # mostly white paper
        assert (bw == 0).any()  # with dark ink


def test_stitch_keeps_slots_apart() -> None:
    a = np.zeros((30, 100), np.uint8)
    b = np.zeros((50, 60), np.uint8)
    canvas = stitch([a, b], [1.0, 1.0], gap=40, pad=10)
    (_, ay, _, ah), (_, by, _, _) = canvas.slots
    assert by >= ay + ah + 40
    assert canvas.image.shape == (10 + 30 + 40 + 50 + 10, 120)


def test_status_bar_found_at_top(data_dir: Path) -> None:
    img = read_bgr(data_dir / "ocr" / "wx_share_7ba81b.png")
    bottom = status_bar_bottom(img)
    w = img.shape[1]
    assert w * 0.04 < bottom < w * 0.12


def test_upscale_factor_follows_width() -> None:
    assert upscale_factor(720) > upscale_factor(1440)


def test_bubble_corners_and_slabs_are_cleared_but_text_is_kept() -> None:
    """A green bubble cut out of a dark page: its rounded corners show the page,
    and a clipped avatar is a solid slab. Both would reach Tesseract as ``|``."""
    crop = np.full((120, 400, 3), 30, np.uint8)  # dark page behind the corners
    cv2.rectangle(crop, (0, 0), (399, 119), (90, 200, 90), -1)
    for cx, cy in ((0, 0), (399, 0), (0, 119), (399, 119)):
        cv2.circle(crop, (cx, cy), 18, (30, 30, 30), -1)  # page showing at the corners
    cv2.putText(crop, "HELLO", (120, 75), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 3)
    cv2.rectangle(crop, (40, 30), (80, 90), (0, 0, 0), -1)  # a slab, not a glyph
    bw = binarize(crop)
    assert (bw[:10, :10] == 0).any() and (bw[:, 40:81] == 0).sum() > 1500  # the defects are there
    clean = clear_non_text(bw)
    assert not (clean[:20, :20] == 0).any() and not (clean[-20:, -20:] == 0).any()
    assert not (clean[:, 40:81] == 0).any()
    ink = clean[:, 110:300] == 0
    assert ink.sum() == (bw[:, 110:300] == 0).sum() > 300  # every pixel of the text survives


def _large_title_page(under: str) -> np.ndarray:
    """1080 px wide: a status bar, a large title low in its bar, then ``under`` 60 px below it."""
    from PIL import Image, ImageDraw, ImageFont

    font = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Regular.ttf"
    img = Image.new("RGB", (1080, 2400), (250, 250, 250))
    d = ImageDraw.Draw(img)
    d.text((40, 12), "10:12", font=ImageFont.truetype(str(font), 36), fill=(0, 0, 0))
    d.text((60, 180), "信息", font=ImageFont.truetype(str(font), 84), fill=(0, 0, 0))
    if under == "row":
        d.text((180, 345), "Lily Zhang  调解员", font=ImageFont.truetype(str(font), 40), fill=(0, 0, 0))
    else:  # the bottom of a bubble scrolled under the bar
        d.rectangle((40, 345, 700, 370), fill=(255, 255, 255))
        d.rectangle((40, 345, 700, 370), outline=(200, 200, 200))
    d.text((180, 700), "你好，我是快付花的催收小周", font=ImageFont.truetype(str(font), 40), fill=(90, 90, 90))
    return np.asarray(img)[:, :, ::-1].copy()


def test_a_row_under_a_large_title_is_content_and_a_strip_under_it_is_the_bar() -> None:
    """A large title sits low in its bar: mirrored about it, the bar took in the first row.
    The line of print below it starts the content; a filled strip there (a bubble's bottom
    scrolled under the bar) does not."""
    row = _large_title_page("row")
    strip = _large_title_page("strip")
    for img in (row, strip):
        assert status_bar_bottom(img) < 150
    bg = page_background(row)
    ink_rows = np.nonzero((row[300:600] < 128).any(axis=(1, 2)))[0]
    row_top = 300 + int(ink_rows[0])
    assert header_bottom(row, bg, status_bar_bottom(row)) < row_top
    assert header_bottom(strip, bg, status_bar_bottom(strip)) > 370
