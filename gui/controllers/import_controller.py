"""Drop → import → read: the pipeline behind the progress bar.

Why split this way: ``prepare`` (read, hash, check, store the original) only
touches files, so it runs in a worker; ``record`` writes the row and runs here,
on the GUI thread that owns the store. The stages and what follows an import
are ``casefile.workflows``' (shared with the command line). Reading fans out over processes through
``casefile.reading.read`` in another worker, and each result is applied here.
Cancelling stops between files or images; what was finished stays, so the case
is always consistent (an original stored but not yet recorded is adopted by
the next import of the same bytes).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader

from casefile.faults import WriteFailedError
from casefile.importer import ImportResult, Outcome, Prepared, RejectReason, record
from casefile.jobs import CancelToken, Progress
from casefile.model import Screenshot
from casefile.phones import is_own
from casefile.reading import ReadResult, apply, read, requests_for
from casefile.store import CaseError, CaseStore
from casefile.tagging import RulesError, compute_suggestions, load_rules, record_suggestions, suggestion_input
from casefile.workflows import PhoneChoice, prepare_files, to_read
from gui import messages
from gui.models.screenshot_list_model import ScreenshotListModel
from gui.phone_text import imported_from
from gui.tasks import Job, Task, TaskRunner
from ocr.logsafe import log_error
from ocr.model import Layout

log = logging.getLogger(__name__)

THUMB_HEIGHT = 176  # twice the row's thumbnail: sharp at 200 % scaling


@dataclass(slots=True)
class ImportTally:
    imported: list[int] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[tuple[Path, RejectReason]] = field(default_factory=list)
    read: int = 0
    failed: list[tuple[str, str | None]] = field(default_factory=list)
    cancelled: bool = False
    phones: dict[str, int] = field(default_factory=dict)  # screenshots added per source phone


def thumbnail_job(items: Sequence[tuple[str, Path]]) -> Callable[[CancelToken], Iterator[Any]]:
    """Decode small thumbnails off the GUI thread (QImage is safe in a worker; QPixmap is not)."""

    def job(cancel: CancelToken) -> Iterator[Any]:
        for sha, path in items:
            if cancel():
                return
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid() and size.height() > 0:
                w = max(1, round(size.width() * THUMB_HEIGHT / size.height()))
                reader.setScaledSize(QSize(w, THUMB_HEIGHT))
            image = reader.read()
            if not image.isNull():
                yield (sha, image.convertToFormat(QImage.Format.Format_RGB32))

    return job


class ImportController(QObject):
    progress = Signal(str, int, int)  # phase ("import" | "read"), done, total
    running_changed = Signal(bool)
    shots_changed = Signal(int)  # a screenshot was added or its reading stored (its id)
    finished = Signal(object)  # ImportTally
    engine_missing = Signal()
    failed = Signal(object)  # an unexpected exception from a job

    def __init__(self, runner: TaskRunner, model: ScreenshotListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._model = model
        self._store: CaseStore | None = None
        self._task: Task | None = None
        self._tally: ImportTally | None = None
        self._queue: list[tuple[list[Path], PhoneChoice]] = []  # drops waiting, each with its phone
        self._phone = PhoneChoice()  # whose phone the running import's files came from
        self._reading: list[int] = []
        self._workers = max(1, min(os.cpu_count() or 1, 4))
        self.engine = "auto"

    # -- case ----------------------------------------------------------------------

    def set_store(self, store: CaseStore | None) -> None:
        """Switch cases; the caller has already stopped and waited for the runner."""
        self._task = None
        self._tally = None
        self._queue = []
        self._reading = []
        self._store = store
        self._model.clear()
        if store is not None:
            self.refresh_list()
            self.load_thumbnails(store.screenshots())

    def refresh_list(self) -> None:
        if self._store is None:
            return
        counts: dict[int, int] = {}
        for m in self._store.messages(include_excluded=False):
            counts[m.screenshot_id] = counts.get(m.screenshot_id, 0) + 1
        self._model.sync(self._store.screenshots(), counts)

    def load_thumbnails(self, shots: Sequence[Screenshot]) -> None:
        if self._store is None:
            return
        items = [
            (s.sha256, self._store.original_file(s)) for s in shots if not self._model.has_thumbnail(s.sha256)
        ]
        if not items:
            return
        store = self._store
        self._runner.start(
            "thumbnails",
            thumbnail_job(items),
            lambda task: task.result.connect(
                lambda r: self._thumbnail(store, r), Qt.ConnectionType.QueuedConnection
            ),
        )

    def _thumbnail(self, store: CaseStore, item: tuple[str, QImage]) -> None:
        if store is self._store:
            self._model.set_thumbnail(*item)

    # -- state -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def reading_ids(self) -> list[int]:
        return list(self._reading)

    def cancel(self) -> None:
        self._queue = []
        if self._task is not None:
            self._task.cancel()

    # -- import ------------------------------------------------------------------------

    def import_paths(self, paths: Sequence[Path], phone: PhoneChoice | None = None) -> None:
        """Import files and folders from ``phone`` (本人 by default); while an import runs,
        new drops wait their turn, each keeping its own phone."""
        if self._store is None or not paths:
            return
        if self._task is not None:
            self._queue.append((list(paths), phone or PhoneChoice()))
            return
        log.info("import of %d dropped path(s) started", len(paths))
        self._phone = phone or PhoneChoice()
        self._tally = ImportTally()
        self.running_changed.emit(True)
        self.progress.emit("import", 0, 0)
        files, originals = list(paths), self._store.paths.originals
        self._start(
            "import",
            lambda cancel: prepare_files(files, originals, cancel),
            self._on_imported,
            self._on_import_finished,
        )

    def _start(
        self,
        phase: str,
        job: Job,
        on_result: Callable[[Task, Any], None],
        on_finished: Callable[[Task, bool], None],
    ) -> None:
        """Run one phase (import or read) as the current task; every signal names the task,
        so late signals of a replaced task are ignored by the handlers."""

        def wire(task: Task) -> None:
            self._task = task
            task.progress.connect(lambda p: self._on_progress(task, phase, p))
            task.result.connect(lambda r: on_result(task, r))
            task.error.connect(lambda e: self._on_error(task, e))
            task.finished.connect(lambda: on_finished(task, task.cancelled))

        self._runner.start(phase, job, wire)

    def _on_progress(self, task: Task, phase: str, p: Progress) -> None:
        if task is self._task:
            self.progress.emit(phase, p.done, p.total)

    def _on_imported(self, task: Task, item: Prepared | ImportResult) -> None:
        if task is not self._task or self._store is None or self._tally is None:
            return
        phone: str | None = None  # whose phone the file is recorded from (None: not recorded)
        if isinstance(item, Prepared):
            phone = self._phone.for_file(item)
            try:
                result = record(self._store, item, phone)
            except (WriteFailedError, CaseError) as exc:
                # The case cannot take more (a full disk): stop here with one dialog, not one per file.
                log.warning("recording an import failed: %s", type(exc).__name__)
                self.cancel()
                self.failed.emit(exc)
                return
            except Exception as exc:  # noqa: BLE001 - logged by type and frames, the file reported
                log_error(log, "recording an import failed", exc)
                result = ImportResult(item.path, Outcome.REJECTED, RejectReason.CASE_NOT_WRITABLE)
        else:
            result = item
        if result.outcome is Outcome.IMPORTED and result.screenshot_id is not None:
            self._tally.imported.append(result.screenshot_id)
            if phone is not None:
                self._tally.phones[phone] = self._tally.phones.get(phone, 0) + 1
            self.refresh_list()
            self.load_thumbnails([self._store.screenshot(result.screenshot_id)])
            self.shots_changed.emit(result.screenshot_id)
        elif result.outcome is Outcome.DUPLICATE:
            self._tally.duplicates += 1
        elif result.reason is not None:
            log.info("file rejected: %s", result.reason)
            self._tally.rejected.append((result.path, result.reason))
            self._model.add_rejected(result.path, result.reason)

    def _on_import_finished(self, task: Task, cancelled: bool) -> None:
        if task is not self._task or self._tally is None:
            return
        self._task = None
        if cancelled:
            self._tally.cancelled = True
            self._finish()
            return
        if self._queue:
            queued, phone = self._queue.pop(0)
            tally = self._tally
            self.import_paths(queued, phone)
            self._tally = _merge(tally, self._tally)
            return
        self.read_waiting()

    # -- reading ------------------------------------------------------------------------

    def read_waiting(self, *, again: Sequence[int] = (), layout: Layout | None = None) -> None:
        """Read every screenshot not read yet (and those in ``again``); with ``layout``,
        only those in ``again``, as that layout (the user's choice, recorded with the reading)."""
        if self._store is None or self._task is not None:
            return
        if self._tally is None:
            self._tally = ImportTally()
            self.running_changed.emit(True)
        shots = to_read(self._store, again=again, layout=layout)
        if not shots:
            self._finish()
            return
        self._reading = [s.id for s in shots]
        self._update_reading()
        self.progress.emit("read", 0, len(shots))
        requests = requests_for(self._store, shots, layout=layout)
        engine, workers = self.engine, self._workers
        self._start(
            "read",
            lambda cancel: read(requests, engine=engine, workers=workers, cancel=cancel),
            self._on_read,
            self._on_read_finished,
        )

    def _update_reading(self) -> None:
        # read() keeps ``workers`` images in flight, in order: those are "reading", the rest wait.
        self._model.set_reading(set(self._reading[: self._workers]))

    def _on_read(self, task: Task, result: ReadResult) -> None:
        if task is not self._task or self._store is None or self._tally is None:
            return
        try:
            apply(self._store, result)
        except (WriteFailedError, CaseError) as exc:
            log.warning("storing a reading failed: %s", type(exc).__name__)
            self.cancel()
            self.failed.emit(exc)
            return
        sid = result.screenshot_id
        if sid in self._reading:
            self._reading.remove(sid)
        if result.extraction.error:
            log.info("screenshot %d could not be read", sid)
            self._tally.failed.append((self._store.screenshot(sid).original_name, result.extraction.error))
        else:
            self._tally.read += 1
        self._update_reading()
        self.refresh_list()
        self.shots_changed.emit(sid)

    def _on_read_finished(self, task: Task, cancelled: bool) -> None:
        if task is not self._task or self._tally is None:
            return
        self._task = None
        self._tally.cancelled = self._tally.cancelled or cancelled
        self._reading = []
        self._update_reading()
        self._suggest_tags_then_finish()

    def _suggest_tags_then_finish(self) -> None:
        """Run the tag rules over the newly read text, off the GUI thread, then finish.

        The rules look at the whole chronology (frequency per day, night-time),
        so they run after every reading; suggestions never override a tag the
        user confirmed or removed.
        """
        store = self._store
        if store is None or self._tally is None or not self._tally.read:
            self._finish()
            return
        try:
            rules = load_rules()
        except RulesError as exc:
            log.warning("tag rules not loaded: %s", type(exc).__name__)
            self._finish()
            return
        snapshot = suggestion_input(store, rules)

        def record(suggestions: list[tuple[int, str, str]]) -> None:
            if self._store is store:
                record_suggestions(store, suggestions)

        def wire(task: Task) -> None:
            task.result.connect(record)
            task.finished.connect(self._finish)

        self._runner.start("tags", lambda _cancel: iter((compute_suggestions(snapshot, rules),)), wire)

    def _on_error(self, task: Task, exc: BaseException) -> None:
        if task is not self._task:
            return
        if type(exc).__name__ == "EngineMissing":
            log.warning("OCR engine missing")
            self.engine_missing.emit()
        else:
            self.failed.emit(exc)

    def _finish(self) -> None:
        tally = self._tally or ImportTally()
        self._tally = None
        self.refresh_list()
        self.running_changed.emit(False)
        self.finished.emit(tally)


def _merge(a: ImportTally, b: ImportTally | None) -> ImportTally:
    if b is None:
        return a
    b.imported[:0] = a.imported
    b.duplicates += a.duplicates
    b.rejected[:0] = a.rejected
    for phone, n in a.phones.items():
        b.phones[phone] = b.phones.get(phone, 0) + n
    return b


def summary(tally: ImportTally) -> tuple[str, list[str]]:
    """The headline and one line per file that was not added or not read."""
    headline = messages.import_summary(
        len(tally.imported), tally.duplicates, len(tally.rejected), tally.cancelled
    )
    if any(not is_own(p) for p in tally.phones):  # say whose phone, once someone else's is involved
        headline += " " + imported_from(tally.phones)
    problems = [messages.rejected_file(p, r) for p, r in tally.rejected]
    problems += [f"{name}: {messages.ocr_failed(name, err)}" for name, err in tally.failed]
    return headline, problems
