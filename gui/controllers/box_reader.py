"""Reads one box the user drew over a missed message, in a worker, one box at a time.

Why apart from the review controller: this object holds the running task and
its life cycle (progress, cancel, failure, the end); the review controller
only says what to read and applies what was read to the store.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from casefile.jobs import Progress
from casefile.reading import BoxRequest, BoxResult, read_box
from gui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


class BoxReader(QObject):
    """One drawn box read on the TaskRunner; a cancelled or superseded read reports nothing."""

    progress = Signal(str, int, int)  # phase ("read"), done, total
    running_changed = Signal(bool)
    read = Signal(object)  # BoxResult: the box's messages (possibly none legible)
    failed = Signal()  # the engine raised; the user can type the message instead

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._task: Task | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, request: BoxRequest, engine: str) -> None:
        """Read ``request`` with ``engine``; ``read`` or ``failed`` follows, then ``running_changed(False)``."""
        self.running_changed.emit(True)
        self.progress.emit("read", 0, 0)

        def wire(task: Task) -> None:
            self._task = task
            task.progress.connect(lambda p: self._progress(task, p))
            task.result.connect(lambda r: self._done(task, r))
            task.error.connect(lambda e: self._failed(task, e))
            task.finished.connect(lambda: self._finished(task))

        self._runner.start("read box", lambda cancel: read_box(request, engine=engine, cancel=cancel), wire)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, task: Task, p: Progress) -> None:
        if task is self._task:
            self.progress.emit("read", p.done, p.total)

    def _done(self, task: Task, result: object) -> None:
        if task is self._task and not task.cancelled and isinstance(result, BoxResult):
            self.read.emit(result)

    def _failed(self, task: Task, exc: BaseException) -> None:
        if task is self._task:
            log.warning("reading a drawn box failed: %s", type(exc).__name__)
            self.failed.emit()

    def _finished(self, task: Task) -> None:
        if task is self._task:
            self._task = None
            self.running_changed.emit(False)
