"""Reading screenshots with OCR as a job: fan out over processes, apply on the owner's thread.

Tesseract is a subprocess and the layout logic is CPU-bound Python, so the
reading fans out over a process pool (both cores, ``OMP_THREAD_LIMIT=1`` each).
The job itself never touches the store: ``read`` yields results and whoever
owns the store (the command, or the GUI thread) calls ``apply``. Workers are
started with ``spawn`` because forking a process that runs Qt threads is unsafe.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casefile.jobs import Progress
from casefile.model import Screenshot
from casefile.store import CaseStore
from ocr.model import Extraction


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """What a worker needs: a path to the stored original and what its name told us."""

    screenshot_id: int
    path: Path
    name: str
    captured_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReadResult:
    screenshot_id: int
    extraction: Extraction


def requests_for(store: CaseStore, shots: Sequence[Screenshot]) -> list[ReadRequest]:
    return [ReadRequest(s.id, store.original_file(s), s.original_name, s.captured_at) for s in shots]


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # OCR takes both cores; a lower priority keeps the window (and the user's
    # other programs) responsive while it runs, at no cost to throughput.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(5)


def _read_one(req: ReadRequest, engine: str) -> ReadResult:
    from ocr.extract import extract  # imported in the worker, after its environment is set

    return ReadResult(req.screenshot_id, extract(req.path, req.captured_at, name=req.name, engine=engine))


def read(
    requests: Sequence[ReadRequest],
    *,
    engine: str = "auto",
    workers: int | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[Progress | ReadResult]:
    """OCR each request, yielding results as they finish (not in order) and progress.

    Cancelling stops handing out work; images already being read finish (about a
    second each) and are dropped. ``EngineMissing`` from a worker propagates:
    with no engine there is nothing useful left to do.
    """
    total = len(requests)
    yield Progress(0, total)
    if not total:
        return
    workers = max(1, min(workers or os.cpu_count() or 1, total))
    if workers == 1:
        for i, req in enumerate(requests):
            if cancel is not None and cancel():
                return
            yield _read_one(req, engine)
            yield Progress(i + 1, total, str(req.screenshot_id))
        return
    ctx = multiprocessing.get_context("spawn")
    pending = list(reversed(requests))
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker) as pool:
        running: set[Future[ReadResult]] = set()
        try:
            while pending or running:
                while pending and len(running) < workers * 2:
                    if cancel is not None and cancel():
                        pending.clear()
                        break
                    running.add(pool.submit(_read_one, pending.pop(), engine))
                if not running:
                    break
                finished, running = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
                for fut in finished:
                    result = fut.result()
                    done += 1
                    yield result
                    yield Progress(done, total, str(result.screenshot_id))
                if cancel is not None and cancel():
                    pending.clear()
                    for fut in running:
                        fut.cancel()
                    return
        finally:
            for fut in running:
                fut.cancel()


def apply(store: CaseStore, result: ReadResult) -> None:
    """Store one extraction; call on the thread that owns the store."""
    store.save_extraction(result.screenshot_id, result.extraction)


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
