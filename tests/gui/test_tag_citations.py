"""The window shows what a tag rests on, with the kind of each source, and marks suggestions as such.

A tag is a claim the user makes; before confirming one, the user sees what it
cites (a law, a regulation, or a recommended standard that is not law), and
the timeline never shows a rule's suggestion as if it were confirmed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from casefile.importer import import_one
from casefile.model import TagState
from casefile.store import CaseStore
from casefile.tagging import apply_suggestions, load_rules
from gui import i18n
from gui.models.timeline_model import SUGGESTED_TAGS_ROLE, Column
from gui.views.tag_menu import TagMenu
from gui.views.timeline_view import TimelineView
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.images import phone_png

TS = i18n.I18N_DIR / "tags_zh_CN.ts"
COLLECTOR = "17123456789"
THREAT = "你这属于恶意拖欠，已涉嫌诈骗，我们会向公安机关报案。"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(tmp_path / "case")
    r = import_one(s, phone_png(tmp_path / "shot.png", seed=3))
    assert r.screenshot_id is not None
    rows = [
        ExtractedMessage(Kind.SMS, Direction.INCOMING, COLLECTOR, datetime(2025, 3, 7, 23, 10), THREAT,
                         confidence=0.95, time_source=TimeSource.SEPARATOR),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, COLLECTOR, datetime(2025, 3, 7, 7, 40), "回电话！",
                         confidence=0.95, time_source=TimeSource.SEPARATOR),
    ]
    s.save_extraction(r.screenshot_id, Extraction("shot.png", Layout.SMS_THREAD, None, COLLECTOR, rows, engine="fake"))
    apply_suggestions(s)
    yield s
    s.close()


@pytest.fixture
def view(gui_app, qtbot: QtBot, store: CaseStore) -> TimelineView:
    v = TimelineView()
    qtbot.addWidget(v)
    v.set_store(store)
    return v


def _row(view: TimelineView, text: str) -> int:
    for row in range(view.model.rowCount()):
        e = view.model.entry(row)
        if e is not None and e.text == text:
            return row
    raise AssertionError(text)


def test_the_tag_menu_names_each_citation_with_its_kind(view: TimelineView, store: CaseStore) -> None:
    rules = load_rules()
    threat_row = _row(view, THREAT)
    menu = view.context_menu_for_row(threat_row)
    assert isinstance(menu, TagMenu)
    assert set(menu.basis_menus) == {"威胁", "夜间"}
    texts = [a.text() for a in menu.basis_menus["威胁"].actions() if a.text()]
    assert texts[0].startswith("Suggested by a rule")  # not confirmed yet
    for c in rules.citations_of("威胁"):
        assert f"{c.title}（{c.kind}）" in texts
    night = [a for a in menu.basis_menus["夜间"].actions() if a.text()]
    gbt = next(a for a in night if a.text().startswith("GB/T 45251—2025"))
    assert gbt.text().endswith("（国家标准（推荐性））")
    assert "不是法律" in gbt.toolTip() and "条款号未核实" in gbt.toolTip()
    assert any(a.text() == "A recommended standard or an industry guideline is not law." for a in night)
    menu.confirm_actions["威胁"].trigger()
    after = view.context_menu_for_row(_row(view, THREAT))
    assert isinstance(after, TagMenu)
    assert not [a for a in after.basis_menus["威胁"].actions() if a.text().startswith("Suggested")]


def test_the_timeline_marks_suggestions_and_its_tooltip_shows_the_sources(
    view: TimelineView, store: CaseStore, tmp_path: Path
) -> None:
    row = _row(view, THREAT)
    index = view.model.index(row, Column.TAGS)
    assert view.model.data(index, SUGGESTED_TAGS_ROLE) == frozenset({"威胁", "夜间"})
    assert view.model.data(index, Qt.ItemDataRole.DisplayRole) == "夜间 (suggested)、威胁 (suggested)"
    tip = view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "威胁: suggested by a rule, not confirmed (not in the dossier)" in tip
    assert "《中华人民共和国刑法》第293条之一（法律）" in tip
    assert "GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》（国家标准（推荐性））" in tip
    mid = view.model.entry(row).primary_message_id  # type: ignore[union-attr]
    store.set_tag(mid, "威胁", TagState.CONFIRMED)
    view.refresh()
    index = view.model.index(_row(view, THREAT), Column.TAGS)
    assert view.model.data(index, SUGGESTED_TAGS_ROLE) == frozenset({"夜间"})
    assert "威胁: confirmed" in view.model.data(index, Qt.ItemDataRole.ToolTipRole)
    view.resize(1100, 400)
    view.grab().save(str(tmp_path / "timeline_tags.png"))


def test_the_new_strings_are_translated(gui_app, tmp_path: Path) -> None:
    tree = ET.parse(TS)
    for m in tree.iter("message"):
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None and "".join(tr.itertext()).strip(), m.findtext("source")
    translators = i18n.install(gui_app, "zh_CN", tmp_path)
    try:
        assert QCoreApplication.translate("TagMenu", "What “%1” cites") == "“%1”的依据"
        assert QCoreApplication.translate("TimelineModel", "%1 (suggested)") == "%1（建议）"
    finally:
        for t in translators:
            gui_app.removeTranslator(t)
