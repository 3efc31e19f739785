"""A one-word reply (好, OK) drawn as a round bubble is a message, not an avatar.

Google Messages, ColorOS and OriginOS round a bubble's ends fully, so a bubble
round one character is a circle at the screen's edge: an avatar's shape and
place. Before, seeds 1100008 and 1200008 (randomised skins, stock and EMUI
SMS threads) lost their outgoing 好 that way while the engine had read it.
What tells them apart is structure, not a size: a bubble shares the outer edge
of the bubbles on its side with nothing level beside it; an avatar stands
outside them, level with its own bubble.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.extract import extract
from tests.ocr.skins import render


@pytest.mark.parametrize("seed", [1100008, 1200008])
def test_a_round_one_word_bubble_is_an_outgoing_message(seed: int, tmp_path: Path) -> None:
    screen = render(seed, "sms_thread")
    x = extract(screen.save(tmp_path), engine="tesseract")
    got = [(m.text, str(m.direction)) for m in x.messages]
    assert ("好", "outgoing") in got
    assert len(x.messages) == len(screen.gold["messages"])
    assert not any(u.text == "好" for u in x.unassigned)
