"""The case is read once per change: the timeline is built once for repeated reads."""

from __future__ import annotations

from pathlib import Path

import pytest

import casefile.snapshot as snapshot_module
from casefile.snapshot import read_snapshot
from casefile.store import CaseStore
from casefile.timeline import build_timeline
from tests.casefile.test_store import _extraction, _shot


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return build_timeline(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(snapshot_module, "build_timeline", counting)
    return calls


def test_two_reads_without_a_change_build_the_timeline_once(store: CaseStore, builds: list[int]) -> None:
    store.save_extraction(_shot(store), _extraction("您已逾期3天", "请立即还款"))
    first = read_snapshot(store)
    second = read_snapshot(store)
    assert len(builds) == 1
    assert second.timeline is first.timeline
    assert [e.text for e in first.timeline.entries] == ["您已逾期3天", "请立即还款"]
    assert first.counts.received == 2


def test_a_correction_rebuilds_the_timeline(store: CaseStore, builds: list[int]) -> None:
    store.save_extraction(_shot(store), _extraction("您已逾期3天", "请立即还款"))
    before = read_snapshot(store)
    revision = store.revision
    mid = before.messages[0].id
    assert store.correct(mid, "text", "您已逾期4天") is not None
    assert store.revision > revision
    after = read_snapshot(store)
    assert len(builds) == 2
    assert "您已逾期4天" in [e.text for e in after.timeline.entries]
    read_snapshot(store)
    assert len(builds) == 2


def test_night_window_wraps_midnight_and_matches_the_rules() -> None:
    from datetime import datetime, time

    from casefile.night import NightWindow
    from casefile.rules import load_rules

    w = NightWindow.parse("22:00", "08:00")
    assert w.contains(time(23, 30)) and w.contains(time(7, 59)) and w.contains(datetime(2025, 3, 8, 22, 0))
    assert not w.contains(time(8, 0)) and not w.contains(time(21, 59))
    rules = load_rules()
    assert rules.night == NightWindow(*rules.night_window)
    assert load_rules() is rules  # unchanged file: parsed once


def test_an_edited_rules_file_is_read_again(tmp_path: Path) -> None:
    import os

    from casefile.rules import RULES_PATH, load_rules

    copy = tmp_path / "tags.json"
    copy.write_bytes(RULES_PATH.read_bytes())
    first = load_rules(copy)
    st = copy.stat()
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load_rules(copy) is not first
