"""Where a message the OCR missed goes, and what is proposed for it (Qt-free rules of the review pane)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from casefile.model import Message
from gui.controllers.placement import position_for_box, positions_between, time_above, usual_sender
from ocr.model import ME, Box, Direction
from tests.casefile.test_timeline import msg


def on_screen(mid: int, pos: float, y: int, **kw: Any) -> Message:
    return replace(msg(mid, 1, pos, f"m{mid}", **kw), box=Box(20, y, 300, 40))


def test_new_messages_go_between_their_neighbours_in_screen_order() -> None:
    existing = [on_screen(1, 1.0, 100), on_screen(2, 2.0, 300)]
    assert positions_between(existing, 200, 1) == [1.5]
    assert positions_between(existing, 200, 3) == [1.25, 1.5, 1.75]
    assert positions_between(existing, 50, 1) == [0.5]  # above the first
    assert positions_between(existing, 400, 1) == [2.5]  # below the last
    assert position_for_box(existing, 200) == 1.5
    assert position_for_box(existing, 50) == 0.0
    assert position_for_box(existing, 400) is None  # last: the store appends


def test_proposed_sender_and_time_come_from_the_screen() -> None:
    existing = [
        on_screen(1, 1.0, 100, time=datetime(2025, 3, 8, 9, 0), sender="95188"),
        on_screen(2, 2.0, 200, time=datetime(2025, 3, 8, 9, 30), sender="95188"),
        on_screen(3, 3.0, 300, sender=ME, direction=Direction.OUTGOING),
        on_screen(4, 4.0, 400, time=datetime(2025, 3, 8, 11, 0), sender="10690"),
    ]
    assert usual_sender(existing) == "95188"  # the user's own replies do not count
    assert time_above(existing, 350) == datetime(2025, 3, 8, 9, 30)
    assert time_above(existing, 50) is None
    assert usual_sender([]) is None
