"""List rows on the shapes that broke row grouping: unread badges, swiped rows, section headers, tabs.

Drawn here (PIL + the bundled font) so each test states its shape. Geometry is
checked exactly; what Tesseract reads, through the inbox parser, only where
the test is about a reading (the header's day, the tabs not becoming a message).
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.engines.registry import get_engine
from ocr.layouts.base import PageContext
from ocr.layouts.list_rows import analyse
from ocr.layouts.sms_inbox import PARSER
from tests.ocr.inbox_render import FONTS

W, H = 1080, 2340
TEXT_X = 210
PITCH = 200
ROWS = [
    ("95188", "10:15", "再不接电话就去你单位找你，别说没提醒你。"),
    ("李晓峰", "09:40", "【中国联通】尊敬的客户，您本月话费账单"),
    ("10690000123", "08:05", "【禾苗借款】提醒：您的账户已转入法务阶段"),
    ("周杰", "22:10", "【菜鸟驿站】您的包裹已到小区东门驿站"),
    ("客服小雪", "21:30", "【米粒金融】您好，您的还款日为7月14日"),
    ("15587440996", "周六", "你好，你欠的8000元今天必须处理，否则"),
]


def _draw(*, badges: bool = False, swiped: int | None = None, header: str | None = None,
          tabs: bool = False, right: bool = False) -> tuple[np.ndarray, list[int]]:
    """A 1080-wide inbox; returns the image and the top of each row."""
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype(str(FONTS / "NotoSansSC-Bold.ttf"), 48)
    body = ImageFont.truetype(str(FONTS / "NotoSansSC-Regular.ttf"), 40)
    small = ImageFont.truetype(str(FONTS / "NotoSansSC-Regular.ttf"), 36)
    d.text((40, 20), "12:08", font=small, fill=(0, 0, 0))
    d.text((40, 140), "信息", font=ImageFont.truetype(str(FONTS / "NotoSansSC-Bold.ttf"), 72), fill=(0, 0, 0))
    y = 300
    if tabs:
        for k, t in enumerate(("全部", "未读", "通知")):
            d.text((TEXT_X + 200 * k, y), t, font=small, fill=(90, 90, 90))
        y += 80
    tops: list[int] = []
    for i, (name, when, snippet) in enumerate(ROWS):
        if header is not None and i == 3:
            d.text((40, y + 30), header, font=small, fill=(120, 120, 120))  # at the margin, left of the text column
            y += 110
        tops.append(y)
        shift = (320 if right else -(TEXT_X - 20)) if swiped == i else 0
        if shift > 0:  # slid right: the "read" action shows at the left, the avatar moves with the row
            d.rectangle((0, y, shift, y + PITCH - 20), fill=(60, 200, 180))
            d.text((60, y + 70), "已读", font=bold, fill=(255, 255, 255))
        elif shift < 0:
            d.rectangle((W + shift, y, W, y + PITCH - 20), fill=(220, 50, 50))
            d.text((W + shift + 50, y + 70), "删除", font=bold, fill=(255, 255, 255))
        if shift >= 0:
            d.ellipse((40 + shift, y + 30, 160 + shift, y + 150), fill=(110, 170, 240))
        x = TEXT_X + shift
        d.text((x, y + 30), name, font=bold, fill=(20, 20, 20))
        tw = d.textlength(when, font=small)
        d.text((W - 50 - tw + shift, y + 40), when, font=small, fill=(120, 120, 120))
        d.text((x, y + 105), snippet[:18] + "…", font=body, fill=(110, 110, 110))
        if badges and i < 3:
            # a red count bubble at the right of the snippet, its top touching the name line
            cx, cy, r = W - 75 + shift, y + 114, 26
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(230, 50, 50))
            d.text((cx - 10, cy - 22), str(i + 3), font=small, fill=(255, 255, 255))
        y += PITCH
    return np.asarray(img)[:, :, ::-1].copy(), tops


def _starts(image: np.ndarray) -> list[tuple[int, int]]:
    page = analyse(image, top=260)
    return [(r.y0, len(r.lines)) for r in page.rows]


def test_unread_badges_do_not_split_rows() -> None:
    image, tops = _draw(badges=True)
    rows = _starts(image)
    assert [n for _, n in rows] == [2] * len(ROWS)
    assert all(abs(y - t) < 60 for (y, _), t in zip(rows, tops, strict=True))


def test_swiped_row_is_one_row_of_two_lines() -> None:
    image, tops = _draw(swiped=2)
    page = analyse(image, top=260)
    assert [len(r.lines) for r in page.rows] == [2] * len(ROWS)
    swiped = page.rows[2]
    assert abs(swiped.y0 - tops[2]) < 60
    assert swiped.lines[0].main[0].x0 < page.text_left - 100  # read from where it was slid to


def test_row_swiped_right_is_one_row() -> None:
    image, _ = _draw(swiped=3, right=True)
    page = analyse(image, top=260)
    assert [len(r.lines) for r in page.rows] == [2] * len(ROWS)
    assert page.rows[3].lines[0].main[0].x0 > page.text_left + 200


def test_header_is_a_row_of_its_own() -> None:
    image, _ = _draw(header="昨天")
    page = analyse(image, top=260)
    assert [len(r.lines) for r in page.rows] == [2, 2, 2, 1, 2, 2, 2]


def _parse(image: np.ndarray) -> list:
    ctx = PageContext(image, "t.png", datetime(2024, 7, 10, 12, 8), get_engine("tesseract"))
    return PARSER.parse(ctx).messages


def test_clock_under_yesterday_header_is_dated_yesterday() -> None:
    image, _ = _draw(header="昨天")
    msgs = _parse(image)
    assert len(msgs) == len(ROWS)
    assert msgs[0].date == date(2024, 7, 10)
    # rows 4 and 5 show a bare clock: the header above them says which day
    assert [m.date for m in msgs[3:5]] == [date(2024, 7, 9)] * 2
    assert msgs[3].time == datetime(2024, 7, 9, 22, 10)
    assert msgs[5].date is not None and msgs[5].date < date(2024, 7, 9)


def test_tabs_above_the_list_are_not_a_message() -> None:
    image, _ = _draw(tabs=True)
    msgs = _parse(image)
    assert len(msgs) == len(ROWS)
    assert all("全部" not in (m.sender or "") + m.text for m in msgs)


def test_cards_whose_snippets_start_with_brackets_keep_the_names_edge() -> None:
    """【 carries half an em of blank: when most snippets start with it, the names' edge is still the column."""
    from tests.ocr.list_render import ListRow, render_list

    rows = [ListRow(n, t, s) for n, t, s in ROWS[1:5]] + [ListRow("10086", "周五", "【中国移动】您的流量已用完")]
    for width in (1080,):  # at 360 px the text after each 】 still outvotes the names (open, issue 11)
        page = analyse(render_list("信息", rows, width=width, cards=True))
        assert [len(r.lines) for r in page.rows] == [2] * len(rows), width
        # every row starts at its name, the name's line first
        assert all(abs(r.lines[0].main[0].x0 - page.text_left) <= 0.02 * width for r in page.rows), width


def test_a_search_field_above_the_first_row_is_not_a_row_but_a_header_is() -> None:
    """The line right above the first row is kept as a row (a section header dates the rows) unless it
    sits in a filled field (a search box)."""
    from tests.ocr.list_render import ListRow, render_list

    rows = [ListRow(n, t, s) for n, t, s in ROWS[:4]]
    with_header = analyse(render_list("信息", rows, headers={0: "昨天"}))
    assert [len(r.lines) for r in with_header.rows] == [1, 2, 2, 2, 2]
    image, _ = _draw(header=None)
    assert [len(r.lines) for r in analyse(image, top=260).rows] == [2] * len(ROWS)


def _dialer_of_blocks(rows: int) -> np.ndarray:
    """A 1440-px dialer drawn as ink boxes where a Google dialer's glyph runs are (measured on one):
    155 8532 6979 as a narrow 1, then 55, then two groups that line up row after row; under it the
    direction arrow, the place and the carrier, whose word lines up too; the time at the right."""
    img = np.full((3200, 1440, 3), 255, np.uint8)
    for k in range(rows):
        y = 560 + 245 * k
        for x0, x1 in ((244, 260), (274, 333), (353, 475), (495, 619)):
            img[y : y + 45, x0:x1] = 30
        for x0, x1 in ((238, 276), (294, 463), (481, 564)):
            img[y + 85 : y + 125, x0:x1] = 110
        img[y + 10 : y + 42, 1159:1264] = 110
    return img


def test_a_column_of_numbers_in_digit_groups_starts_where_the_numbers_do() -> None:
    """A dialer prints numbers in groups; figures of one width line the later groups up row after
    row, and a carrier word after a place of the same length lines up under them, while each
    number's first group starts with a narrow 1 that is no candidate. Counting every word's
    start, the column's edge was the third group's and every row's first line fell outside the
    column: a 1440-px Google dialer kept 1 call of 8."""
    page = analyse(_dialer_of_blocks(8), top=300)
    assert len(page.rows) == 8, [(r.y0, r.y1) for r in page.rows]
    assert abs(page.text_left - 238) <= 1440 * 0.013, page.text_left
