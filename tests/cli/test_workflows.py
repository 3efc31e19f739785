"""The jobs both front ends drive (casefile.workflows): import, what to read, tag suggestions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from casefile.importer import ImportResult, Outcome, Prepared
from casefile.jobs import CancelToken, Progress
from casefile.model import OcrStatus
from casefile.store import CaseStore
from casefile.workflows import TagsSuggested, import_files, prepare_files, suggest_tags, to_read
from ocr.model import Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource
from tests.images import phone_png


def test_import_files_reports_every_file_and_stores_the_good_ones(tmp_path: Path) -> None:
    good = phone_png(tmp_path / "in" / "Screenshot_20250310-143205.png", seed=1)
    (tmp_path / "in" / "notes.txt").write_text("not a picture")
    with CaseStore.open(tmp_path / "case") as store:
        items = list(import_files(store, [tmp_path / "in", good]))
        results = [i for i in items if isinstance(i, ImportResult)]
        outcomes = sorted((r.path.name, r.outcome) for r in results)
        assert outcomes == [
            ("Screenshot_20250310-143205.png", Outcome.DUPLICATE),
            ("Screenshot_20250310-143205.png", Outcome.IMPORTED),
            ("notes.txt", Outcome.REJECTED),
        ]
        assert items[-1] == Progress(3, 3)
        assert [s.original_name for s in to_read(store)] == ["Screenshot_20250310-143205.png"]


def test_a_cancelled_import_keeps_what_was_finished_and_the_next_reading_covers_it(tmp_path: Path) -> None:
    for i in range(3):
        phone_png(tmp_path / "in" / f"s{i}.png", seed=i)
    token = CancelToken()
    with CaseStore.open(tmp_path / "case") as store:
        done = []
        for item in import_files(store, [tmp_path / "in"], token):
            if isinstance(item, ImportResult):
                done.append(item)
                token.cancel()
        assert len(done) == 1 and len(store.screenshots()) == 1
        # A later import of one more file: the reading after it covers the earlier one too.
        list(import_files(store, [tmp_path / "in" / "s2.png"]))
        assert sorted(s.original_name for s in to_read(store)) == ["s0.png", "s2.png"]
        sid = store.screenshots()[0].id
        assert [s.id for s in to_read(store, again=[sid], layout=Layout.SMS_THREAD)] == [sid]


def test_prepare_files_touches_no_database(tmp_path: Path) -> None:
    png = phone_png(tmp_path / "a.png", seed=3)
    originals = tmp_path / "originals"
    originals.mkdir()
    items = list(prepare_files([png], originals))
    assert [type(i) for i in items] == [Progress, Prepared, Progress]
    assert not (tmp_path / "case").exists()


def test_suggest_tags_records_the_rules_suggestions_once(tmp_path: Path) -> None:
    png = phone_png(tmp_path / "in" / "a.png", seed=4)
    with CaseStore.open(tmp_path / "case") as store:
        (r,) = [i for i in import_files(store, [png]) if isinstance(i, ImportResult)]
        assert r.screenshot_id is not None
        msg = ExtractedMessage(
            Kind.SMS, Direction.INCOMING, "10690123456789", datetime(2025, 3, 8, 2, 30),
            "你再不还款我们就联系你的家人和单位", confidence=0.9, time_source=TimeSource.SEPARATOR,
        )
        store.save_extraction(r.screenshot_id, Extraction("a.png", Layout.SMS_THREAD, None, "10690123456789", [msg]))
        assert store.screenshot(r.screenshot_id).ocr_status == OcrStatus.DONE
        (first,) = [i for i in suggest_tags(store) if isinstance(i, TagsSuggested)]
        assert first.count > 0
        (again,) = [i for i in suggest_tags(store) if isinstance(i, TagsSuggested)]
        assert again.count == 0
