"""A rendered screenshot carrying an ID number, a bank card, a third party's and a collector's number."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from casefile.importer import ImportResult, import_paths
from casefile.model import CaseInfo
from casefile.store import CaseStore
from casefile.tagging import is_id_number, luhn_ok
from ocr.model import Direction, ExtractedMessage, Extraction, Kind

FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Regular.ttf"
COLLECTOR = "13912345678"  # the sender: never masked
THIRD_PARTY = "13800138000"  # a relative's number the collector quotes


def _valid_id() -> str:
    for last in "0123456789x":
        v = "11010119900307123" + last
        if is_id_number(v):
            return v.upper()
    raise AssertionError("no check digit")


def _valid_card() -> str:
    for last in "0123456789":
        v = "622202123456789012" + last
        if luhn_ok(v):
            return v
    raise AssertionError("no Luhn digit")


ID_NUMBER = _valid_id()
CARD = _valid_card()
LINES = (
    f"身份证号：{ID_NUMBER}",
    f"卡号{CARD}",
    f"联系人{THIRD_PARTY}",
    "今天必须还款",
)


def render_screenshot(path: Path) -> Path:
    im = Image.new("RGB", (1080, 900), (255, 255, 255))
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 44)
    d.text((40, 30), COLLECTOR, font=font, fill=(0, 0, 0))
    for i, line in enumerate(LINES):
        d.text((40, 180 + i * 150), line, font=font, fill=(0, 0, 0))
    im.save(path, format="PNG")
    return path


ADDRESS = "广东省深圳市南山区科技园路18号"
# The address as a collector writes it: without 省/市, broken over two lines; a relative's name below.
ADDRESS_LINES = ("明天上门，地址广东深圳", "南山区科技园路18号", "找李四谈谈")


def render_address_screenshot(path: Path) -> Path:
    im = Image.new("RGB", (1080, 600), (255, 255, 255))
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 44)
    d.text((40, 60), ADDRESS_LINES[0], font=font, fill=(0, 0, 0))
    d.text((40, 120), ADDRESS_LINES[1], font=font, fill=(0, 0, 0))
    d.text((40, 400), ADDRESS_LINES[2], font=font, fill=(0, 0, 0))
    im.save(path, format="PNG")
    return path


@pytest.fixture()
def shot(tmp_path: Path) -> Path:
    return render_screenshot(tmp_path / "shot.png")


@pytest.fixture()
def case(tmp_path: Path, shot: Path) -> Path:
    return make_case(tmp_path / "case", shot)


def make_case(folder: Path, shot: Path, lines: tuple[str, ...] = LINES) -> Path:
    """A case with the screenshot and its messages (the collector's SMS quoting the numbers)."""
    with CaseStore.open(folder) as store:
        store.set_case_info(CaseInfo(title=f"测试 {ID_NUMBER}", complainant="周杰"))
        (r,) = [r for r in import_paths(store, [shot]) if isinstance(r, ImportResult)]
        assert r.screenshot_id is not None
        ex = Extraction(
            image=str(shot), layout=None, captured_at=datetime(2025, 5, 1, 10, 0), engine="hand-made"
        )
        ex.messages = [
            ExtractedMessage(
                Kind.SMS, Direction.INCOMING, COLLECTOR, datetime(2025, 5, 1, 9, 0), "\n".join(lines)
            )
        ]
        store.save_extraction(r.screenshot_id, ex)
    return folder
