"""The timeline is built once per change of the case, whoever asks first: the view, the tags or the export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import casefile.snapshot as snapshot_module
import gui.controllers.timeline_loader as loader_module
from casefile.snapshot import read_snapshot
from casefile.store import CaseStore
from casefile.timeline import Timeline, build_timeline
from gui.controllers.timeline_loader import TimelineLoader
from tests.casefile.test_store import _extraction, _shot


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CaseStore]:
    s = CaseStore.open(tmp_path / "case")
    s.save_extraction(_shot(s), _extraction("您已逾期3天", "请立即还款"))
    yield s
    s.close()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def counting(where: str):
        def build(*args: object, **kwargs: object) -> object:
            calls.append(where)
            return build_timeline(*args, **kwargs)  # type: ignore[arg-type]

        return build

    monkeypatch.setattr(snapshot_module, "build_timeline", counting("snapshot"))
    monkeypatch.setattr(loader_module, "build_timeline", counting("view"))
    return calls


def test_the_view_s_build_serves_the_export_and_a_change_builds_once_more(
    qtbot: object, store: CaseStore, builds: list[str]
) -> None:
    loader = TimelineLoader(None)
    seen: list[Timeline] = []
    loader.built.connect(seen.append)
    loader.set_store(store)

    loader.load()
    assert builds == ["view"]
    assert read_snapshot(store).timeline is seen[-1]  # the export and the tags reuse the view's build
    loader.load()
    assert builds == ["view"] and len(seen) == 2  # nothing changed: nothing is built again

    mid = store.messages()[0].id
    assert store.correct(mid, "text", "您已逾期4天") is not None
    assert "您已逾期4天" in [e.text for e in read_snapshot(store).timeline.entries]  # the export asks first now
    loader.load()
    assert builds == ["view", "snapshot"]  # ...and the view reuses that build
    assert seen[-1] is read_snapshot(store).timeline
