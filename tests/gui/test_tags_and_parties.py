"""Confirming/removing tags from the shared menu, and grouping senders into a counterparty.

Why against a real CaseStore: the user's "no" to a rule's tag must survive
the rules running again, and a party must change what the timeline counts;
both are promises of ``casefile`` that the GUI must not bypass.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from casefile.importer import import_one
from casefile.model import TagState
from casefile.store import CaseStore
from casefile.tagging import apply_suggestions, load_rules
from gui.controllers.review_controller import ReviewController
from gui.models.message_table_model import MessageTableModel
from gui.models.screenshot_list_model import ScreenshotListModel
from gui.models.timeline_model import Column
from gui.views.parties_dialog import PartiesDialog
from gui.views.review_pane import ReviewPane
from gui.views.tag_menu import TagMenu
from gui.views.timeline_view import TimelineView
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.images import phone_png

GATEWAY = "10690123456789"
COLLECTOR = "17123456789"
THREAT = "再不还钱就联系你的家人和单位，通知你的通讯录"


def _extraction(sender: str, texts: list[str], day: int) -> Extraction:
    return Extraction(
        image=f"{sender}.png",
        layout=Layout.SMS_THREAD,
        captured_at=None,
        thread_title=sender,
        messages=[
            ExtractedMessage(
                kind=Kind.SMS,
                direction=Direction.INCOMING,
                sender=sender,
                time=datetime(2025, 3, day, 9, 10 * i),
                text=t,
                confidence=0.95,
                time_source=TimeSource.SEPARATOR,
            )
            for i, t in enumerate(texts)
        ],
        engine="fake",
        engine_version="0",
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(tmp_path / "case")
    for i, (sender, texts) in enumerate(((GATEWAY, [THREAT, "请今日还款"]), (COLLECTOR, [THREAT]))):
        png = phone_png(tmp_path / f"shot{i}.png", seed=i)
        r = import_one(s, png)
        assert r.screenshot_id is not None
        s.save_extraction(r.screenshot_id, _extraction(sender, texts, 7 + i))
    apply_suggestions(s)
    yield s
    s.close()


@pytest.fixture
def view(gui_app, qtbot: QtBot, store: CaseStore) -> TimelineView:
    v = TimelineView()
    qtbot.addWidget(v)
    v.set_store(store)
    return v


def _row_with_tag(view: TimelineView) -> tuple[int, str]:
    for row in range(view.model.rowCount()):
        e = view.model.entry(row)
        if e is not None and e.tags:
            return row, sorted(e.tags)[0]
    raise AssertionError("the rules suggested no tag on the test case")


def _menu(view: TimelineView, row: int) -> TagMenu:
    menu = view.context_menu_for_row(row)
    assert isinstance(menu, TagMenu)
    return menu


def test_confirm_and_remove_from_timeline_persist(view: TimelineView, store: CaseStore) -> None:
    row, tag = _row_with_tag(view)
    entry = view.model.entry(row)
    assert entry is not None and entry.tag_states[tag] is TagState.SUGGESTED

    _menu(view, row).confirm_actions[tag].trigger()
    for mid in entry.message_ids:
        assert {t.tag: t.state for t in store.tags(mid)}[tag] is TagState.CONFIRMED
    row = view.model.row_for_message(entry.primary_message_id)
    refreshed = view.model.entry(row)
    assert refreshed is not None and refreshed.tag_states[tag] is TagState.CONFIRMED

    _menu(view, row).remove_actions[tag].trigger()
    for mid in entry.message_ids:
        assert {t.tag: t.state for t in store.tags(mid)}[tag] is TagState.REMOVED
    apply_suggestions(store)  # the rules run again: the user's "no" stands
    for mid in entry.message_ids:
        assert {t.tag: t.state for t in store.tags(mid)}[tag] is TagState.REMOVED
    view.refresh()
    after = view.model.entry(view.model.row_for_message(entry.primary_message_id))
    assert after is not None and tag not in after.tags


def test_add_tag_submenu_lists_rule_tags(view: TimelineView, store: CaseStore) -> None:
    row, _tag = _row_with_tag(view)
    entry = view.model.entry(row)
    assert entry is not None
    menu = _menu(view, row)
    names = [a.text() for a in menu.add_menu.actions()]
    wanted = [t for t in load_rules().tag_names if t not in entry.tags]
    assert names == wanted
    menu.add_menu.actions()[0].trigger()
    assert {t.tag: t.state for t in store.tags(entry.primary_message_id)}[wanted[0]] is TagState.CONFIRMED


def test_review_table_menu_confirms_and_shows_it(gui_app, qtbot: QtBot, store: CaseStore) -> None:
    from PySide6.QtGui import QUndoStack

    pane = ReviewPane(MessageTableModel())
    qtbot.addWidget(pane)
    shots = ScreenshotListModel()
    controller = ReviewController(pane, shots, QUndoStack(), None)
    controller.set_store(store)
    controller._pixmap = lambda _shot: QPixmap()  # type: ignore[method-assign,assignment] # no image decoding needed
    shot = store.screenshots()[0]
    controller.show(shot.id)
    m = pane.model.message_at(0)
    assert m is not None
    suggested = [t.tag for t in store.tags(m.id) if t.state is TagState.SUGGESTED]
    assert suggested
    menu = controller.tag_menu(m.id)
    assert isinstance(menu, TagMenu)
    with qtbot.waitSignal(controller.changed):
        menu.confirm_actions[suggested[0]].trigger()
    assert {t.tag: t.state for t in store.tags(m.id)}[suggested[0]] is TagState.CONFIRMED
    menu = controller.tag_menu(m.id)
    assert isinstance(menu, TagMenu) and suggested[0] not in menu.confirm_actions
    menu.remove_actions[suggested[0]].trigger()
    assert {t.tag: t.state for t in store.tags(m.id)}[suggested[0]] is TagState.REMOVED


def test_party_from_dialog_regroups_the_timeline(view: TimelineView, store: CaseStore, qtbot: QtBot) -> None:
    view.table.selectAll()
    assert set(view.selected_senders()) == {GATEWAY, COLLECTOR}
    dialog = view.parties_dialog(view.selected_senders())
    assert isinstance(dialog, PartiesDialog)
    qtbot.addWidget(dialog)
    assert set(dialog.checked_senders()) == {GATEWAY, COLLECTOR}
    dialog.name_edit.setText("某某贷")
    assert dialog.save()
    assert [(p.name, set(p.members)) for p in store.parties()] == [("某某贷", {GATEWAY, COLLECTOR})]

    with qtbot.waitSignal(view.partiesChanged):
        dialog.accept()
    parties = {e.party for e in view.model.timeline.entries}
    assert parties == {"某某贷"}
    assert [view.who_combo.itemData(i) for i in range(view.who_combo.count())] == [None, "某某贷"]
    assert "3" in view.who_combo.itemText(1)
    row = view.model.row_for_message(view.model.timeline.entries[0].primary_message_id)
    assert "某某贷" in str(view.model.index(row, int(Column.SENDER)).data())

    # edit members, then delete the party
    dialog2 = PartiesDialog(store, (), None)
    qtbot.addWidget(dialog2)
    dialog2.edit_party("某某贷")
    dialog2.set_checked([GATEWAY])
    assert dialog2.save()
    assert [(p.name, p.members) for p in store.parties()] == [("某某贷", (GATEWAY,))]
    dialog2.delete_current()
    assert store.parties() == []
