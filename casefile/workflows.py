"""The stages behind every front door: import, read, suggest tags — as jobs.

Why here: the command line and the window used to string these stages
together each in its own way (the window read every screenshot still
waiting, the command line only the new ones; the window suggested tags only
when something was read). Both now drive these generators, so a rule about
what happens after an import is written once.

Every job is a plain generator (``casefile.jobs``): it yields ``Progress``
between units and results as they come, and stops between units when its
cancel token is set. What was finished stays, so a case is always
consistent. The window runs the store-free halves (``prepare_files``,
``casefile.reading.read``, ``compute_suggestions``) in a worker and records
their results on the thread that owns the store; the command line runs the
whole jobs on one thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from casefile.importer import (
    ImportRejectedError,
    ImportResult,
    Outcome,
    Prepared,
    collect_with_folders,
    prepare,
    record,
)
from casefile.jobs import Progress
from casefile.model import OcrStatus, Screenshot
from casefile.phones import OWN_PHONE, phone_name
from casefile.reading import ReadResult, apply, requests_for
from casefile.reading import read as read_requests
from casefile.store import CaseStore
from casefile.tagging import (
    RuleSet,
    compute_suggestions,
    load_rules,
    record_suggestions,
    suggestion_input,
)
from ocr.model import Layout

Cancel = Callable[[], bool]


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class TagsSuggested:
    """The result of ``suggest_tags``: how many new suggestions wait for the user's review."""

    count: int


def prepare_files(
    paths: Sequence[str | Path], originals: Path, cancel: Cancel | None = None
) -> Iterator[Progress | Prepared | ImportResult]:
    """The store-free half of an import: expand folders, check and store each file's bytes.

    Yields a ``Prepared`` (to be recorded with ``casefile.importer.record``) or a
    rejected ``ImportResult`` per file. Safe in a worker: it touches no database.
    Each ``Prepared`` carries the phone owner its folder suggests.
    """
    cancelled = cancel or _never
    files = collect_with_folders(paths)
    total = len(files)
    for i, (path, suggested) in enumerate(files):
        if cancelled():
            return
        yield Progress(i, total, path.name)
        try:
            yield replace(prepare(path, originals), folder_phone=suggested)
        except ImportRejectedError as exc:
            yield ImportResult(path, Outcome.REJECTED, exc.reason, exc.detail)
    yield Progress(total, total)


@dataclass(frozen=True, slots=True)
class PhoneChoice:
    """Whose phone an import's files came from: one choice for the whole drop or folder.

    ``name`` for every file (本人 by default); with ``from_folders`` a file under
    a sub-folder (``妈妈/1.png``) takes the folder's name instead, and loose files
    take ``name``.
    """

    name: str = OWN_PHONE
    from_folders: bool = False

    def for_file(self, prepared: Prepared) -> str:
        if self.from_folders and prepared.folder_phone:
            return prepared.folder_phone
        return phone_name(self.name)


def import_files(
    store: CaseStore,
    paths: Sequence[str | Path],
    cancel: Cancel | None = None,
    phone: PhoneChoice | None = None,
) -> Iterator[Progress | ImportResult]:
    """Import files and folders on the store's thread: one ``ImportResult`` per file."""
    choice = phone or PhoneChoice()
    for item in prepare_files(paths, store.paths.originals, cancel):
        yield record(store, item, choice.for_file(item)) if isinstance(item, Prepared) else item


def to_read(store: CaseStore, *, again: Sequence[int] = (), layout: Layout | None = None) -> list[Screenshot]:
    """What a reading after an import covers: every screenshot still waiting, plus ``again``.

    Waiting ones from an earlier, cancelled import are read too, so nothing a
    user gave stays unread. With ``layout`` (the user chose one), only ``again``.
    """
    shots = [s for s in store.screenshots() if s.ocr_status == OcrStatus.WAITING or s.id in again]
    if layout is not None:
        shots = [s for s in shots if s.id in again]
    # In the order they were imported (the order the user gave them), not the case's display
    # order: with one worker readings are stored in this order, so message ids are repeatable.
    return sorted(shots, key=lambda s: s.id)


def read(
    store: CaseStore,
    shots: Sequence[Screenshot],
    *,
    engine: str = "auto",
    workers: int | None = None,
    cancel: Cancel | None = None,
) -> Iterator[Progress | ReadResult]:
    """OCR ``shots`` and store each reading as it finishes (on the store's thread).

    ``ocr.engines.errors.EngineMissing`` propagates: with no engine nothing useful is left to do.
    """
    for item in read_requests(requests_for(store, shots), engine=engine, workers=workers, cancel=cancel):
        if isinstance(item, ReadResult):
            apply(store, item)
        yield item


def suggest_tags(
    store: CaseStore, rules: RuleSet | None = None, cancel: Cancel | None = None
) -> Iterator[Progress | TagsSuggested]:
    """Run the tag rules over the whole chronology and record what they suggest.

    The rules look at the whole case (frequency per day, night-time), so they
    run after every reading; suggestions never override a tag the user
    confirmed or removed. ``casefile.tagging.RulesError`` propagates.
    """
    rules = rules or load_rules()
    yield Progress(0, 1, "tags")
    if (cancel or _never)():
        return
    count = record_suggestions(store, compute_suggestions(suggestion_input(store, rules), rules))
    yield Progress(1, 1, "tags")
    yield TagsSuggested(count)
