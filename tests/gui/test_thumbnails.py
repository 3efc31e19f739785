"""Thumbnails: decoded on the window's runner, never shown for another file, asked again after a cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize

from casefile.jobs import CancelToken
from gui.models.thumbnails import ThumbnailCache
from gui.tasks import Job, Task
from tests.gui.helpers import SyncTaskRunner
from tests.images import phone_png

SIZE = QSize(64, 64)


class CancelledRunner(SyncTaskRunner):
    """Every job is cancelled before its first unit, as when the case closes under it."""

    def start(self, name: str, job: Job, connect: Callable[[Task], object] | None = None) -> Task:
        def cancelled_first(cancel: CancelToken) -> Iterator[Any]:
            cancel.cancel()
            return job(cancel)

        return super().start(name, cancelled_first, connect)


def test_a_thumbnail_is_decoded_once_and_dropped_when_its_id_names_another_file(
    gui_app, qtbot, tmp_path: Path
) -> None:
    a = phone_png(tmp_path / "a.png", "催收", seed=1)
    b = phone_png(tmp_path / "b.png", "还款", seed=2)
    runner = SyncTaskRunner()
    cache = ThumbnailCache(SIZE, runner)
    cache.set_paths({1: a})
    assert cache.get(1) is None  # queued, not decoded while painting
    qtbot.waitUntil(lambda: cache.get(1) is not None)
    first = cache.get(1)
    assert first is not None and not first.isNull() and first.height() <= SIZE.height()
    assert runner.started == ["thumbnails"]
    cache.set_paths({1: a, 2: b})  # the case grew: the decoded one stays
    assert cache.get(1) is first
    cache.set_paths({1: b})  # another case whose screenshot 1 is another file
    assert cache.get(1) is None
    qtbot.waitUntil(lambda: cache.get(1) is not None)
    assert runner.started == ["thumbnails", "thumbnails"]


def test_a_cancelled_batch_can_be_asked_again(gui_app, qtbot, tmp_path: Path) -> None:
    png = phone_png(tmp_path / "a.png", "催收", seed=1)
    runner = CancelledRunner()
    cache = ThumbnailCache(SIZE, runner)
    cache.set_paths({1: png})
    assert cache.get(1) is None
    qtbot.waitUntil(lambda: runner.started == ["thumbnails"])
    assert cache.get(1) is None  # nothing decoded, and asked again rather than waited for forever
    qtbot.waitUntil(lambda: runner.started == ["thumbnails", "thumbnails"])
