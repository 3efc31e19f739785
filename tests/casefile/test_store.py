"""The store keeps OCR values, audits every change and survives reopening."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from casefile.model import CaseInfo, OcrStatus, TagState
from casefile.schema import CURRENT_VERSION
from casefile.store import CREATED, CaseError, CaseStore, NewScreenshot
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource


def _shot(store: CaseStore, n: int = 1) -> int:
    return store.add_screenshot(
        NewScreenshot(f"{n:064x}", f"s{n}.png", f"/tmp/s{n}.png", "png", 10, 100, 200, "PNG", None, None)
    )


def _extraction(*texts: str) -> Extraction:
    return Extraction(
        image="s.png", layout=Layout.SMS_THREAD, captured_at=datetime(2025, 3, 10, 14, 32, 5),
        thread_title="106980095188",
        messages=[
            ExtractedMessage(Kind.SMS, Direction.INCOMING, "1069800951B8", datetime(2025, 3, 8, 14, 32), t,
                             Box(10, 100 * i, 300, 80), 0.8, TimeSource.SEPARATOR)
            for i, t in enumerate(texts)
        ],
        captured_at_source=TimeSource.FILE_NAME, engine="tesseract", engine_version="5.3.0",
    )


def test_new_case_is_wal_and_current_schema(store: CaseStore) -> None:
    conn = sqlite3.connect(store.paths.database)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert store.paths.originals.is_dir()


def test_case_info_round_trip(store: CaseStore, tmp_path: Path) -> None:
    store.set_case_info(CaseInfo("被催收骚扰", "张三", "某某贷\n某某花", "备注"))
    store.close()
    with CaseStore.open(tmp_path / "case", create=False) as again:
        info = again.case_info()
    assert info.title == "被催收骚扰"
    assert info.respondents == ["某某贷", "某某花"]


def test_extraction_is_stored_as_read(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("您已逾期3天", "请立即还款"))
    shot = store.screenshot(sid)
    assert shot.ocr_status is OcrStatus.DONE
    assert (shot.layout, shot.thread_title, shot.ocr_engine) == (Layout.SMS_THREAD, "106980095188", "tesseract")
    assert shot.captured_at == datetime(2025, 3, 10, 14, 32, 5)
    msgs = store.messages(sid)
    assert [m.text for m in msgs] == ["您已逾期3天", "请立即还款"]
    assert msgs[1].box == Box(10, 100, 300, 80)
    assert msgs[0].time_source is TimeSource.SEPARATOR


def test_failed_extraction_marks_the_screenshot(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, Extraction("s.png", None, None, error="cannot decode"))
    shot = store.screenshot(sid)
    assert shot.ocr_status is OcrStatus.FAILED
    assert shot.ocr_error == "cannot decode"
    assert store.screenshots_to_read() == [shot]


def test_correction_keeps_ocr_value_and_audits(store: CaseStore, tmp_path: Path) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("您已逾期3天"))
    (m,) = store.messages(sid)
    c = store.correct(m.id, "sender", "106980095188")
    assert c is not None and (c.old, c.new) == ("1069800951B8", "106980095188")
    assert store.correct(m.id, "sender", "106980095188") is None, "no audit row for a no-op"
    store.correct(m.id, "time", datetime(2025, 3, 8, 9, 5))
    store.close()
    with CaseStore.open(tmp_path / "case") as again:
        got = again.message(m.id)
        assert got.sender == "106980095188"
        assert got.ocr is not None and got.ocr.sender == "1069800951B8"
        assert got.time == datetime(2025, 3, 8, 9, 5)
        assert got.time_source is TimeSource.MANUAL
        assert got.corrected == {"sender", "time"}
        log = again.corrections(m.id)
        assert [(x.field, x.old, x.new) for x in log] == [
            ("sender", "1069800951B8", "106980095188"),
            ("time", "2025-03-08T14:32", "2025-03-08T09:05"),
        ]


def test_unknown_field_is_refused(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("x"))
    with pytest.raises(ValueError, match="not a correctable field"):
        store.correct(store.messages(sid)[0].id, "confidence", 1.0)


def test_undo_and_redo_append_to_the_log(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("a", "b"))
    m1, m2 = store.messages(sid)
    made = store.correct_many([(m1.id, "sender", "X"), (m2.id, "sender", "X")])
    batch = made[0].batch or ""
    assert {c.batch for c in made} == {batch}
    store.revert_batch(batch)
    assert [m.sender for m in store.messages(sid)] == ["1069800951B8"] * 2
    store.reapply_batch(batch)
    assert [m.sender for m in store.messages(sid)] == ["X", "X"]
    assert len(store.corrections()) == 6


def test_exclude_split_merge_and_their_undo(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("第一条第二条", "尾"))
    whole, tail = store.messages(sid)
    parts = store.split_message(whole.id, ["第一条", "第二条"])
    visible = store.messages(sid, include_excluded=False)
    assert [m.text for m in visible] == ["第一条", "第二条", "尾"]
    assert store.message(whole.id).excluded
    merged = store.merge_messages([parts[1], tail.id])
    assert [m.text for m in store.messages(sid, include_excluded=False)] == ["第一条", "第二条尾"]
    merge_batch = store.corrections(merged)[0].batch or ""
    assert store.corrections(merged)[0].field == CREATED
    store.revert_batch(merge_batch)
    assert [m.text for m in store.messages(sid, include_excluded=False)] == ["第一条", "第二条", "尾"]
    assert len(store.messages(sid)) == 5, "nothing is ever deleted"


def test_manual_message(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("a"))
    mid = store.add_message(sid, kind=Kind.SMS, direction=Direction.INCOMING, sender="95555",
                            time=datetime(2025, 3, 1, 8, 0), text="漏掉的一条", box=Box(1, 2, 3, 4))
    m = store.message(mid)
    assert m.origin == "manual" and m.ocr is None and m.time_source is TimeSource.MANUAL
    assert [x.text for x in store.messages(sid)] == ["a", "漏掉的一条"]


def test_rereading_supersedes_but_keeps_history(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("旧"))
    old = store.messages(sid)[0]
    store.correct(old.id, "text", "旧（改）")
    store.save_extraction(sid, _extraction("新"))
    assert [m.text for m in store.messages(sid)] == ["新"]
    assert store.corrections(old.id)[0].new == "旧（改）"


def test_tags_suggestions_never_override_the_user(store: CaseStore) -> None:
    sid = _shot(store)
    store.save_extraction(sid, _extraction("上门", "你好"))
    m1, m2 = store.messages(sid)
    store.set_tag(m1.id, "威胁", TagState.REMOVED)
    n = store.suggest_tags([(m1.id, "威胁", "rule:threat"), (m2.id, "夜间", "rule:night")])
    assert n == 1
    states = {(t.message_id, t.tag): t.state for t in store.tags()}
    assert states == {(m1.id, "威胁"): TagState.REMOVED, (m2.id, "夜间"): TagState.SUGGESTED}


def test_parties_move_a_sender(store: CaseStore) -> None:
    store.set_party("某某贷", ["106980095188", "13800138000"])
    store.set_party("催收公司", ["13800138000"])
    got = {p.name: p.members for p in store.parties()}
    assert got == {"某某贷": ("106980095188",), "催收公司": ("13800138000",)}


def test_damaged_database_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "case.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CaseError, match="damaged"):
        CaseStore.open(folder)


def test_case_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "future"
    CaseStore.open(folder).close()
    conn = sqlite3.connect(folder / "case.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(CaseError, match="newer"):
        CaseStore.open(folder)


def test_open_without_create(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="not a Screenproof case"):
        CaseStore.open(tmp_path / "nothing", create=False)
