"""Correcting what the OCR read, in the window: every edit audited, undoable, persisted."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from casefile.store import CaseStore
from gui.models.message_table_model import Column
from gui.models.screenshot_list_model import Roles, ShotStatus
from ocr.model import Box
from tests.images import phone_png

from .helpers import seed_case


@pytest.fixture
def seeded(case_dir, tmp_path):
    images = [phone_png(tmp_path / f"shot{i}.png", seed=i) for i in range(3)]
    return seed_case(case_dir, images, low=True)


@pytest.fixture
def win(seeded, window):
    """The window opened on the seeded case (``seeded`` writes the case first)."""
    return window


def _set(win, row: int, col: Column, value: object) -> None:
    """What a delegate does when the user finishes editing a cell."""
    model = win.review_pane.model
    assert model.setData(model.index(row, col), value, Qt.ItemDataRole.EditRole)


def test_rows_and_status_shown(win, seeded) -> None:
    assert win.shots.rowCount() == 3
    statuses = [win.shots.index(i).data(Roles.STATUS) for i in range(3)]
    assert statuses == [ShotStatus.NEEDS_REVIEW] * 3
    assert win.review.current == seeded[0]
    model = win.review_pane.model
    assert model.rowCount() == 3
    assert model.index(0, Column.TEXT).data() == "message 0"
    assert model.index(0, Column.DIRECTION).data() == "Received"
    # the unsure text is tinted and explained
    assert model.index(1, Column.TEXT).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "unsure" in model.index(1, Column.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, Column.TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert sorted(win.review_pane.image.box_ids()) == sorted(m.id for m in model.messages())


def test_edit_undo_redo_and_audit_survive_reopening(win, case_dir, seeded) -> None:
    model = win.review_pane.model
    mid = model.message_at(0).id
    _set(win, 0, Column.SENDER, "  鑫盛易贷催收  ")
    _set(win, 0, Column.TIME, datetime(2024, 10, 22, 9, 5))
    assert model.index(0, Column.SENDER).data() == "鑫盛易贷催收"
    assert model.index(0, Column.TIME).data() == "2024-10-22 09:05"
    assert "10690000" in model.index(0, Column.SENDER).data(Qt.ItemDataRole.ToolTipRole)
    assert win.undo_stack.count() == 2

    win.act_undo.trigger()  # the time
    assert model.index(0, Column.TIME).data() == "2024-10-22 11:20"
    win.act_undo.trigger()  # the sender
    assert model.index(0, Column.SENDER).data() == "10690000"
    win.act_redo.trigger()
    assert model.index(0, Column.SENDER).data() == "鑫盛易贷催收"
    win.close()

    with CaseStore.open(case_dir, create=False) as store:
        m = store.message(mid)
        assert m.sender == "鑫盛易贷催收"
        assert m.time == datetime(2024, 10, 22, 11, 20)  # the time edit stayed undone
        assert m.ocr is not None and m.ocr.sender == "10690000"  # the OCR value is kept
        audit = [(c.field, c.old, c.new) for c in store.corrections(mid)]
    assert audit == [
        ("sender", "10690000", "鑫盛易贷催收"),
        ("time", "2024-10-22T11:20", "2024-10-22T09:05"),
        ("time", "2024-10-22T09:05", "2024-10-22T11:20"),
        ("sender", "鑫盛易贷催收", "10690000"),
        ("sender", "10690000", "鑫盛易贷催收"),
    ]


def test_invalid_time_text_is_refused(win) -> None:
    model = win.review_pane.model
    assert not model.setData(model.index(0, Column.TIME), "昨天", Qt.ItemDataRole.EditRole)
    assert win.undo_stack.count() == 0


def test_delete_add_split_merge_set_all_each_one_undo_step(win, case_dir) -> None:
    ctrl = win.review
    model = win.review_pane.model
    first, second, third = (m.id for m in model.messages())

    ctrl.delete([third])
    assert [m.id for m in model.messages()] == [first, second]
    ctrl.add_message(Box(20, 400, 200, 40))
    assert model.rowCount() == 3
    added = model.messages()[-1]
    assert added.ocr is None and added.box == Box(20, 400, 200, 40)
    assert win.review_pane.image.box_item(added.id) is not None

    ctrl.merge([first, second])
    assert model.rowCount() == 2
    merged = model.messages()[0]
    assert merged.text == "message 0message 1"

    ctrl.apply_to_all("催收公司", datetime(2024, 10, 23, 8, 0))
    assert {m.sender for m in model.messages()} == {"催收公司"}

    for _ in range(4):
        win.act_undo.trigger()
    assert [m.text for m in model.messages()] == ["message 0", "message 1", "message 2"]
    assert {m.sender for m in model.messages()} == {"10690000"}
    for _ in range(4):
        win.act_redo.trigger()
    assert {m.sender for m in model.messages()} == {"催收公司"}
    assert model.rowCount() == 2


def test_split_through_the_store(win) -> None:
    model = win.review_pane.model
    mid = model.message_at(0).id
    store = win.store
    ids = store.split_message(mid, ["a", "b"])
    batch = store.corrections(message_id=ids[0])[0].batch
    win.review._push("Split message", batch, win.review.current)
    assert [m.text for m in model.messages()][:2] == ["a", "b"]
    win.act_undo.trigger()
    assert model.message_at(0).id == mid


def test_clicking_a_box_selects_its_row_and_back(win, qtbot) -> None:
    pane = win.review_pane
    second = pane.model.message_at(1).id
    pane.image.box_clicked.emit(second)
    assert pane.selected_ids() == [second]
    item = pane.image.box_item(second)
    assert item is not None and item.pen().width() == 3  # highlighted
    pane.select_message(pane.model.message_at(0).id)
    assert pane.image.box_item(second).pen().width() == 2


def test_keyboard_review(win, seeded, qtbot) -> None:
    assert win.review.current == seeded[0]
    win.step(1)
    assert win.review.current == seeded[1]
    assert win.shot_list.currentIndex().row() == 1
    win.step(-1)
    win.mark_reviewed_next()
    assert win.store.screenshot(seeded[0]).reviewed
    assert win.shots.index(0).data(Roles.STATUS) == ShotStatus.REVIEWED
    assert win.review.current == seeded[1]
    # F3: the unsure text of row 1 on this screenshot, then on the next one
    assert win.review.next_low_confidence()
    assert win.review_pane.current_cell() == (1, int(Column.TEXT))
    assert win.review.next_low_confidence()
    assert win.review.current == seeded[2]


def test_geometry_and_last_case_remembered(win, case_dir) -> None:
    from gui import settings

    win.resize(1111, 777)
    win.close()
    assert settings.last_case() == case_dir.resolve()
    geo, _state = settings.geometry()
    assert geo is not None
