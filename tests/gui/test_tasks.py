"""The TaskRunner delivers every result, however fast a job is."""

from __future__ import annotations

import time
from collections.abc import Iterator

from casefile.jobs import CancelToken
from gui.qtfix import emit_leaks_true, void_call_leaks_none
from gui.tasks import Task, TaskRunner
from tests.gui.helpers import settle


def test_instant_jobs_lose_no_result(qtbot) -> None:
    """A job that finishes before ``start`` returns still reaches the slots given to ``start``."""
    runner = TaskRunner(max_threads=4)
    got: list[int] = []
    finished: list[int] = []

    def job_for(i: int):
        def job(_cancel: CancelToken) -> Iterator[int]:
            yield i

        return job

    for i in range(60):

        def wire(task: Task, i: int = i) -> None:
            task.result.connect(got.append)
            task.finished.connect(lambda: finished.append(i))

        runner.start(f"job{i}", job_for(i), wire)
    qtbot.waitUntil(lambda: len(finished) == 60, timeout=10_000)
    assert sorted(got) == list(range(60))
    runner.shutdown()
    settle(runner)


def test_cancel_reaches_the_job(qtbot) -> None:
    runner = TaskRunner()
    seen: list[int] = []

    def job(cancel: CancelToken) -> Iterator[int]:
        deadline = time.monotonic() + 20  # runs until cancelled; bounded so a bug cannot hang CI
        n = 0
        while not cancel.cancelled and time.monotonic() < deadline:
            n += 1
            time.sleep(0.005)
            yield n

    done: list[bool] = []
    task = runner.start("spin", job, lambda t: (t.result.connect(seen.append), t.finished.connect(lambda: done.append(t.cancelled))))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [True]
    runner.shutdown()
    settle(runner)


def test_installed_pyside_keeps_reference_counts(qapp) -> None:
    """The pinned PySide6 must not leak references to True or None (6.12.0 did, and aborted)."""
    assert not emit_leaks_true()
    assert not void_call_leaks_none()
