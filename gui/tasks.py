"""One TaskRunner for all long work: domain generators run on a thread pool.

Why: the GUI thread owns the case store and must never wait on disk, decoding
or OCR. A job is the domain's plain generator (``Progress`` between units,
results as they come, a ``CancelToken`` checked between units), so the same
code runs from the command line and from here. Each yielded item crosses to the
GUI thread through a queued Qt signal (the ``Task`` object lives on the GUI
thread, so emitting from the worker is queued and arrives in order), where the
controller applies it to the store. Nothing here calls ``processEvents()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from casefile.jobs import CancelToken, Progress
from gui.qtfix import guard_refcounts

log = logging.getLogger(__name__)

# Every task emits thousands of signals; see gui/qtfix.py for why this must come first.
guard_refcounts()

Job = Callable[[CancelToken], Iterator[Any]]


class Task(QObject):
    """The GUI-side handle of one running job: its signals and its cancel switch."""

    progress = Signal(object)  # casefile.jobs.Progress
    result = Signal(object)  # anything else the job yields
    error = Signal(object)  # the exception that ended the job
    finished = Signal()  # read ``cancelled`` to know whether it was cancelled

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class JobRunnable(QRunnable):
    """Runs one job, turning what it yields into its Task's signals (in whatever thread runs it)."""

    def __init__(self, task: Task, job: Job) -> None:
        super().__init__()
        self._task = task
        self._job = job

    def run(self) -> None:
        task = self._task
        try:
            for item in self._job(task.token):
                if isinstance(item, Progress):
                    task.progress.emit(item)
                else:
                    task.result.emit(item)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            log.warning("task %s failed: %s", task.name, type(exc).__name__)
            task.error.emit(exc)
        finally:
            task.finished.emit()


class TaskRunner(QObject):
    """Runs jobs on its own thread pool and keeps each Task alive until it finishes."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task] = []

    def start(self, name: str, job: Job, connect: Callable[[Task], object] | None = None) -> Task:
        """Run ``job`` in a worker, after ``connect(task)`` has wired the task's signals.

        Why the callback: a signal emitted by the worker reaches only the slots
        connected at the moment of the emit. A short job (a small timeline, a
        failing export) can finish before ``start`` returns, so connecting to
        the returned task afterwards would lose its results.
        """
        task = Task(name, self)
        was_busy = self.busy
        self._tasks.append(task)
        if connect is not None:
            connect(task)
        task.finished.connect(lambda t=task: self._forget(t))
        log.info("task %s started", name)
        if not was_busy:
            self.busy_changed.emit(True)
        self._launch(JobRunnable(task, job))
        return task

    def _launch(self, runnable: QRunnable) -> None:
        """Hand the job to a worker (a test runner runs it in place instead)."""
        self._pool.start(runnable)

    def _forget(self, task: Task) -> None:
        task.done = True
        if task in self._tasks:
            self._tasks.remove(task)
        log.info("task %s finished%s", task.name, " (cancelled)" if task.cancelled else "")
        task.deleteLater()
        if not self.busy:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def cancel_all(self) -> None:
        for t in self._tasks:
            t.cancel()

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Cancel everything and wait for the workers (used when closing a case or the window)."""
        self.cancel_all()
        return bool(self._pool.waitForDone(timeout_ms))
