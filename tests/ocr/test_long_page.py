"""Tile planning, overlap dedupe and the thread title for long screenshots (no OCR needed)."""

from __future__ import annotations

import itertools

from ocr.long_page import OVERLAP_RATIO, is_long, merge_tiles, plan_tiles, title_as_sender
from ocr.model import Box, Direction, ExtractedMessage, Kind


def _msg(y: int, h: int, text: str, direction: Direction = Direction.INCOMING) -> ExtractedMessage:
    return ExtractedMessage(Kind.CHAT, direction, None, None, text, box=Box(40, y, 600, h))


def test_tiles_cover_a_20000_page_with_overlap() -> None:
    tiles = plan_tiles(20_000, 1080)
    assert tiles[0].top == 0 and tiles[-1].bottom == 20_000
    assert tiles[0].first and tiles[-1].last and not any(t.first or t.last for t in tiles[1:-1])
    for a, b in itertools.pairwise(tiles):
        assert a.bottom - b.top >= round(OVERLAP_RATIO * 1080)
    assert max(t.bottom - t.top for t in tiles) < 3000  # bounded by a screen, not by the height


def test_a_screen_is_one_tile_and_not_long() -> None:
    assert len(plan_tiles(2300, 1080)) == 1
    assert not is_long(2400, 1080) and is_long(20_000, 1080)


def test_unit_in_the_overlap_is_kept_once_whole() -> None:
    tiles = plan_tiles(6000, 1080)
    cut = _msg(2200, 176, "cut by the edge")
    whole = _msg(2201, 300, "cut by the edge, whole")
    merged = merge_tiles(
        [(tiles[0], [_msg(100, 120, "a"), cut]), (tiles[1], [whole, _msg(2700, 120, "b")])], 1080
    )
    assert [m.text for m in merged] == ["a", "cut by the edge, whole", "b"]


def test_title_names_every_incoming_bubble() -> None:
    msgs = [_msg(100, 100, "x"), _msg(15_000, 100, "y"), _msg(16_000, 100, "z", Direction.OUTGOING)]
    title_as_sender(msgs, "催收 王经理")
    assert [m.sender for m in msgs] == ["催收 王经理", "催收 王经理", None]


def test_stitched_long_chat_reads_every_bubble_once_with_the_title_as_sender() -> None:
    import numpy as np

    from ocr.extract import extract
    from tests.ocr.chat_render import Item, render_chat

    texts = [f"第{i}次提醒还款" for i in range(1, 31)]
    screens = [
        render_chat(
            "王经理", [Item("in" if j % 2 == 0 else "out", t) for j, t in enumerate(texts[k : k + 10])]
        )
        for k in (0, 10, 20)
    ]
    body = (300, 300 + 10 * 180)
    long_img = np.vstack([screens[0][: body[1]], screens[1][body[0] : body[1]], screens[2][body[0] :]])
    assert long_img.shape[0] > 3 * long_img.shape[1]
    out = extract(long_img, name="long.png", engine="tesseract")
    read = [m.text for m in out.messages]
    found = [t for t in texts if any(t in r for r in read)]
    assert len(found) >= 27, read
    assert len(read) == len(set(read)), read
    assert all(m.sender == "王经理" for m in out.messages if m.direction == Direction.INCOMING)


def test_a_1080_by_20000_chat_reads_in_tiles() -> None:
    import numpy as np

    from ocr.extract import extract
    from tests.ocr.chat_render import Item, render_chat

    texts = [f"第{i}次提醒还款" for i in range(1, 121)]
    rows = []
    for k in range(0, 120, 10):
        screen = render_chat(
            "王经理", [Item("in" if j % 2 == 0 else "out", t) for j, t in enumerate(texts[k : k + 10])]
        )
        rows.append(screen[:2100] if k == 0 else screen[300:2100])
    long_img = np.vstack(rows)[:20_000]
    shown = [t for i, t in enumerate(texts) if 300 + i * 180 + 150 < 20_000]
    out = extract(long_img, name="long20k.png", engine="tesseract")
    read = [m.text for m in out.messages]
    assert len(read) == len(set(read))
    assert sum(any(t == r for r in read) for t in shown) >= 0.95 * len(shown), read
    assert {m.sender for m in out.messages if m.direction == Direction.INCOMING} == {"王经理"}


def test_a_long_sms_list_reads_every_row_once() -> None:
    import numpy as np

    from ocr.extract import extract
    from tests.ocr.list_render import ListRow, render_list

    names = [f"1069{i:04d}" for i in range(36)]
    rows = []
    for k in range(0, 36, 9):
        screen = render_list(
            "信息", [ListRow(n, "昨天", f"您的账单已逾期{i}天") for i, n in enumerate(names[k : k + 9], k)]
        )
        rows.append(screen[:2100] if k == 0 else screen[300:2100])
    out = extract(np.vstack(rows), name="long_list.png", engine="tesseract")
    senders = [m.sender for m in out.messages]
    assert len(senders) == len(set(senders)), senders
    assert sum(n in senders for n in names) >= 34, senders


def test_a_long_call_log_reads_every_call_once() -> None:
    import numpy as np

    from ocr.extract import extract
    from ocr.model import Layout
    from tests.ocr.list_render import ListRow, render_list

    names = [f"1388800{i:04d}" for i in range(36)]
    rows = []
    for k in range(0, 36, 9):
        calls = [
            ListRow(n, "昨天", "北京", arrow="missed" if i % 2 else "in", right="")
            for i, n in enumerate(names[k : k + 9])
        ]
        screen = render_list("通话记录", calls)
        rows.append(screen[:2100] if k == 0 else screen[300:2100])
    out = extract(np.vstack(rows), name="long_calls.png", engine="tesseract")
    assert out.layout == Layout.CALL_LOG
    senders = [m.sender for m in out.messages]
    assert len(senders) == len(set(senders)), senders
    assert sum(n in senders for n in names) >= 34, senders
