"""The review pane shows a call row's labels (the phone's mark, the number's place) read-only under the table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from casefile.importer import import_one
from casefile.store import CaseStore
from gui import i18n
from gui.models.message_table_model import FIELD_OF, Column
from gui.models.timeline_model import Column as TimelineColumn
from gui.views.timeline_view import TimelineView
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.gui.helpers import SyncTaskRunner
from tests.images import phone_png

MARKS = ("骚扰电话", "浙江杭州 移动")


@pytest.fixture
def calls(case_dir: Path, tmp_path: Path) -> int:
    """A call log of two calls, the first marked by the phone."""
    with CaseStore.open(case_dir) as store:
        r = import_one(store, phone_png(tmp_path / "calls.png", seed=5))
        assert r.screenshot_id is not None
        rows = [
            ExtractedMessage(Kind.CALL, Direction.MISSED, "13800138000", datetime(2024, 10, 22, 20, 40), "",
                             Box(20, 100, 280, 50), 0.9, TimeSource.ROW, labels=MARKS),
            ExtractedMessage(Kind.CALL, Direction.INCOMING, "10086", datetime(2024, 10, 22, 18, 2), "45秒",
                             Box(20, 160, 280, 50), 0.9, TimeSource.ROW, duration_s=45),
        ]
        store.save_extraction(r.screenshot_id, Extraction("calls.png", Layout.CALL_LOG, None, None, rows, engine="fake"))
        return r.screenshot_id


def test_the_selected_calls_labels_show_read_only_under_the_table(calls: int, window, qtbot) -> None:
    pane = window.review_pane
    assert window.review.current == calls
    model = pane.model
    assert model.rowCount() == 2
    pane.select_message(model.message_at(0).id)
    qtbot.waitUntil(pane.labels_note.isVisible)
    assert pane.labels_note.text() == "Labels: 骚扰电话 · 浙江杭州 移动"
    assert "cannot be edited" in pane.labels_note.toolTip()
    # Not a field: no column edits it, and the sender's tooltip says it too.
    assert "labels" not in FIELD_OF.values()
    assert "骚扰电话" in model.index(0, Column.SENDER).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, Column.SENDER).data() == "13800138000"
    # A row without labels, or several rows: no line.
    pane.select_message(model.message_at(1).id)
    qtbot.waitUntil(lambda: not pane.labels_note.isVisible())
    assert pane.labels_note.text() == ""
    pane.table.selectAll()
    assert not pane.labels_note.isVisible()


def test_the_labels_strings_are_translated(gui_app, tmp_path: Path) -> None:
    from tests.gui.i18ncheck import untranslated

    assert untranslated(["views/review_pane.py", "models/message_table_model.py", "models/timeline_model.py"]) == []
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        assert QCoreApplication.translate("ReviewPane", "Labels: %1") == "标注：%1"
    finally:
        for t in translators:
            gui_app.removeTranslator(t)


@pytest.fixture
def calls_store(calls: int, case_dir: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(case_dir)
    yield s
    s.close()


@pytest.fixture
def timeline(gui_app, qtbot, calls_store: CaseStore) -> Iterator[TimelineView]:
    """The timeline view on the call log (torn down before its store closes)."""
    runner = SyncTaskRunner()
    v = TimelineView(runner=runner)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_store(calls_store)
    yield v
    assert not runner.busy


def test_the_timeline_shows_a_calls_labels_after_its_text(timeline: TimelineView) -> None:
    model = timeline.model
    shown = {}
    for r in range(model.rowCount()):
        e = model.entry(r)
        if e is not None:
            cell = model.index(r, TimelineColumn.TEXT)
            shown[e.sender] = (cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole))
    assert shown["13800138000"][0] == "〔Labels: 骚扰电话 · 浙江杭州 移动〕"
    assert "骚扰电话" in shown["13800138000"][1]
    assert "Labels" not in shown["10086"][0]
