"""The public pack's redaction port, backed by the case's real redactor (``export.redaction``).

Why the values come from the whole case and not from the pack's choice: a
screenshot in a pack is always shown whole, so a message the user left out of
the pack is still visible on the image, and an ID number in it must be burned
out too. Masking more than the choice needs is safe; masking less is a leak.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path

from casefile.complainant import load_complainant
from casefile.store import CaseStore
from export.data import collect
from export.packs.redaction_port import RedactedImage
from export.redaction.burn import burn, digits_only
from export.redaction.redactor import LineReader, Redactor
from export.redaction.session import unassigned_of

# Digit runs shorter than this are too common to count as a leaked number (dates, times, counts).
MIN_LEAK_DIGITS = 7


class CaseRedactor:
    """``redaction_port.Redactor`` for one case: the user's saved boxes, else the ones found by OCR."""

    def __init__(self, inner: Redactor, shot_ids: dict[str, int]) -> None:
        self._inner = inner
        self._shot_ids = shot_ids  # original's sha256 -> screenshot id, to skip an OCR reading

    def redact_image(self, original: bytes, sha256: str) -> RedactedImage:
        """A fresh PNG of the pixels with the boxes burned in (metadata never copied, even with 0 boxes)."""
        shot = self._shot_ids.get(sha256)
        nothing_to_find = shot is not None and not self._inner.needs_reading(shot)
        if nothing_to_find and not self._inner.saved.edited(sha256):
            return RedactedImage(burn(original, ()), "png", sha256, 0)
        derived = self._inner.derived_for(original, sha256, shot)
        if derived is None:
            return RedactedImage(burn(original, ()), "png", sha256, 0)
        return RedactedImage(derived.path.read_bytes(), "png", sha256, derived.areas)

    def mask_text(self, text: str) -> str:
        return self._inner.mask(text)

    def check(self, data: bytes, ext: str) -> list[str]:
        """Masked values still present in a text file; images are pixels only (re-encoded, no text layer).

        Whether the burned pixels still show a value is what the redaction tests check
        by reading the derived image with OCR; repeating that read here would cost seconds
        an image for no more safety than the opaque fill gives.
        """
        if ext != "txt":
            return []
        text = data.decode("utf-8", errors="replace")
        flat, digits = "".join(text.split()).lower(), digits_only(text)
        return [
            s
            for s in self._inner.secrets()
            if s.lower() in flat or (len(d := digits_only(s)) >= MIN_LEAK_DIGITS and d in digits)
        ]


def case_redactor(store: CaseStore, reader: LineReader | None = None, extra: Sequence[str] = ()) -> CaseRedactor:
    """Read what to mask from the whole case; call on the store's thread (the OCR runs later, in the job).
    ``extra``: values to mask besides the case's (details given for this pack only)."""
    data = collect(store)
    workdir = Path(tempfile.mkdtemp(prefix="screenproof-redact-"))
    mine = [*load_complainant(store).to_mask(), *extra]  # the ID number and address the user entered
    inner = Redactor.for_data(data, store.paths.folder, workdir, reader, unassigned_of(store), mine)
    result = CaseRedactor(inner, {ex.shot.sha256: ex.shot.id for ex in data.exhibits})
    weakref.finalize(result, _remove, workdir)  # derived images live only as long as the redactor
    return result


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
