"""Reading regions: which lines a region keeps, and where a zoomed reading lands."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.engines.registry import get_engine
from ocr.model import Box
from ocr.recognition import Line
from ocr.regions import STRONG_LINE, Region, read_regions
from tests.images import read_bgr

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"



class _PageEngine:
    """Returns fixed lines for the whole page, as RapidOCR would."""

    name = "fake"
    prefers_page = True

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines

    def version(self) -> str:
        return "fake"

    def recognize(self, image: np.ndarray) -> list[Line]:
        return list(self._lines)


def test_a_bubble_keeps_a_weak_line_beside_a_confident_one_and_nothing_else_does() -> None:
    weak = STRONG_LINE - 0.1
    lines = [
        Line("【鑫盛易贷】借款人周杰", 0.9, Box(10, 10, 200, 30)),
        Line("1301**********0405）名下", weak, Box(10, 45, 200, 30)),  # bubble 1: the evidence
        Line("至", weak, Box(10, 210, 30, 30)),  # bubble 2: a sticker read as text
        Line("Q、", weak, Box(10, 410, 30, 30)),  # loose text: an icon
    ]
    eng = _PageEngine(lines)
    img = np.full((600, 300, 3), 255, np.uint8)
    regions = [
        Region(Box(0, 0, 300, 100), weak_lines_ok=True),
        Region(Box(0, 200, 300, 60), weak_lines_ok=True),
        Region(Box(0, 400, 300, 60)),
    ]
    got = [[ln.text for ln in lst] for lst in read_regions(eng, img, regions)]
    assert got == [["【鑫盛易贷】借款人周杰", "1301**********0405）名下"], [], []]


def _page_with_text(text: str) -> np.ndarray:
    img = Image.new("RGB", (1080, 400), (255, 255, 255))
    font = ImageFont.truetype(str(FONT_DIR / "NotoSansSC-Regular.ttf"), 48)
    ImageDraw.Draw(img).text((100, 150), text, font=font, fill=(0, 0, 0))
    return np.asarray(img)[:, :, ::-1].copy()


def test_a_zoomed_second_reading_lands_on_the_same_page_pixels() -> None:
    """Tesseract reads the title twice, at two sizes; both boxes are page coordinates."""
    img = _page_with_text("催收专员王经理")
    box = Box(80, 130, 600, 100)
    plain, zoomed = read_regions(get_engine("tesseract"), img, [Region(box, 4), Region(box, 4, zoom=0.75)])
    assert [ln.text for ln in plain] == ["催收专员王经理"]
    assert [ln.text for ln in zoomed] == ["催收专员王经理"]
    a, b = plain[0].box, zoomed[0].box
    for u, v in ((a.x, b.x), (a.y, b.y), (a.x + a.w, b.x + b.w), (a.y + a.h, b.y + b.h)):
        assert abs(u - v) <= 6
    assert 90 <= a.x <= 110 and 150 <= a.y + a.h / 2 <= 215


class _CountingPageEngine:
    """Real Tesseract, but reading whole pages (as RapidOCR does), counting page reads."""

    name = "counting"
    prefers_page = True

    def __init__(self) -> None:
        self._inner = get_engine("tesseract")
        self.page_shapes: list[tuple[int, ...]] = []

    def version(self) -> str:
        return "counting"

    def recognize(self, image: np.ndarray) -> list[Line]:
        self.page_shapes.append(image.shape)
        return self._inner.recognize(image)


def test_a_list_screenshot_is_recognised_as_a_whole_page_once(data_dir: Path) -> None:
    """Classifying an inbox reads its title bar, the parser reads the page: one recognition, not two."""
    from ocr.extract import extract

    img = read_bgr(data_dir / "ocr" / "Screenshot_20241229-072656.png")
    eng = _CountingPageEngine()
    x = extract(img, engine=eng)
    assert x.layout is not None and x.layout.value == "sms_inbox" and x.messages
    assert eng.page_shapes.count(img.shape) == 1
