"""A WeChat reply's quote is part of the reply, not a message of its own.

The quoted words were sent earlier (by either party); read as a message they
were counted twice and dated to the reply. Realworld 07 and 22 have them.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from ocr.extract import extract
from ocr.layouts.bubbles import QUOTE_LABEL
from tests.ocr.chat_render import Item, render_chat


@pytest.mark.parametrize("side", ["out", "in"])
def test_a_quote_under_a_reply_is_kept_with_the_reply(side: str, tmp_path: Path) -> None:
    items = [
        Item("in", "你什么时候还钱"),
        Item(side, "我下周还", quote="李经理：你什么时候还钱"),
        Item("in", "今天必须还"),
    ]
    path = tmp_path / "Screenshot_20250310-143205.png"
    cv2.imwrite(str(path), render_chat("李经理", items))
    x = extract(path, engine="tesseract")
    assert [m.text for m in x.messages] == ["你什么时候还钱", "我下周还", "今天必须还"]
    reply = x.messages[1]
    assert str(reply.direction) == ("outgoing" if side == "out" else "incoming")
    assert len(reply.labels) == 1 and reply.labels[0].startswith(QUOTE_LABEL)
    assert "你什么时候还钱" in reply.labels[0].replace(" ", "")
    assert not x.unassigned  # the quote's words are held by the reply

