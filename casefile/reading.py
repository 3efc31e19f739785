"""Reading screenshots with OCR as a job: fan out over processes, apply on the owner's thread.

OCR is CPU-bound, so the reading fans out over ``ocr.batch``'s process pool
(every core, one single-threaded engine per worker). The job itself never
touches the store: ``read`` yields results and whoever owns the store (the
command, or the GUI thread) calls ``apply``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casefile.jobs import Progress
from casefile.model import Screenshot
from casefile.store import CaseStore
from ocr.batch import BatchItem, extract_items
from ocr.model import Box, ExtractedMessage, Extraction, Layout
from ocr.region import read_region


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """What a worker needs: a path to the stored original and what its name told us."""

    screenshot_id: int
    path: Path
    name: str
    captured_at: datetime | None
    layout: Layout | None = None  # 核对 → 按…重新识别: the layout the user chose, not the guess


@dataclass(frozen=True, slots=True)
class ReadResult:
    screenshot_id: int
    extraction: Extraction
    forced_layout: Layout | None = None


def requests_for(
    store: CaseStore, shots: Sequence[Screenshot], *, layout: Layout | None = None
) -> list[ReadRequest]:
    """``layout``: read every one of ``shots`` as this layout (the user said the guess was wrong)."""
    return [ReadRequest(s.id, store.original_file(s), s.original_name, s.captured_at, layout) for s in shots]


def read(
    requests: Sequence[ReadRequest],
    *,
    engine: str = "auto",
    workers: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[Progress | ReadResult]:
    """OCR each request, yielding results as they finish (not in order) and progress.

    The process pool is ``ocr.batch``'s: cancelling stops handing out work and
    returns promptly; ``EngineMissing`` propagates (with no engine there is
    nothing useful left to do); a worker that dies fails only its image.
    """
    total = len(requests)
    yield Progress(0, total)
    items = [BatchItem(r.path, r.name, r.captured_at, r.layout) for r in requests]
    workers = max(1, workers or os.cpu_count() or 1)
    for done, (i, extraction) in enumerate(
        extract_items(items, engine=engine, workers=workers, cancel=cancel), start=1
    ):
        sid = requests[i].screenshot_id
        yield ReadResult(sid, extraction, requests[i].layout)
        yield Progress(done, total, str(sid))


def apply(store: CaseStore, result: ReadResult) -> None:
    """Store one extraction; call on the thread that owns the store. A forced layout is
    recorded with the reading (who chose it and when); the superseded reading stays."""
    store.save_extraction(result.screenshot_id, result.extraction, forced_layout=result.forced_layout)


def read_case(
    store: CaseStore,
    shots: Sequence[Screenshot] | None = None,
    *,
    redo: bool = False,
    engine: str = "auto",
    workers: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[Progress | ReadResult]:
    """Read (and store) the given screenshots, or all not yet read; for single-threaded callers."""
    if shots is None:
        shots = store.screenshots_to_read(redo=redo)
    for item in read(requests_for(store, shots), engine=engine, workers=workers, cancel=cancel):
        if isinstance(item, ReadResult):
            apply(store, item)
        yield item


@dataclass(frozen=True, slots=True)
class BoxRequest:
    """A box the user drew over a message the OCR missed, with what reading it needs."""

    screenshot_id: int
    path: Path
    box: Box
    layout: Layout | None
    captured_at: datetime | None
    thread_title: str | None


@dataclass(frozen=True, slots=True)
class BoxResult:
    request: BoxRequest
    messages: list[ExtractedMessage]


def box_request(store: CaseStore, shot: Screenshot, box: Box) -> BoxRequest:
    return BoxRequest(shot.id, store.original_file(shot), box, shot.layout, shot.captured_at, shot.thread_title)


def read_box(
    request: BoxRequest, *, engine: str = "auto", cancel: Callable[[], bool] | None = None
) -> Iterator[Progress | BoxResult]:
    """Read one drawn box as a unit of its screenshot's layout (``ocr.region``).

    One engine call, in the caller's thread (a worker of the GUI's TaskRunner):
    a box is small, and a process pool would cost more to start than the read.
    Cancelling before or after the read drops the result.
    """
    yield Progress(0, 1)
    if cancel is not None and cancel():
        return
    messages = read_region(
        request.path, request.box, request.layout, request.captured_at, request.thread_title, engine
    )
    if cancel is not None and cancel():
        return
    yield BoxResult(request, messages)
    yield Progress(1, 1, str(request.screenshot_id))
