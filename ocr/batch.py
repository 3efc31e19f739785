"""Many screenshots at once, on every core, cancellable.

Tesseract is single-threaded here (``OMP_THREAD_LIMIT=1``, STACK.md §3: the
OpenMP build is 6x slower otherwise), so throughput comes from one worker
*process* per core, each holding one engine instance. Results are yielded as
each image finishes, so the importer and the GUI can show progress. Workers
are started with ``spawn``: the GUI calls this from a thread, and forking a
process that runs Qt threads is unsafe.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ocr.engines.errors import EngineMissing
from ocr.engines.registry import resolve_engine_name
from ocr.model import Extraction, Failure, Layout

log = logging.getLogger(__name__)

_POLL_S = 0.1
_worker_engine: str = "auto"


def _init_worker(engine: str) -> None:
    """Per-process set-up: single-threaded OCR, one engine created up front."""
    global _worker_engine
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ.setdefault("SCREENPROOF_ORT_THREADS", "1")
    # OCR takes every core; a lower priority keeps the window (and the user's
    # other programs) responsive while it runs, at no cost to throughput.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(5)
    _worker_engine = engine
    from ocr.engines.registry import get_engine

    # A missing engine is reported by the first task, in the parent, as a real exception.
    with contextlib.suppress(EngineMissing):
        get_engine(engine)


def _extract_one(item: BatchItem) -> Extraction:
    from ocr.extract import extract

    return extract(item.path, item.captured_at, name=item.name, engine=_worker_engine, layout=item.layout)


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One image to read, with what its original file name told us.

    A case stores originals under their SHA-256, so the capture time and the
    name to report travel with the path instead of being read off it.
    """

    path: Path
    name: str | None = None
    captured_at: datetime | None = None
    layout: Layout | None = None  # read as this layout (the user's choice) instead of guessing


def extract_paths(
    paths: Iterable[str | Path],
    *,
    engine: str = "auto",
    workers: int = 2,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[tuple[Path, Extraction]]:
    """Yield ``(path, extraction)`` for each image as it finishes (see ``extract_items``)."""
    items = [BatchItem(Path(p)) for p in paths]
    for i, ex in extract_items(items, engine=engine, workers=workers, cancel=cancel):
        yield items[i].path, ex


def extract_items(
    items: Sequence[BatchItem],
    *,
    engine: str = "auto",
    workers: int = 2,
    cancel: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, Extraction]]:
    """Yield ``(index into items, extraction)`` for each image as it finishes (not in input order).

    ``cancel`` is polled about ten times a second; when it returns true, images
    not yet started are dropped and the generator returns (cancelling is not
    an error). :class:`EngineMissing` is raised once, on the first image; any
    other failure of a worker fails that one image, not the batch.
    """
    if not items:
        return
    # Resolved once here, so workers and error records name the real engine, never "auto".
    engine = resolve_engine_name(engine)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if workers <= 1 or len(items) == 1:
        from ocr.extract import extract

        for i, item in enumerate(items):
            if cancel is not None and cancel():
                return
            yield i, extract(item.path, item.captured_at, name=item.name, engine=engine, layout=item.layout)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(items)), mp_context=ctx, initializer=_init_worker, initargs=(engine,)
    )
    pending: dict[Future[Extraction], int] = {}
    queue = list(reversed(range(len(items))))
    try:
        # Keep at most two tasks per worker queued, so cancelling drops the rest at once.
        def top_up() -> None:
            while queue and len(pending) < workers * 2:
                i = queue.pop()
                pending[pool.submit(_extract_one, items[i])] = i

        top_up()
        while pending:
            if cancel is not None and cancel():
                return
            done, _ = wait(list(pending), timeout=_POLL_S, return_when=FIRST_COMPLETED)
            for fut in done:
                i = pending.pop(fut)
                try:
                    result = fut.result()
                except EngineMissing:
                    raise
                except Exception as exc:  # noqa: BLE001 - a dead worker fails one image, not the batch
                    log.warning("worker failed on one image (%s)", type(exc).__name__)
                    result = Extraction(
                        image=items[i].name or items[i].path.name,
                        layout=None,
                        captured_at=None,
                        engine=engine,
                        error=f"{Failure.WORKER}: {type(exc).__name__}",
                    )
                yield i, result
            top_up()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
