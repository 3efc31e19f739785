"""The store's side of the review pane's recovery tools: readings with their layout scores and
forced layouts, unassigned lines (kept per reading, superseded never deleted), messages made
from lines or read from a drawn box (user-added, OCR value kept), and the v1 → current migration."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from casefile.model import Origin
from casefile.schema import CURRENT_VERSION, MIGRATIONS, split_statements
from casefile.store import CREATED, FORCED_BY_USER, CaseStore, NewScreenshot
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource, UnassignedLine


def _shot(store: CaseStore, n: int = 1) -> int:
    return store.add_screenshot(
        NewScreenshot(f"{n:064x}", f"s{n}.png", f"/tmp/s{n}.png", "png", 10, 100, 200, "PNG", None, None)
    )


def _reading(layout: Layout, *lines: str, scores: dict[str, float] | None = None) -> Extraction:
    return Extraction(
        image="s.png",
        layout=layout,
        captured_at=None,
        messages=[ExtractedMessage(Kind.SMS, Direction.INCOMING, "95188", None, "已读的消息", Box(10, 10, 300, 60), 0.9)],
        unassigned=[UnassignedLine(t, Box(20, 100 + 50 * i, 200, 40), 0.7) for i, t in enumerate(lines)],
        layout_scores=scores or {},
        engine="tesseract",
    )


def test_a_v1_case_is_migrated_and_keeps_its_messages(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    conn = sqlite3.connect(folder / "case.sqlite", isolation_level=None)
    for statement in split_statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO screenshots (sha256, original_name, original_path, ext, size_bytes, width, height, format, "
        "imported_at, layout, ocr_status) VALUES ('ab', 'a.png', '/a.png', 'png', 1, 10, 10, 'PNG', "
        "'2025-03-10T12:00:00', 'sms_thread', 'done')"
    )
    conn.execute(
        "INSERT INTO messages (screenshot_id, position, kind, direction, sender, text) "
        "VALUES (1, 0, 'sms', 'incoming', '95188', '旧消息')"
    )
    conn.close()

    with CaseStore.open(folder, create=False) as store:
        check = sqlite3.connect(folder / "case.sqlite")
        assert check.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert [m.text for m in store.messages(1)] == ["旧消息"]
        assert store.readings(1) == [] and store.current_reading(1) is None
        assert store.unassigned_lines(1) == []
        store.save_extraction(1, _reading(Layout.SMS_THREAD, "漏掉的一行", scores={"sms_thread": 0.8}))
        assert [u.text for u in store.unassigned_lines(1)] == ["漏掉的一行"]
        assert store.current_reading(1).layout_scores == {"sms_thread": 0.8}  # type: ignore[union-attr]


def test_rereading_supersedes_lines_and_scores_but_keeps_them(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _reading(Layout.SMS_THREAD, "甲", "乙", scores={"sms_thread": 0.6, "sms_inbox": 0.5}))
    first = store.current_reading(sid)
    assert first is not None and first.forced_layout is None and first.forced_by is None
    store.save_extraction(sid, _reading(Layout.SMS_INBOX, "丙"), forced_layout=Layout.SMS_INBOX)
    assert [u.text for u in store.unassigned_lines(sid)] == ["丙"]
    readings = store.readings(sid)
    assert [(r.layout, r.superseded) for r in readings] == [(Layout.SMS_THREAD, True), (Layout.SMS_INBOX, False)]
    forced = readings[-1]
    assert forced.forced_layout is Layout.SMS_INBOX and forced.forced_by == FORCED_BY_USER
    assert forced.at >= first.at
    assert readings[0].layout_scores == {"sms_thread": 0.6, "sms_inbox": 0.5}
    kept = sqlite3.connect(store.paths.database).execute(
        "SELECT text, superseded FROM unassigned_lines ORDER BY id"
    ).fetchall()
    assert kept == [("甲", 1), ("乙", 1), ("丙", 0)]


def test_a_line_made_a_message_is_user_added_and_keeps_its_ocr_text(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _reading(Layout.SMS_THREAD, "请立即还款", "否则上门"))
    line, other = store.unassigned_lines(sid)
    mid = store.message_from_line(
        line.id, kind=Kind.SMS, direction=Direction.INCOMING, sender="95188",
        time=datetime(2025, 3, 8, 14, 32), position=0.5, batch="b1",
    )
    m = store.message(mid)
    assert m.origin is Origin.MANUAL_FROM_OCR
    assert (m.text, m.sender, m.time, m.box) == ("请立即还款", "95188", datetime(2025, 3, 8, 14, 32), line.box)
    assert m.ocr is not None and m.ocr.text == "请立即还款" and m.ocr.sender is None
    assert m.time_source is TimeSource.MANUAL
    assert [(c.field, c.batch) for c in store.corrections(mid)] == [(CREATED, "b1"), ("sender", "b1"), ("time", "b1")]
    assert [(u.text, u.taken) for u in store.unassigned_lines(sid)] == [("请立即还款", True), ("否则上门", False)]
    assert [u.text for u in store.unassigned_lines(sid, include_taken=False)] == ["否则上门"]

    store.revert_batch("b1")  # undo: the message is excluded, the line is free again
    assert store.message(mid).excluded
    assert not store.unassigned_lines(sid)[0].taken

    # adding a line to a message is a text correction; undoing it frees the line
    target = store.messages(sid)[0].id
    made = store.append_line(other.id, target, batch="b2")
    assert made is not None and (made.old, made.new) == ("已读的消息", "已读的消息否则上门")
    assert store.unassigned_line(other.id).taken
    store.revert_batch("b2")
    assert store.message(target).text == "已读的消息"
    assert not store.unassigned_line(other.id).taken


def test_messages_read_from_a_box_are_user_added_with_ocr_values(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _reading(Layout.SMS_INBOX))
    read = [
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "王经理", datetime(2025, 3, 10, 10, 5), "明天还", Box(1, 2, 3, 4),
                         0.8, TimeSource.ROW, field_confidence={"sender": 0.9}),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "95188", None, "验证码", Box(1, 9, 3, 4), 0.7),
    ]
    ids = store.add_read_messages(sid, read, [1.0, 1.5], batch="b3")
    got = [store.message(i) for i in ids]
    assert [(m.sender, m.text, m.origin) for m in got] == [
        ("王经理", "明天还", Origin.MANUAL_FROM_OCR), ("95188", "验证码", Origin.MANUAL_FROM_OCR)
    ]
    assert got[0].ocr is not None and got[0].ocr.time == datetime(2025, 3, 10, 10, 5)
    assert got[0].time_source is TimeSource.ROW and got[0].field_confidence == {"sender": 0.9}
    assert {c.field for i in ids for c in store.corrections(i)} == {CREATED}
    # a later re-read keeps them (they are the user's), like messages typed in
    store.save_extraction(sid, _reading(Layout.SMS_INBOX))
    assert {m.id for m in store.messages(sid)} >= set(ids)
