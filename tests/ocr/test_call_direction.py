"""A call's direction: the kind written beside it, then the arrow's shape, its colour last.

Phones colour the incoming and outgoing arrows as they like (the randomised
skins use the theme's accent or grey for either); red is the one colour all
of them keep for missed calls. Seed 200007 is an OriginOS-like English call
log with blue arrows both ways, some rows saying "Incoming"/"Outgoing": before,
every blue arrow was an outgoing call.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.extract import extract
from ocr.layouts.call_labels import named_direction
from ocr.model import Direction
from tests.ocr.skins import render


@pytest.mark.parametrize(
    ("labels", "want"),
    [
        (("Incoming 184 8587 2048",), Direction.INCOMING),  # the number read into the same label
        (("呼出四川成都移动",), Direction.OUTGOING),
        (("浙江杭州", "未接"), Direction.MISSED),
        (("Outgoing",), Direction.OUTGOING),
        (("浙江杭州 移动",), None),
        (("Incomings",), None),
        ((), None),
    ],
)
def test_the_kind_of_call_in_words(labels: tuple[str, ...], want: Direction | None) -> None:
    assert named_direction(labels) is want


def test_blue_arrows_both_ways_are_read_by_their_shape(tmp_path: Path) -> None:
    screen = render(200007, "call_log")
    x = extract(screen.save(tmp_path), engine="tesseract")
    got = [(m.sender, str(m.direction)) for m in x.messages]
    want = [(m["sender"], m["direction"]) for m in screen.gold["messages"]]
    assert got == want
