"""Driving the window like a user: drop files, wait for the pipeline, fake OCR results."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QRunnable, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from casefile.store import CaseStore
from gui.tasks import Job, Task, TaskRunner
from ocr.model import Box, Direction, ExtractedMessage, Extraction, Kind, Layout, TimeSource


def drop(window, paths: list[Path]) -> None:
    """Deliver a real drag-enter and drop with file URLs onto the window's centre."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        QPoint(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window refused the drag"
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def fake_extraction(name: str, n: int = 3, low: bool = False) -> Extraction:
    """A hand-made reading of a screenshot: ``n`` incoming messages with boxes."""
    msgs = [
        ExtractedMessage(
            kind=Kind.SMS,
            direction=Direction.INCOMING,
            sender="10690000",
            time=datetime(2024, 10, 22, 11, 20 + i),
            text=f"message {i}",
            box=Box(20, 100 + 60 * i, 280, 50),
            confidence=0.4 if (low and i == 1) else 0.95,
            time_source=TimeSource.SEPARATOR,
            field_confidence={"sender": 0.9, "text": 0.4 if (low and i == 1) else 0.95},
        )
        for i in range(n)
    ]
    return Extraction(
        image=name,
        layout=Layout.SMS_THREAD,
        captured_at=None,
        thread_title="10690000",
        messages=msgs,
        engine="fake",
        engine_version="0",
    )


def seed_case(folder: Path, images: list[Path], *, low: bool = False) -> list[int]:
    """Import images into a case and store hand-made readings (no OCR needed)."""
    from casefile.importer import import_one

    with CaseStore.open(folder) as store:
        ids = []
        for p in images:
            r = import_one(store, p)
            assert r.screenshot_id is not None
            store.save_extraction(r.screenshot_id, fake_extraction(p.name, low=low))
            ids.append(r.screenshot_id)
        return ids


class SyncTaskRunner(TaskRunner):
    """A TaskRunner that runs each job to its end inside ``start``, on the calling thread.

    Why: a test then sees every result as soon as ``start`` returns, with no
    waiting for workers or for queued signals (MusicBrainz Picard's
    ``FakeThreadPool`` does the same for its tests). Task signals are emitted
    on the GUI thread, so their slots run directly and in order.
    """

    def __init__(self) -> None:
        super().__init__()
        self.started: list[str] = []  # the name of every job, in order: what a test may check ran here

    def start(self, name: str, job: Job, connect: Callable[[Task], object] | None = None) -> Task:
        self.started.append(name)
        return super().start(name, job, connect)

    def _launch(self, runnable: QRunnable) -> None:
        runnable.run()


def settle(runner: TaskRunner, timeout_ms: int = 5000) -> None:
    """After ``runner.shutdown()``: deliver the queued "finished" signals and delete the finished tasks.

    Why: a worker's last signals are queued to the GUI thread, and each finished
    task is deleted later; a runner collected before that happens takes Qt
    down. This waits for exactly that instead of a fixed time.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while runner.busy and time.monotonic() < deadline:
        QCoreApplication.sendPostedEvents()
    assert not runner.busy, "tasks still running after shutdown"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def collection_case(tmp_path: Path, screenshots: int) -> CaseStore:
    """An open case of ``screenshots`` rendered SMS screens, each with three collection messages.

    The export and pack dialogs write real files from it; the caller closes the store.
    """
    from casefile.importer import import_one
    from casefile.model import CaseInfo
    from tests.images import phone_png

    s = CaseStore.open(tmp_path / "case")
    s.set_case_info(CaseInfo(title="安心借催收骚扰", complainant="张三", respondent="安心借"))
    for i in range(screenshots):
        png = phone_png(tmp_path / "src" / f"Screenshot_{i}.png", "催收", seed=i)
        sid = import_one(s, png).screenshot_id
        assert sid is not None
        msgs = [
            ExtractedMessage(
                Kind.SMS,
                Direction.INCOMING,
                "10690123456789",
                datetime(2025, 3, 8 + i, 9, k),
                f"您的借款已逾期，请立即还款，否则联系您的家人 {k}",
                confidence=0.9,
                time_source=TimeSource.SEPARATOR,
            )
            for k in range(3)
        ]
        s.save_extraction(sid, Extraction(png.name, Layout.SMS_THREAD, None, "10690123456789", msgs))
    return s


def stop_runner(runner: TaskRunner) -> None:
    """Shut a real runner down and deliver its last queued signals and deletes (no fixed wait)."""
    runner.shutdown(15000)
    settle(runner)
