"""Loads the case's chronology for the timeline view: reads the store, builds in a worker.

Why a controller: the store belongs to the GUI thread and to the window, and
merging 20,000 messages takes about a second, so the view must neither read
the case nor start tasks itself. This object holds the store the window gives
it, reads what the timeline needs on the GUI thread (plain frozen records),
hands the merge to the TaskRunner, and reports only the newest result.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from casefile.model import Message, Party, Screenshot, Tag
from casefile.patterns import PatternRules, default_pattern_rules, pattern_rules
from casefile.snapshot import CaseSnapshot as SharedSnapshot
from casefile.snapshot import current_snapshot, remember
from casefile.store import CaseStore
from casefile.timeline import Timeline, build_timeline
from gui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    """What building the timeline needs, read through the store's public queries.

    Plain frozen records, so ``build_from`` can run in a worker without the
    store (which belongs to the GUI thread).
    """

    messages: tuple[Message, ...]
    screenshots: tuple[Screenshot, ...]
    parties: tuple[Party, ...]
    tags: tuple[Tag, ...]
    paths: dict[int, Path]
    rules: PatternRules
    revision: int = -1  # the store's change counter when read (casefile.snapshot shares the build)


def read_case(store: CaseStore) -> CaseSnapshot:
    """Read the case on the GUI thread (fast: plain rows, no merging)."""
    shots = tuple(store.screenshots())
    return CaseSnapshot(
        messages=tuple(store.messages(include_excluded=False)),
        screenshots=shots,
        parties=tuple(store.parties()),
        tags=tuple(store.tags()),
        paths={s.id: store.original_file(s) for s in shots},
        rules=pattern_rules(store),
        revision=store.revision,
    )


def build_from(snapshot: CaseSnapshot) -> Timeline:
    """The case's chronology: every message once, in time order, overlaps merged, tags applied.

    Its counts (used by the filter lists) are computed here too, so that cost
    is also paid in the worker; ``Timeline.counts`` caches them.
    """
    timeline = build_timeline(
        snapshot.messages, snapshot.screenshots, parties=snapshot.parties, tags=snapshot.tags
    )
    _ = timeline.counts
    return timeline


def load_timeline(store: CaseStore) -> Timeline:
    """Read and build in one go (benchmarks and hosts without a TaskRunner)."""
    return build_from(read_case(store))


class TimelineLoader(QObject):
    """Turns "refresh" into a read on the GUI thread and a build on the TaskRunner.

    ``case_read(snapshot)`` comes at once (thumbnail paths, thresholds);
    ``built(timeline)`` when the newest build is done; ``failed()`` if it
    raised. Without a runner the build runs inline (tests, small hosts).
    """

    case_read = Signal(object)  # CaseSnapshot
    built = Signal(object)  # Timeline
    failed = Signal()

    def __init__(self, runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._store: CaseStore | None = None
        self._generation = 0
        self._pending: Task | None = None

    @property
    def store(self) -> CaseStore | None:
        """The open case (the window's; None when no case is open)."""
        return self._store

    def set_store(self, store: CaseStore | None) -> None:
        self._store = store

    @property
    def loading(self) -> bool:
        return self._pending is not None

    def supersede(self) -> None:
        """Forget any build in flight (the caller shows something newer)."""
        self._generation += 1
        self._pending = None

    def load(self) -> None:
        """Re-read the case and build its chronology; a newer load supersedes this one."""
        self.supersede()
        if self._store is None:
            self.case_read.emit(CaseSnapshot((), (), (), (), {}, default_pattern_rules()))
            self.built.emit(Timeline((), 0))
            return
        snapshot = read_case(self._store)
        self.case_read.emit(snapshot)
        shared = current_snapshot(self._store)
        if shared is not None:  # the tags or the export already built it at this revision
            self.built.emit(shared.timeline)
            return
        if self._runner is None:
            self._share(snapshot, timeline := build_from(snapshot))
            self.built.emit(timeline)
            return
        generation = self._generation

        def wire(task: Task) -> None:
            # Before the job runs: a short one may finish before ``start`` returns.
            self._pending = task
            # Bound methods of this object, so Qt queues the calls to the GUI thread.
            task.result.connect(self._on_built)
            task.error.connect(self._on_failed)

        self._runner.start("timeline", lambda _cancel: iter(((generation, snapshot, build_from(snapshot)),)), wire)

    def _share(self, snapshot: CaseSnapshot, timeline: Timeline) -> None:
        """Hand the build to ``casefile.snapshot`` so the tags and the export do not build it again."""
        if self._store is not None:
            remember(
                self._store,
                SharedSnapshot(
                    snapshot.revision, snapshot.screenshots, snapshot.messages, snapshot.parties, snapshot.tags, timeline
                ),
            )

    def retagged(self, timeline: Timeline) -> Timeline:
        """``timeline`` with the store's current tag states (no merging: one click must feel instant)."""
        if self._store is None:
            return timeline
        return timeline.with_tags(self._store.tags())

    @Slot(object)
    def _on_built(self, result: object) -> None:
        if not (isinstance(result, tuple) and len(result) == 3 and isinstance(result[2], Timeline)):
            return
        generation, snapshot, timeline = result
        if generation != self._generation:
            return  # a newer load superseded this one
        self._pending = None
        self._share(snapshot, timeline)
        self.built.emit(timeline)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        if self.sender() is not self._pending:
            return  # a superseded load
        self._pending = None
        log.error("building the timeline failed: %s", type(error).__name__)
        self.failed.emit()
