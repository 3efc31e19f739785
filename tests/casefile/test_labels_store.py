"""A row's labels (place, carrier, the phone's mark) stored with the message: kept as read, carried
through a split or merge, and a v4 case opens unchanged with no labels on its messages."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from casefile.model import Message
from casefile.schema import CURRENT_VERSION, MIGRATIONS, split_statements
from casefile.store import CaseStore, NewScreenshot
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout

MARKED = ("骚扰电话", "浙江杭州 移动")


def _shot(store: CaseStore) -> int:
    return store.add_screenshot(NewScreenshot("a" * 64, "s.png", "/tmp/s.png", "png", 10, 100, 200, "PNG", None, None))


def _calls() -> Extraction:
    return Extraction(
        image="s.png",
        layout=Layout.CALL_LOG,
        captured_at=None,
        messages=[
            ExtractedMessage(Kind.CALL, Direction.MISSED, "13800138000", datetime(2025, 3, 8, 20, 40), "",
                             Box(10, 10, 300, 60), 0.9, labels=MARKED),
            ExtractedMessage(Kind.CALL, Direction.INCOMING, "10086", datetime(2025, 3, 8, 18, 2), "45秒",
                             Box(10, 80, 300, 60), 0.9, duration_s=45),
        ],
        engine="tesseract",
    )


def test_labels_are_stored_with_the_message_as_read(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _calls())
    marked, plain = store.messages(sid)
    assert marked.labels == MARKED
    assert plain.labels == ()
    assert store.message(marked.id).labels == MARKED
    # Stored as readable JSON, Chinese as written.
    raw = store._conn.execute("SELECT labels FROM messages WHERE id=?", (marked.id,)).fetchone()[0]
    assert "骚扰电话" in raw


def test_a_split_or_merge_keeps_the_rows_labels(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _calls())
    marked, plain = store.messages(sid)
    parts = store.split_message(marked.id, ["a", "b"])
    assert [store.message(i).labels for i in parts] == [MARKED, MARKED]
    merged = store.merge_messages([*parts, plain.id])
    assert store.message(merged).labels == MARKED


def test_a_v4_case_opens_unchanged_and_its_messages_have_no_labels(tmp_path: Path) -> None:
    folder = tmp_path / "v4"
    (folder / "originals").mkdir(parents=True)
    conn = sqlite3.connect(folder / "case.sqlite", isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in split_statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO screenshots (id, sha256, original_name, original_path, ext, size_bytes, width, height, format, "
        "imported_at, phone) VALUES (1, ?, 's.png', '/tmp/s.png', 'png', 1, 1, 1, 'PNG', '2025-03-10T15:00:00', '母亲')",
        ("c" * 64,),
    )
    conn.execute(
        "INSERT INTO messages (id, screenshot_id, position, kind, direction, sender, time, text, duration_s, date) "
        "VALUES (7, 1, 0, 'call', 'missed', '13800138000', '2025-03-08T20:40', '', NULL, '2025-03-08')"
    )
    conn.close()
    with CaseStore.open(folder) as s:
        m = s.message(7)
        assert (m.sender, m.time, m.kind, m.direction, m.labels) == (
            "13800138000", datetime(2025, 3, 8, 20, 40), Kind.CALL, Direction.MISSED, ())
        assert s.screenshot(1).phone == "母亲"
    assert sqlite3.connect(folder / "case.sqlite").execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 5


def test_a_call_on_two_screenshots_is_one_entry_with_every_readings_labels_once() -> None:
    """The same row read twice may carry its labels once fully and once cut (a row at the screen's edge)."""
    from dataclasses import replace

    from casefile.timeline import TimelineFilter, build_timeline
    from tests.casefile.test_timeline import at, msg, shot

    def calls(sid: int, first: int, labels: tuple[str, ...]) -> list[Message]:
        marked = msg(first, sid, 0.0, "", None, sender="13800138000", kind=Kind.CALL, direction=Direction.MISSED)
        other = msg(first + 1, sid, 1.0, "43秒", None, sender="075583456789", kind=Kind.CALL, duration_s=43)
        return [replace(marked, labels=labels), other]

    shots = [shot(1, at(8, 20), layout=Layout.CALL_LOG, title=None), shot(2, at(8, 20, 1), layout=Layout.CALL_LOG, title=None)]
    tl = build_timeline(calls(1, 100, ("骚扰电话",)) + calls(2, 200, ("骚扰电话", "浙江杭州 移动")), shots)
    assert len(tl.entries) == 2
    marked = next(e for e in tl.entries if e.sender == "13800138000")
    assert marked.message_ids == (100, 200)
    assert set(marked.labels) == {"骚扰电话", "浙江杭州 移动"} and len(marked.labels) == 2
    assert [e.sender for e in tl.filter(TimelineFilter(text="杭州移动"))] == ["13800138000"]  # search finds a label
