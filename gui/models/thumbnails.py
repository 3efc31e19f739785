"""Screenshot thumbnails for the timeline, decoded once off the GUI thread and kept as pixmaps.

Why through the window's TaskRunner: one pool for all long work, so closing the
case cancels and waits for the decoding too, and tests can run it
synchronously. Requests that arrive while Qt paints one screenful are decoded
as one task, not one task each.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap

from casefile.jobs import CancelToken
from gui.tasks import Task, TaskRunner


def decode_thumbnail(path: Path, size: QSize) -> QImage:
    """Decode and shrink one screenshot (runs in a worker; QImage is thread-safe)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and full.width() > 0 and full.height() > 0:
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    img = reader.read()
    if img.isNull():
        return QImage()
    return img.convertToFormat(QImage.Format.Format_RGB32)


def decode_all(
    jobs: list[tuple[int, Path]], size: QSize, cancel: CancelToken
) -> Iterator[tuple[int, Path, QImage]]:
    """(screenshot id, its file, thumbnail) for each job, stopping early when the case closes."""
    for screenshot_id, path in jobs:
        if cancel.cancelled:
            return
        yield screenshot_id, path, decode_thumbnail(path, size)


class ThumbnailCache(QObject):
    """Thumbnails by screenshot id.

    ``get`` never blocks: the first call for a screenshot queues its decoding
    and returns None; ``thumbnail_ready`` tells the model to repaint. Without a
    runner (a host with no worker pool) the queued batch is decoded on the GUI
    thread, still after the paint that asked for it.
    """

    thumbnail_ready = Signal(int)

    def __init__(self, size: QSize, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._size = QSize(size)
        self._runner = runner
        self._paths: dict[int, Path] = {}
        self._pixmaps: dict[int, QPixmap] = {}
        self._pending: set[int] = set()
        self._queued: list[int] = []
        self._batches: dict[Task, list[int]] = {}

    def set_paths(self, paths: dict[int, Path]) -> None:
        """The files of the case shown now; a thumbnail is kept only while its id names the same file."""
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in paths and self._paths.get(k) == paths[k]}
        self._paths = dict(paths)

    def get(self, screenshot_id: int) -> QPixmap | None:
        pm = self._pixmaps.get(screenshot_id)
        if pm is not None:
            return pm
        if screenshot_id not in self._pending and screenshot_id in self._paths:
            self._pending.add(screenshot_id)
            if not self._queued:
                QTimer.singleShot(0, self._start_batch)
            self._queued.append(screenshot_id)
        return None

    @Slot()
    def _start_batch(self) -> None:
        batch = [(i, self._paths[i]) for i in self._queued if i in self._paths]
        self._queued = []
        size = QSize(self._size)
        if self._runner is None:
            for item in decode_all(batch, size, CancelToken()):
                self._on_loaded(item)
            return

        def wire(task: Task) -> None:
            self._batches[task] = [i for i, _ in batch]
            task.result.connect(self._on_loaded)  # bound slots: queued to the GUI thread
            task.finished.connect(self._batch_finished)

        self._runner.start("thumbnails", lambda cancel: decode_all(batch, size, cancel), wire)

    @Slot()
    def _batch_finished(self) -> None:
        """A batch ended (possibly cancelled with the case): what it did not decode may be asked again."""
        task = self.sender()
        for screenshot_id in self._batches.pop(task, []) if isinstance(task, Task) else []:
            if screenshot_id not in self._pixmaps:
                self._pending.discard(screenshot_id)

    @Slot(object)
    def _on_loaded(self, item: object) -> None:
        if not (isinstance(item, tuple) and len(item) == 3 and isinstance(item[2], QImage)):
            return
        screenshot_id, path, image = item
        self._pending.discard(screenshot_id)
        if self._paths.get(screenshot_id) != path:
            return  # decoded for a case or a file no longer shown
        self._pixmaps[screenshot_id] = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        self.thumbnail_ready.emit(screenshot_id)
