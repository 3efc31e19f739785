"""One export, for every front end: the dossier, then the bundle, then the PDF put in place.

Why one place: the command line used to write the final PDF before the
bundle, so a bundle that failed (a full disk, a folder that is not an earlier
bundle) left a new PDF behind, while the window staged it. Both now drive
``export_case``, so an export is all-or-nothing wherever it starts: the PDF is
laid out once into a hidden temporary file beside the target, the bundle
reuses that file, and only when both are done and nobody cancelled is it
renamed onto the chosen path. A failure or a cancel at any point leaves no new
file, and an older dossier at that path stays intact.

The job touches no store (it works from a ``DossierData`` snapshot), so the
window runs it in a worker while the GUI thread keeps the case.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casefile.atomic import fsync_dir, temp_path
from casefile.jobs import CancelToken, Progress
from export.bundle import write_bundle, zip_path_for
from export.data import DossierData
from export.dossier import write_dossier
from export.options import DossierOptions
from export.redaction.session import RedactionSession


class Stage(enum.StrEnum):
    """Which part of the export a progress report is about (the window says it in words)."""

    DOSSIER = "dossier"
    BUNDLE = "bundle"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to write: the PDF, its options, and where the bundle goes (``None``: no bundle)."""

    pdf: Path
    options: DossierOptions
    bundle_dir: Path | None = None
    redact_case: Path | None = None  # burn this case's redactions in (export/redaction); never with a bundle


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """Progress of one stage; ``progress.label`` is the stage's own (a page or file counter)."""

    stage: Stage
    progress: Progress


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export that ran to the end wrote; the last item the job yields."""

    pdf: Path
    bundle_dir: Path | None
    bundle_zip: Path | None
    manifest_sha256: str


def export_case(
    data: DossierData, request: ExportRequest, cancel: CancelToken | None = None
) -> Iterator[ExportProgress | ExportResult]:
    """Write ``request`` from ``data``; yields progress, then one ``ExportResult`` when all is in place.

    A cancelled export yields no result and leaves nothing; an ``ExportError``
    or ``OSError`` propagates after the temporary PDF is removed.
    """
    token = cancel if cancel is not None else CancelToken()
    pdf = request.pdf
    tmp = temp_path(pdf)
    # Finding what to mask may run OCR: it happens here, in the job, never on the GUI thread.
    redaction = RedactionSession.start(data, request.redact_case)
    try:
        for p in write_dossier(redaction.data, tmp, request.options, cancel=token):
            yield ExportProgress(Stage.DOSSIER, p)
        if token.cancelled or not tmp.exists():
            return
        if request.bundle_dir is not None:
            for p in write_bundle(data, request.bundle_dir, request.options, cancel=token, pdf=tmp):
                yield ExportProgress(Stage.BUNDLE, p)
        if token.cancelled:
            return
        redaction.check(tmp)  # a masked value still readable: the file is removed, RedactionLeakError raised
        tmp.replace(pdf)
        fsync_dir(pdf.parent)
    finally:
        redaction.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
    bundle = request.bundle_dir
    yield ExportResult(
        pdf, bundle, zip_path_for(bundle) if bundle is not None else None, data.manifest.sha256
    )
