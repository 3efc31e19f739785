"""A long scrolling screenshot (1080 × 12,000) in the review pane: readable zoom, pixel scrolling, linked boxes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from casefile.store import CaseStore
from gui.views.image_view import MAX_FIT_ZOOM, WHEEL_NOTCH_PX
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout
from tests.images import phone_png

LONG = (1080, 12_000)
ROWS = 40  # one bubble every 290 px, down to the bottom


def _box(i: int) -> Box:
    return Box(140, 200 + 290 * i, 700, 160)


def _long_png(path: Path) -> Path:
    im = Image.new("RGB", LONG, (237, 237, 237))
    d = ImageDraw.Draw(im)
    for i in range(ROWS):
        b = _box(i)
        d.rectangle((b.x, b.y, b.x + b.w, b.y + b.h), fill=(255, 255, 255))
        d.text((b.x + 20, b.y + 60), f"bubble {i}", fill=(0, 0, 0))
    im.save(path)
    return path


@pytest.fixture
def seeded(case_dir: Path, tmp_path: Path) -> list[int]:
    from casefile.importer import import_one

    with CaseStore.open(case_dir) as store:
        ids = []
        for p in (_long_png(tmp_path / "long.png"), phone_png(tmp_path / "screen.png")):
            r = import_one(store, p)
            assert r.screenshot_id is not None
            n = ROWS if p.name == "long.png" else 1
            msgs = [
                ExtractedMessage(
                    Kind.CHAT, Direction.INCOMING, "王经理", datetime(2025, 5, 1, 9, i % 60), f"bubble {i}",
                    box=_box(i) if n > 1 else Box(20, 100, 280, 60), confidence=0.95,
                    field_confidence={"sender": 0.95, "text": 0.95},
                )
                for i in range(n)
            ]
            ex = Extraction(image=p.name, layout=Layout.CHAT_THREAD, captured_at=None, thread_title="王经理",
                            messages=msgs, engine="fake", engine_version="0")
            store.save_extraction(r.screenshot_id, ex)
            ids.append(r.screenshot_id)
        return ids


@pytest.fixture
def pane(seeded, window, qtbot):
    p = window.review_pane
    qtbot.waitUntil(lambda: p.image.has_image() and len(p.image.box_ids()) == ROWS)
    return p


def _visible(view, item) -> bool:
    shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return view.viewport().rect().contains(shown)


def test_a_long_screenshot_opens_fit_to_width_at_its_top(pane, window) -> None:
    view = pane.image
    assert view.is_long()
    want = min(MAX_FIT_ZOOM, (view.viewport().width() - 8) / LONG[0])
    assert view.zoom() == pytest.approx(want, rel=0.02)
    # readable: several times the whole-height fit, which would shrink 12,000 px into the view
    assert view.zoom() > 4 * view.viewport().height() / LONG[1]
    assert view.top_row() == pytest.approx(0, abs=2)
    assert view.horizontalScrollBar().maximum() == 0  # the width fits: no sideways scrolling
    # Fit (Ctrl+0) after zooming in goes back to the width fit, and a resize keeps the place read.
    view.zoom_by(1.5)
    pane.act_fit.trigger()
    assert view.zoom() == pytest.approx(want, rel=0.02)
    view.scroll_to_row(6000)
    window.resize(1400, 820)
    QApplication.processEvents()
    assert view.top_row() == pytest.approx(6000, abs=30)
    # A phone screen still opens whole.
    window.step(1)
    QApplication.processEvents()
    assert not view.is_long()
    assert view.zoom() * view.sceneRect().height() <= view.viewport().height()


def test_selecting_a_message_scrolls_to_its_box_and_a_click_selects_back(pane, qtbot) -> None:
    view, model = pane.image, pane.model
    far = model.message_at(ROWS - 3)
    item = view.box_item(far.id)
    assert item is not None and not _visible(view, item)
    pane.select_message(far.id)
    assert _visible(view, item) and item.pen().width() == 3
    assert view.top_row() > 9000
    near = model.message_at(ROWS - 4)
    near_item = view.box_item(near.id)
    assert near_item is not None and _visible(view, near_item)
    at = view.mapFromScene(near_item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert pane.selected_ids() == [near.id]
    assert near_item.pen().width() == 3 and item.pen().width() == 2


def _wheel(view, *, pixels: QPoint, angle: QPoint) -> None:
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        pos, view.viewport().mapToGlobal(pos), pixels, angle,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_scrolling_moves_by_pixels_not_pages(pane, qtbot) -> None:
    bar = pane.image.verticalScrollBar()
    start = bar.value()
    _wheel(pane.image, pixels=QPoint(0, -37), angle=QPoint(0, -45))  # a touchpad
    assert bar.value() == start + 37
    _wheel(pane.image, pixels=QPoint(0, 0), angle=QPoint(0, -120))  # one wheel notch, glided
    _wheel(pane.image, pixels=QPoint(0, 0), angle=QPoint(0, -120))  # a second before the first ends
    seen: list[int] = []
    bar.valueChanged.connect(seen.append)
    qtbot.waitUntil(lambda: bar.value() == start + 37 + 2 * WHEEL_NOTCH_PX, timeout=2000)
    assert len(seen) >= 2  # several small steps, not one jump
    _wheel(pane.image, pixels=QPoint(0, 0), angle=QPoint(0, 120))
    qtbot.waitUntil(lambda: bar.value() == start + 37 + WHEEL_NOTCH_PX, timeout=2000)
