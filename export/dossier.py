"""The PDF dossier as a job: ``build_dossier(store, out_pdf, options, cancel=...)``.

A job in the project's sense (casefile.jobs): a generator that yields
``Progress`` between units (one exhibit image; the layout checks between
flowables) and stops
there when ``cancel()`` is true. Cancelling is not an error: the generator
simply ends, and nothing is left at ``out_pdf``.

Two entry points, because the store belongs to one thread: ``build_dossier``
reads the store and writes the PDF (the command line); ``collect`` then
``write_dossier`` lets the GUI read on its own thread and lay out in a worker.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from casefile.atomic import staged_file
from casefile.jobs import Progress
from casefile.store import CaseStore
from export.data import DossierData, Exhibit, collect
from export.document import DossierCancelledError, LazyStory, PageFrame, layout
from export.errors import ExportError, ExportFailure
from export.images import PageImage, page_images, spool
from export.labels import labels
from export.options import DossierOptions, Section
from export.sections import Context
from export.sections.appendix import appendix
from export.sections.chronology import chronology, chronology_parts
from export.sections.cover import cover
from export.sections.exhibits import IMAGE_BOX_H, IMAGE_BOX_W, MIN_IMAGE_W, exhibits, exhibits_parts
from export.sections.index import index
from export.sections.summary import summary
from export.styles import make_styles

Cancel = Callable[[], bool]

_SECTIONS: tuple[tuple[Section, Callable[[Context], list[Flowable]]], ...] = (
    (Section.COVER, cover),
    (Section.INDEX, index),
    (Section.SUMMARY, summary),
    (Section.CHRONOLOGY, chronology),
    (Section.EXHIBITS, exhibits),
    (Section.APPENDIX, appendix),
)


def build_dossier(
    store: CaseStore, out_pdf: Path, options: DossierOptions, *, cancel: Cancel | None = None
) -> Iterator[Progress]:
    """Read the case and write the dossier to ``out_pdf`` (atomically)."""
    yield Progress(0, 1, "case")
    data = collect(store)
    yield from write_dossier(data, out_pdf, options, cancel=cancel)


def write_dossier(
    data: DossierData, out_pdf: Path, options: DossierOptions, *, cancel: Cancel | None = None
) -> Iterator[Progress]:
    """Lay out ``data`` and write it to ``out_pdf``; touches no store, safe in a worker."""
    try:
        # Laid out straight into a hidden temporary file beside the target, renamed when whole.
        with staged_file(Path(out_pdf)) as tmp:
            pdf = yield from render_dossier(data, options, cancel=cancel, into=tmp)
            if pdf is None:
                raise DossierCancelledError
    except DossierCancelledError:
        return
    yield Progress(dossier_steps(data, options), dossier_steps(data, options), "written")


def dossier_steps(data: DossierData, options: DossierOptions) -> int:
    """How many progress steps laying out the dossier takes at most (the bar's length)."""
    n = len(data.exhibits) if options.has(Section.EXHIBITS) else 0
    return n + 2


def render_dossier(
    data: DossierData,
    options: DossierOptions,
    *,
    cancel: Cancel | None = None,
    into: Path | None = None,
    pages: dict[str, int] | None = None,
) -> Generator[Progress, None, bytes | None]:
    """The dossier's bytes (the generator's return value), or None when cancelled;
    with ``into``, the dossier is written to that file and the value is b"".
    With ``pages``, the page of every bookmark and marker (``ex3``, ``ex3-end``) is
    put there: a court's 证据目录 cites them as 页码."""
    total = dossier_steps(data, options)
    cancelled: Cancel = cancel if cancel is not None else (lambda: False)
    images: dict[int, list[PageImage]] = {}
    with tempfile.TemporaryDirectory(prefix="screenproof-pages-") as spooled:
        if options.has(Section.EXHIBITS):
            for done, (ex, imgs) in enumerate(_prepare_images(data.exhibits, options, cancelled), 1):
                images[ex.number] = spool(imgs, Path(spooled), f"ex{ex.number}")
                yield Progress(done, total, f"exhibit {ex.number}")
            if cancelled():
                return None
        return (yield from _lay_out(data, options, images, total, cancelled, into, pages))


def _lay_out(
    data: DossierData,
    options: DossierOptions,
    images: dict[int, list[PageImage]],
    total: int,
    cancelled: Cancel,
    into: Path | None,
    pages: dict[str, int] | None = None,
) -> Generator[Progress, None, bytes | None]:
    generated = options.generated_at or datetime.now().replace(second=0, microsecond=0)
    base = Context(
        data=data,
        options=options,
        labels=labels(options.lang, options.label_overrides),
        styles=make_styles(),
        images=images,
        generated_at=generated,
    )
    frame = page_frame(data, options, generated)
    if cancelled():
        return None
    yield Progress(len(images), total, "layout")
    try:
        pdf, found = layout(assemble(base), frame, cancel=cancelled, into=into)
    except DossierCancelledError:
        return None
    if pages is not None:
        pages.update(found.pages)
    return pdf


def assemble(ctx: Context) -> list[Flowable]:
    """Every chosen section, each starting on a new page, in the fixed order.

    A LazyStory: the long sections are made piece by piece while ReportLab lays
    out the previous pieces, so memory does not grow with the size of the case.
    """
    return LazyStory(_parts(ctx))


_PARTS: dict[Section, Callable[[Context], Iterator[list[Flowable]]]] = {
    Section.CHRONOLOGY: chronology_parts,
    Section.EXHIBITS: exhibits_parts,
}


def _parts(ctx: Context) -> Iterator[list[Flowable]]:
    first = True
    for section, make in _SECTIONS:
        if not ctx.options.has(section):
            continue
        if not first:
            yield [PageBreak()]
        first = False
        if section in _PARTS:
            yield from _PARTS[section](ctx)
        else:
            yield make(ctx)


def page_frame(data: DossierData, options: DossierOptions, generated: datetime | None = None) -> PageFrame:
    L = labels(options.lang, options.label_overrides)  # noqa: N806
    case_title = data.case.title.strip() or L["untitled_case"]
    return PageFrame(
        header=case_title,
        header_right=L["doc_title"],
        footer=L["page_of"],
        title=f"{case_title} — {L['doc_title']}",
        author=options.author or data.case.complainant.strip() or "Screenproof",
        subject=L["doc_subject"],
        creator=f"Screenproof {data.version}",
        keywords=("Screenproof", f"manifest-sha256:{data.manifest.sha256}"),
        lang="zh-CN" if options.lang == "zh" else "en",
        created=generated,
    )


def read_original(ex: Exhibit) -> bytes:
    """The original's bytes (or its redacted copy's), checked against the hash the dossier will print."""
    path, want = (ex.derived, ex.derived_sha256) if ex.derived is not None else (ex.original, ex.shot.sha256)
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise ExportError(ExportFailure.ORIGINAL_MISSING, path) from e
    except OSError as e:
        raise ExportError(ExportFailure.ORIGINAL_UNREADABLE, path, str(e)) from e
    if hashlib.sha256(data).hexdigest() != want:
        raise ExportError(ExportFailure.ORIGINAL_ALTERED, path)
    return data


def _prepare_images(
    exhibits_: tuple[Exhibit, ...], options: DossierOptions, cancelled: Cancel
) -> Iterator[tuple[Exhibit, list[PageImage]]]:
    """Recompress originals in a few threads (Pillow releases the GIL), yielding in order."""

    def one(ex: Exhibit) -> list[PageImage]:
        if cancelled():
            return []
        return page_images(
            read_original(ex),
            max_w_pt=IMAGE_BOX_W,
            max_h_pt=IMAGE_BOX_H,
            min_w_pt=MIN_IMAGE_W,
            dpi=options.image_dpi,
            quality=options.jpeg_quality,
        )

    workers = max(1, min(4, os.cpu_count() or 1))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dossier-img")
    try:
        window = workers * 2  # bounded look-ahead: memory stays flat for 1,000 exhibits
        futures = [pool.submit(one, ex) for ex in exhibits_[:window]]
        for i, ex in enumerate(exhibits_):
            if cancelled():
                return
            imgs = futures[i].result()
            if i + window < len(exhibits_):
                futures.append(pool.submit(one, exhibits_[i + window]))
            yield ex, imgs
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
