"""The review table's cells for messages OCR found no text in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from casefile.model import Message, Origin
from gui.models.message_table_model import Column, MessageTableModel
from ocr.model import Box, Direction, Kind


def _msg(i: int, kind: Kind, text: str) -> Message:
    return Message(
        id=i, screenshot_id=1, position=float(i), kind=kind, direction=Direction.INCOMING, sender="王经理",
        time=None, time_source=None, text=text, box=Box(0, 0, 10, 10), confidence=0.0, field_confidence={},
        duration_s=None, origin=Origin.OCR, excluded=False,
    )


def test_a_picture_says_so_but_its_editor_starts_empty(qtbot) -> None:
    model = MessageTableModel()
    model.set_messages([_msg(1, Kind.CHAT, ""), _msg(2, Kind.CALL, ""), _msg(3, Kind.CHAT, "还钱")])
    picture, call, text = (model.index(r, Column.TEXT) for r in range(3))
    assert "picture" in picture.data(Qt.ItemDataRole.DisplayRole)
    assert picture.data(Qt.ItemDataRole.EditRole) == ""
    assert call.data(Qt.ItemDataRole.DisplayRole) == ""  # a call has no text to miss
    assert text.data(Qt.ItemDataRole.DisplayRole) == "还钱"
