"""The timeline view over a real case: day groups, filters, chart jumps, opening a message.

The case is built the way the program builds one: PNGs imported into a
CaseStore, readings stored with ``save_extraction``, tags suggested and a party
defined through the store, so the view is tested against casefile's own
chronology, not a stand-in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from casefile.importer import import_one
from casefile.patterns import day_bars, pattern_rules
from casefile.store import CaseStore
from casefile.tagging import load_rules
from casefile.timeline import TimelineFilter
from gui.models.timeline_model import MESSAGE_ID_ROLE, Column
from gui.tasks import TaskRunner
from gui.views.timeline_view import TimelineView
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.gui.helpers import SyncTaskRunner, settle
from tests.images import phone_png

COLLECTOR = "10690123456789"
FAMILY_CALLER = "17123456789"
THREAT = "再不还钱就联系你的家人和单位"

# (time, sender, kind, direction, text); three days, the middle one busy and partly at night.
READINGS: list[list[tuple[datetime, str, Kind, Direction, str]]] = [
    [
        (
            datetime(2025, 3, 7, 9, 1),
            COLLECTOR,
            Kind.SMS,
            Direction.INCOMING,
            "您的借款已逾期3天，请今日还款",
        ),
        (datetime(2025, 3, 7, 9, 30), COLLECTOR, Kind.SMS, Direction.INCOMING, THREAT),
        (datetime(2025, 3, 7, 10, 2), "me", Kind.SMS, Direction.OUTGOING, "我月底还，请不要打给我家人"),
    ],
    [
        (datetime(2025, 3, 8, 8, 0), COLLECTOR, Kind.SMS, Direction.INCOMING, THREAT),
        (datetime(2025, 3, 8, 8, 5), FAMILY_CALLER, Kind.CALL, Direction.MISSED, "未接来电"),
        (datetime(2025, 3, 8, 12, 40), COLLECTOR, Kind.SMS, Direction.INCOMING, "最后通知：已移交法务部"),
        (datetime(2025, 3, 8, 23, 15), FAMILY_CALLER, Kind.SMS, Direction.INCOMING, "你妈的电话我们已经打了"),
        (datetime(2025, 3, 8, 23, 50), COLLECTOR, Kind.SMS, Direction.INCOMING, "今晚必须还款"),
    ],
    [
        (datetime(2025, 3, 10, 7, 59), COLLECTOR, Kind.SMS, Direction.INCOMING, THREAT),
    ],
]


@pytest.fixture
def store(tmp_path: Path):
    s = CaseStore.open(tmp_path / "case")
    for i, readings in enumerate(READINGS):
        png = phone_png(tmp_path / "src" / f"Screenshot_{i}.png", "催收", seed=i)
        sid = import_one(s, png).screenshot_id
        assert sid is not None
        msgs = [
            ExtractedMessage(
                kind, direction, sender, t, text, confidence=0.9, time_source=TimeSource.SEPARATOR
            )
            for t, sender, kind, direction, text in readings
        ]
        title = COLLECTOR if i == 0 else None  # the thread's other side, for the user's own reply
        s.save_extraction(sid, Extraction(png.name, Layout.SMS_THREAD, None, title, messages=msgs))
    s.suggest_tags((m.id, "威胁", "rule:test") for m in s.messages() if m.text == THREAT)
    s.set_party("安心借催收", [COLLECTOR])
    yield s
    s.close()


@pytest.fixture
def runner() -> SyncTaskRunner:
    return SyncTaskRunner()


@pytest.fixture
def view(gui_app, qtbot, store, runner: SyncTaskRunner):
    v = TimelineView(runner=runner)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_store(store)
    yield v
    assert not runner.busy


def message_rows(v: TimelineView) -> list[int]:
    return [r for r in range(v.model.rowCount()) if not v.model.is_header(r)]


def texts(v: TimelineView) -> list[str]:
    out = []
    for r in message_rows(v):
        e = v.model.entry(r)
        assert e is not None
        out.append(e.text)
    return out


def test_messages_are_grouped_under_day_headers(view: TimelineView) -> None:
    m = view.model
    headers = m.header_rows()
    assert [m.day_of_header(r) for r in headers] == [
        (date(2025, 3, 7), 3),
        (date(2025, 3, 8), 5),
        (date(2025, 3, 10), 1),
    ]
    # English source strings (no translation installed): weekday, date and count.
    assert m.data(m.index(headers[1], 0)) == "Saturday, 2025-03-08 · 5 message(s)"
    # Header rows span the whole row; messages follow in time order.
    assert view.table.columnSpan(headers[0], 0) == Column.COUNT
    first_day = [m.entry(r) for r in range(headers[0] + 1, headers[1])]
    assert [e.time.strftime("%H:%M") for e in first_day if e and e.time] == ["09:01", "09:30", "10:02"]
    assert m.data(m.index(headers[0] + 1, Column.SENDER)) == f"安心借催收（{COLLECTOR}）"
    assert m.data(m.index(headers[0] + 3, Column.SENDER)) == "Me → 安心借催收"
    assert m.data(m.index(headers[1] + 2, Column.KIND)) == "Call · missed"
    assert view.count_label.text() == "9 message(s) in the case"


def test_chart_counts_received_contact_per_day_with_night(view: TimelineView) -> None:
    bars = view.chart.bars()
    assert [(b.day, b.total, b.night) for b in bars] == [
        (date(2025, 3, 7), 2, 0),  # the user's own reply is not contact received
        (date(2025, 3, 8), 5, 2),  # 23:15 and 23:50 are at night; 08:00 no longer
        (date(2025, 3, 9), 0, 0),  # a quiet day is a zero bar, not a gap
        (date(2025, 3, 10), 1, 1),  # 07:59 is still night in the rules' window (until 08:00)
    ]
    assert day_bars([]) == []


def test_night_and_high_frequency_come_from_the_rules(store: CaseStore) -> None:
    rules = load_rules()
    mine = pattern_rules(store)
    every_minute = [datetime(2025, 3, 8) + timedelta(minutes=m) for m in range(24 * 60)]
    assert [mine.is_night(t) for t in every_minute] == [rules.is_night(t) for t in every_minute]
    limit = next(r for r in rules.rules if r.check == "per-day-frequency")
    assert mine.high_per_day == limit.params["default"]
    store.set_setting(limit.params["setting"], "45")  # the case overrides the daily limit
    assert pattern_rules(store).high_per_day == 45


def test_filter_by_party(view: TimelineView, qtbot) -> None:
    i = view.who_combo.findData("安心借催收")
    assert i > 0
    assert view.who_combo.itemText(i) == "安心借催收  (6)"
    view.who_combo.setCurrentIndex(i)
    # The collector's messages, and the user's reply in that conversation (its party).
    assert len(texts(view)) == 7
    assert "你妈的电话我们已经打了" not in texts(view)
    assert view.count_label.text() == "Showing 7 of 9 messages"
    assert [b.total for b in view.chart.bars()] == [2, 3, 0, 1]


def test_filter_by_tag(view: TimelineView) -> None:
    view.tag_combo.setCurrentIndex(view.tag_combo.findData("威胁"))
    assert texts(view) == [THREAT] * 3
    assert [view.model.day_of_header(r)[0] for r in view.model.header_rows()] == [
        date(2025, 3, 7),
        date(2025, 3, 8),
        date(2025, 3, 10),
    ]
    tag_cell = view.model.index(message_rows(view)[0], Column.TAGS)
    assert tag_cell.data() == "威胁 (suggested)"  # a rule's suggestion, not yet confirmed by the user


def test_filter_by_text_is_debounced_and_searches_numbers(view: TimelineView, qtbot) -> None:
    qtbot.keyClicks(view.search_edit, FAMILY_CALLER)  # typed; QTest cannot type Chinese
    assert view.model.visible_count == 9  # not yet: one filter after typing stops
    qtbot.waitUntil(lambda: view.model.visible_count == 2, timeout=2000)
    view.search_edit.setText("法务")  # what an input method delivers
    qtbot.waitUntil(lambda: view.model.visible_count == 1, timeout=2000)
    assert texts(view) == ["最后通知：已移交法务部"]
    view.clear_filters()
    assert view.model.visible_count == 9
    assert not view.clear_button.isEnabled()


def test_filter_by_kind_and_date_range(view: TimelineView) -> None:
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(Kind.CALL))
    assert texts(view) == ["未接来电"]
    view.set_filter(TimelineFilter(date_from=date(2025, 3, 8), date_to=date(2025, 3, 9)))
    assert view.kind_combo.currentData() is None
    assert len(texts(view)) == 5
    assert view.filter().date_from == date(2025, 3, 8)
    view.set_filter(TimelineFilter(kinds=frozenset({Kind.CALL}), date_from=date(2025, 3, 10)))
    assert view.model.visible_count == 0
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "No messages match these filters."


def test_clicking_a_bar_jumps_to_that_day(view: TimelineView, qtbot) -> None:
    view.resize(1100, 330)  # short, so that jumping must scroll
    qtbot.wait(10)
    bars = view.chart.bars()
    target = next(i for i, b in enumerate(bars) if b.day == date(2025, 3, 10))
    x = int(view.chart.bar_rect(target).center().x())
    with qtbot.waitSignal(view.chart.day_clicked) as clicked:
        qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton, pos=QPoint(x, view.chart.height() - 30))
    assert clicked.args == [date(2025, 3, 10)]
    header = view.model.row_for_day(date(2025, 3, 10))
    assert view.table.currentIndex().row() == header + 1
    e = view.model.entry(header + 1)
    assert e is not None and e.time == datetime(2025, 3, 10, 7, 59)
    top = view.table.rowAt(0)
    assert view.model.header_row_at_or_before(top) == header or top >= header
    assert view.chart.current_day() == date(2025, 3, 10)
    # A day without messages (the quiet 9th) jumps to the next day shown.
    assert view.model.row_for_day(date(2025, 3, 9)) == header


def test_double_click_asks_to_open_that_message(view: TimelineView, store: CaseStore, qtbot) -> None:
    row = view.model.header_rows()[1] + 2  # 2025-03-08 08:05, the missed call
    index = view.model.index(row, Column.TEXT)
    expected = index.data(MESSAGE_ID_ROLE)
    assert store.message(expected).kind is Kind.CALL
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.openMessageRequested) as opened:
        # A user's double-click: the first press and release, then the second press.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [expected]
    # Headers open nothing.
    header_rect = view.table.visualRect(view.model.index(view.model.header_rows()[0], 0))
    with qtbot.assertNotEmitted(view.openMessageRequested):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=header_rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=header_rect.center())


def test_refresh_keeps_the_filter_and_the_selected_message(view: TimelineView, store: CaseStore) -> None:
    view.set_filter(TimelineFilter(tags=frozenset({"威胁"})))
    row = message_rows(view)[1]
    entry = view.model.entry(row)
    assert entry is not None
    view.table.selectRow(row)
    store.correct(entry.primary_message_id, "text", THREAT + "！")
    view.refresh()
    assert view.filter().tags == frozenset({"威胁"})
    assert view.current_message_id() == entry.primary_message_id
    assert view.model.entry(view.table.currentIndex().row()).text == THREAT + "！"  # type: ignore[union-attr]


def test_refresh_on_the_task_runner_keeps_the_window_free(gui_app, qtbot, store: CaseStore) -> None:
    runner = TaskRunner()
    v = TimelineView(runner=runner)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.loaded, timeout=10000):
        v.set_store(store)
        assert v.loading
    assert not v.loading
    assert v.model.visible_count == 9
    # Two refreshes in a row: only the newer result is shown.
    with qtbot.waitSignal(v.loaded, timeout=10000):
        v.refresh()
        v.refresh()
    assert v.model.visible_count == 9
    assert runner.shutdown(5000)
    settle(runner)


def test_thumbnails_are_decoded_once_in_the_background(view: TimelineView, runner: SyncTaskRunner, qtbot) -> None:
    index = view.model.index(message_rows(view)[0], Column.SHOT)
    view.model.data(index, Qt.ItemDataRole.DecorationRole)
    decodes = runner.started.count("thumbnails")
    qtbot.waitUntil(lambda: view.model.data(index, Qt.ItemDataRole.DecorationRole) is not None, timeout=5000)
    pm = view.model.data(index, Qt.ItemDataRole.DecorationRole)
    assert not pm.isNull() and pm.height() <= 64
    assert view.model.data(index, Qt.ItemDataRole.DecorationRole) is pm  # cached, not decoded again
    assert runner.started.count("thumbnails") > decodes  # on the window's runner: no pool of its own


def test_an_empty_case_says_what_to_do(gui_app, qtbot, tmp_path: Path) -> None:
    v = TimelineView()
    qtbot.addWidget(v)
    with CaseStore.open(tmp_path / "empty") as s:
        v.set_store(s)
        assert v.model.rowCount() == 0
        assert "Import screenshots" in v.empty_label.text()
        assert v.chart.bars() == []
    v.set_store(None)
    assert v.model.total_count == 0
