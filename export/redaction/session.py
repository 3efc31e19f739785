"""One redacted export's lifetime: the masked data, its derived images, and the final check.

``RedactionSession.start(data, case_folder)`` masks ``data`` and writes the
derived images into a private temporary folder (kept until ``close``, since
the dossier reads them while it lays out); ``check(pdf)`` runs the acceptance
check on the written file and raises ``RedactionLeakError`` after removing it.
With ``case_folder=None`` it is a no-op pass-through, so an export job can use
it unconditionally. Finding runs OCR: call ``start`` in a worker.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from casefile.complainant import load_complainant
from casefile.store import Access, CaseError, CaseStore
from export.data import DossierData
from export.redaction.check import check_pdf
from export.redaction.redactor import LineReader, Redactor


def unassigned_of(store: CaseStore) -> dict[int, list[str]]:
    """Lines no message took, per screenshot id, from an open store (its own thread)."""
    return {s.id: [u.text for u in store.unassigned_lines(s.id)] for s in store.screenshots()}


def case_reading(case_folder: Path) -> tuple[dict[int, list[str]] | None, tuple[str, ...]]:
    """Lines no message took, per screenshot id, and the complainant's values to mask (ID number,
    address), read through a lock-free reader connection.

    (None, ()) when the case cannot be read that way: then every screenshot is read by OCR
    (slower, never less safe) and only the values in ``redactions.json`` are masked besides the rules' finds.
    """
    try:
        with CaseStore.open(case_folder, create=False, access=Access.READ) as store:
            return unassigned_of(store), load_complainant(store).to_mask()
    except (CaseError, OSError, sqlite3.Error):
        return None, ()


@dataclass(slots=True)
class RedactionSession:
    data: DossierData
    secrets: tuple[str, ...] = ()
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    @classmethod
    def start(
        cls, data: DossierData, case_folder: Path | None, reader: LineReader | None = None
    ) -> RedactionSession:
        if case_folder is None:
            return cls(data)
        tmp = tempfile.TemporaryDirectory(prefix="screenproof-redact-")
        try:
            unassigned, extra = case_reading(case_folder)
            r = Redactor.for_data(data, case_folder, Path(tmp.name), reader, unassigned, extra)
            return cls(r.redact_data(data), tuple(r.secrets()), tmp)
        except BaseException:
            tmp.cleanup()
            raise

    @property
    def active(self) -> bool:
        return self._tmp is not None

    def check(self, pdf: Path) -> None:
        if self.active:
            check_pdf(pdf, self.secrets)

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
