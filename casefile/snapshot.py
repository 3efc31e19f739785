"""One read of the case for everything downstream: ``CaseSnapshot``.

The tag rules, the timeline view and the dossier all need the same records
(screenshots, messages, parties, tags) and the chronology built from them.
Each used to read the store and build the timeline itself, so one drop built it
three times. ``read_snapshot`` reads the records once and reuses the timeline
while the store's change counter (``CaseStore.revision``) has not moved, so
``build_timeline`` runs once per change of the case.

Call ``read_snapshot`` on the thread that owns the store; the snapshot is plain
frozen records, safe to hand to a worker.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from casefile.counts import Counts
from casefile.model import Message, Party, Screenshot, Tag
from casefile.store import CaseStore
from casefile.timeline import Timeline, build_timeline


@dataclass(frozen=True)
class CaseSnapshot:
    """The case as read at one ``revision``; ``messages`` excludes excluded ones."""

    revision: int
    screenshots: tuple[Screenshot, ...]  # the store's order: capture time (unknown last), then import
    messages: tuple[Message, ...]
    parties: tuple[Party, ...]
    tags: tuple[Tag, ...]
    timeline: Timeline

    @property
    def counts(self) -> Counts:
        return self.timeline.counts


# One entry per open store; a closed and dropped store takes its entry with it.
_cache: weakref.WeakKeyDictionary[CaseStore, CaseSnapshot] = weakref.WeakKeyDictionary()


def read_snapshot(store: CaseStore) -> CaseSnapshot:
    """The case now: reused as is while nothing was written since the last read."""
    cached = _cache.get(store)
    if cached is not None and cached.revision == store.revision:
        return cached
    screenshots = tuple(store.screenshots())
    messages = tuple(store.messages(include_excluded=False))
    parties = tuple(store.parties())
    tags = tuple(store.tags())
    timeline = build_timeline(messages, screenshots, parties=parties, tags=tags)
    snap = CaseSnapshot(store.revision, screenshots, messages, parties, tags, timeline)
    _cache[store] = snap
    return snap


def current_snapshot(store: CaseStore) -> CaseSnapshot | None:
    """The cached snapshot if nothing was written since it was read, else None (never builds)."""
    cached = _cache.get(store)
    return cached if cached is not None and cached.revision == store.revision else None


def remember(store: CaseStore, snap: CaseSnapshot) -> bool:
    """Share a snapshot built elsewhere (the window builds in a worker) with every later reader.

    Kept only when the case has not changed since ``snap`` was read; returns whether it was.
    """
    if snap.revision != store.revision:
        return False
    _cache[store] = snap
    return True
