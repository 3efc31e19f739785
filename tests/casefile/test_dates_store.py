"""Days without minutes, and capture times the user sets, in the case store (issue 12).

An inbox row that shows only 昨天 keeps its day; a case made before days were
stored gets them from its known minutes; and when the user says when a
screenshot was taken, the times its screen shows relative to that moment are
resolved again, audited, and undone as one step.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from casefile.model import TimePrecision
from casefile.schema import _V1, CURRENT_VERSION, split_statements
from casefile.store import CaseStore, NewScreenshot
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource

MTIME = datetime(2026, 12, 3, 2, 54, 0)  # when the file was copied, not taken
TAKEN = datetime(2025, 3, 10, 14, 40, 5)  # what the user says (a Monday)


def _inbox(store: CaseStore, captured: datetime | None, source: TimeSource | None) -> int:
    sid = store.add_screenshot(
        NewScreenshot("a" * 64, "inbox.png", "/tmp/inbox.png", "png", 10, 1080, 2400, "PNG", captured, source)
    )
    rows = [
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "95555", None, "a", time_text="5分钟前"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "10086", None, "b", time_text="14:32"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "10010", None, "c", time_text="昨天"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "106", None, "d", time_text="星期二"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "107", None, "e", time_text="2025/3/1"),
        ExtractedMessage(Kind.SMS, Direction.INCOMING, "108", None, "f"),
    ]
    from ocr.times import apply_labels

    apply_labels(rows, captured, newest_first=True)
    store.save_extraction(sid, Extraction("inbox.png", Layout.SMS_INBOX, captured, None, rows, source))
    return sid


def _days(store: CaseStore, sid: int) -> list[tuple[str | None, str | None]]:
    return [
        (m.time.isoformat(timespec="minutes") if m.time else None, m.day.isoformat() if m.day else None)
        for m in store.messages(sid)
    ]


def test_day_only_rows_keep_their_day(tmp_path: Path) -> None:
    with CaseStore.open(tmp_path / "c") as store:
        sid = _inbox(store, TAKEN, TimeSource.FILE_NAME)
        msgs = store.messages(sid)
        assert [m.precision for m in msgs] == [TimePrecision.MINUTE] * 2 + [TimePrecision.DAY] * 3 + [
            TimePrecision.UNKNOWN
        ]
        assert _days(store, sid)[2:5] == [(None, "2025-03-09"), (None, "2025-03-04"), (None, "2025-03-01")]
        assert msgs[2].time_text == "昨天"


def test_capture_time_correction_resolves_relative_times_again_and_undoes(tmp_path: Path) -> None:
    with CaseStore.open(tmp_path / "c") as store:
        sid = _inbox(store, MTIME, TimeSource.MTIME)
        shot = store.screenshot(sid)
        assert shot.captured_at_uncertain and not shot.captured_at_corrected
        before = _days(store, sid)
        assert before[2] == (None, "2026-12-02")  # 昨天 against the copy time: wrong, as the user sees
        # A day the user fixed by hand stays theirs.
        hand = store.messages(sid)[4]
        store.correct(hand.id, "date", date(2025, 2, 28))

        batch = store.set_capture_time([sid], TAKEN)
        shot = store.screenshot(sid)
        assert shot.captured_at == TAKEN and shot.captured_at_source == TimeSource.MANUAL
        assert shot.captured_at_corrected and not shot.captured_at_uncertain
        assert shot.captured_at_before == MTIME and shot.captured_at_source_before == TimeSource.MTIME
        assert _days(store, sid) == [
            ("2025-03-10T14:35", "2025-03-10"),
            ("2025-03-10T14:32", "2025-03-10"),
            (None, "2025-03-09"),
            (None, "2025-03-04"),
            (None, "2025-02-28"),  # the user's own day, not 2025/3/1 again
            (None, None),
        ]
        # audited: the screenshot's change and each message's, in one batch
        [sc] = store.screenshot_corrections(sid)
        assert (
            sc.batch == batch
            and sc.old == "2026-12-03T02:54:00 | mtime"
            and sc.new == "2025-03-10T14:40:05 | manual"
        )
        assert {c.field for c in store.corrections(batch=batch)} == {"time", "date"}

        store.revert_batch(batch)
        assert _days(store, sid)[:4] == before[:4]
        shot = store.screenshot(sid)
        assert shot.captured_at == MTIME and shot.captured_at_source == TimeSource.MTIME
        store.reapply_batch(batch)
        assert _days(store, sid)[2] == (None, "2025-03-09")
        assert store.screenshot(sid).captured_at == TAKEN
        # the log only grew: set, undo, redo
        assert len(store.screenshot_corrections(sid)) == 3


def test_capture_time_for_several_screenshots_is_one_step(tmp_path: Path) -> None:
    with CaseStore.open(tmp_path / "c") as store:
        a = _inbox(store, None, None)
        b = store.add_screenshot(
            NewScreenshot(
                "b" * 64, "b.png", "/tmp/b.png", "png", 10, 1080, 2400, "PNG", MTIME, TimeSource.MTIME
            )
        )
        assert _days(store, a)[2] == (None, None)  # no capture time: 昨天 is no day at all
        batch = store.set_capture_time([a, b], TAKEN)
        assert {sc.screenshot_id for sc in store.screenshot_corrections(batch=batch)} == {a, b}
        assert _days(store, a)[2] == (None, "2025-03-09")
        store.revert_batch(batch)
        assert store.screenshot(a).captured_at is None and _days(store, a)[2] == (None, None)
        assert store.screenshot(b).captured_at == MTIME


def test_date_correction_moves_the_minute_and_is_audited(tmp_path: Path) -> None:
    with CaseStore.open(tmp_path / "c") as store:
        sid = _inbox(store, TAKEN, TimeSource.FILE_NAME)
        timed, day_only = store.messages(sid)[1], store.messages(sid)[2]
        store.correct(timed.id, "date", date(2025, 3, 7))
        assert store.message(timed.id).time == datetime(2025, 3, 7, 14, 32)
        ocr = store.message(timed.id).ocr
        assert ocr is not None and ocr.date == date(2025, 3, 10)  # what was read stays
        store.correct(day_only.id, "date", date(2025, 3, 8))
        m = store.message(day_only.id)
        assert m.day == date(2025, 3, 8) and m.time is None and "date" in m.corrected
        assert [c.field for c in store.corrections(day_only.id)] == ["date"]


def test_migration_from_a_version_1_case(tmp_path: Path) -> None:
    """A case made by the previous schema: days re-derived from known minutes, nothing lost."""
    folder = tmp_path / "old"
    (folder / "originals").mkdir(parents=True)
    conn = sqlite3.connect(folder / "case.sqlite", isolation_level=None)
    for statement in split_statements(_V1):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO screenshots (id, sha256, original_name, original_path, ext, size_bytes, width, height, format, "
        "imported_at, captured_at, captured_at_source, layout) VALUES (1, ?, 's.png', '/tmp/s.png', 'png', 1, 1, 1, "
        "'PNG', '2025-03-10T15:00:00', '2025-03-10T14:40:05', 'file name', 'sms_inbox')",
        ("c" * 64,),
    )
    conn.executemany(
        "INSERT INTO messages (id, screenshot_id, position, kind, direction, sender, time, text) "
        "VALUES (?, 1, ?, 'sms', 'incoming', '10086', ?, ?)",
        [(1, 0.0, "2025-03-10T14:32", "a"), (2, 1.0, None, "b")],
    )
    conn.execute(
        "INSERT INTO corrections (message_id, field, old, new, at, batch) "
        "VALUES (1, 'time', '2025-03-10T14:32', '2025-03-08T09:00', '2025-03-11T10:00:00', 'x')"
    )
    conn.close()

    with CaseStore.open(folder) as store:
        assert (
            sqlite3.connect(folder / "case.sqlite").execute("PRAGMA user_version").fetchone()[0]
            == CURRENT_VERSION
        )
        a, b = store.messages(1)
        assert a.ocr is not None and a.ocr.date == date(2025, 3, 10)  # re-derived from the minute read
        assert a.day == date(2025, 3, 8)  # the user's corrected minute decides the day
        assert b.day is None and b.precision == TimePrecision.UNKNOWN and b.time_text is None
        assert store.screenshot_corrections() == []
        assert store.screenshot(1).captured_at_before is None
