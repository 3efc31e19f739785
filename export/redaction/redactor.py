"""``Redactor``: the public way to get redacted images and masked text for a case.

Used by the redacted dossier (``redact_dossier_data``) and by the complaint
packs. Typical use, on the thread that owns nothing (it touches no store)::

    data = export.data.collect(store)                 # on the store's thread
    r = Redactor.for_data(data, case_folder, workdir)  # what to mask, and where
    img = r.derived(exhibit)          # DerivedImage: a new PNG with boxes burned in
    text = r.mask("身份证440301…")     # "身份证4403**********1234"
    safe = r.redact_data(data)        # the whole DossierData, masked, images swapped
    r.check_pdf(pdf_path)             # raises RedactionLeakError (and removes the file)

What is masked: ID numbers, bank-card numbers and third parties' mobile
numbers found by the case's rules in every message, plus the strings the user
listed in ``redactions.json`` (a home address). Collectors' numbers (every
sender who contacted the user, and every number grouped in a party) are never
masked. Boxes on each image are the user's saved boxes when they edited that
screenshot, else the boxes located from an OCR reading of the original.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps

from casefile.redactions import RedactionBox, Redactions, load_redactions
from export.data import DossierData, Exhibit
from export.redaction.address import compact, tails
from export.redaction.burn import DerivedImage, mask_text, write_derived
from export.redaction.finding import Sensitive, find_boxes, locate, pattern_for, sensitive_values
from ocr.recognition import Line

LineReader = Callable[[np.ndarray], list[Line]]


def default_reader() -> LineReader:
    """The case's default OCR engine's line reader (the same lines the import read)."""
    from ocr import get_engine

    return get_engine().recognize


def read_lines(original: bytes, reader: LineReader) -> tuple[list[Line], int, int]:
    """OCR lines of an image, with its size after EXIF rotation (boxes are in those pixels)."""
    import io

    with Image.open(io.BytesIO(original)) as raw:
        im = ImageOps.exif_transpose(raw).convert("RGB")
    bgr = np.ascontiguousarray(np.asarray(im)[:, :, ::-1])
    return reader(bgr), im.width, im.height


class Redactor:
    """What to mask in one case, and the derived images, made on demand and cached."""

    def __init__(
        self,
        values: Sequence[Sensitive],
        saved: Redactions,
        workdir: Path,
        reader: LineReader | None = None,
        shot_texts: Mapping[int, Sequence[str]] | None = None,
    ) -> None:
        self.values = tuple(values)
        # Per screenshot id, every text its reading holds (messages and unassigned lines).
        # Known: a screenshot none of whose texts holds a value is not read again (OCR
        # takes seconds a screenshot). None: unknown, so every screenshot is read.
        self.shot_texts = shot_texts
        self.saved = saved
        self.workdir = Path(workdir)
        self._reader = reader
        self._derived: dict[str, DerivedImage] = {}

    @classmethod
    def for_data(
        cls,
        data: DossierData,
        case_folder: Path,
        workdir: Path,
        reader: LineReader | None = None,
        unassigned: Mapping[int, Sequence[str]] | None = None,
        extra: Sequence[str] = (),
    ) -> Redactor:
        """What to mask in ``data``; ``unassigned`` (lines no message took, per screenshot id)
        lets screenshots with nothing to mask skip the OCR reading. ``extra``: values to mask
        besides the ones listed in ``redactions.json`` (the complainant's ID number and address)."""
        saved = load_redactions(case_folder)
        shot_texts = None
        if unassigned is not None:
            shot_texts = {
                ex.shot.id: [*(m.text for m in ex.messages), *unassigned.get(ex.shot.id, ())]
                for ex in data.exhibits
            }
        texts = (
            [t for ts in shot_texts.values() for t in ts]
            if shot_texts
            else [m.text for ex in data.exhibits for m in ex.messages]
        )
        values = sensitive_values(texts, collectors=collectors_of(data), extra=[*saved.values, *extra])
        return cls(values, saved, workdir, reader, shot_texts)

    @property
    def reader(self) -> LineReader:
        if self._reader is None:
            self._reader = default_reader()
        return self._reader

    def mask(self, text: str) -> str:
        """``text`` with every value to redact replaced by its mask (``4403**********1234``)."""
        return mask_text(text, self.values)

    def boxes(self, original: bytes, sha256: str, screenshot_id: int | None = None) -> tuple[RedactionBox, ...]:
        """The user's boxes for this screenshot if edited, else the boxes found by OCR.

        A value the user asked to mask everywhere (an address, a typed value) is masked on an edited
        screenshot too: its boxes are added to the saved ones whenever the screenshot's text holds it.
        """
        if not self.saved.edited(sha256):
            lines, w, h = read_lines(original, self.reader)
            return tuple(find_boxes(lines, w, h, self.values))
        saved = self.saved.boxes_for(sha256)
        typed = [v for v in self.values if v.kind == "address"]
        if not typed or (screenshot_id is not None and not self._holds(screenshot_id, typed)):
            return saved
        lines, w, h = read_lines(original, self.reader)
        found = [b for v in typed for b in locate(v, lines, w, h)]
        return tuple({b.key(): b for b in (*saved, *found)}.values())

    def derived_for(self, original: bytes, sha256: str, screenshot_id: int | None = None) -> DerivedImage | None:
        """The redacted copy of one original, or None when nothing on it is masked."""
        if sha256 not in self._derived:
            boxes = self.boxes(original, sha256, screenshot_id)
            if not boxes:
                return None
            self._derived[sha256] = write_derived(original, sha256, boxes, self.workdir)
        return self._derived[sha256]

    def needs_reading(self, screenshot_id: int) -> bool:
        """False only when the screenshot's texts are known and none holds a value to mask."""
        return self._holds(screenshot_id, self.values)

    def _holds(self, screenshot_id: int, values: Sequence[Sensitive]) -> bool:
        """Whether the screenshot's texts may hold one of ``values`` (unknown texts: yes).
        The texts are joined by line breaks: an address may run from one line into the next."""
        if self.shot_texts is None or screenshot_id not in self.shot_texts:
            return True
        joined = "\n".join(self.shot_texts[screenshot_id])
        return any(pattern_for(v).search(joined) for v in values)

    def derived(self, ex: Exhibit) -> DerivedImage | None:
        if not self.saved.edited(ex.shot.sha256) and not self.needs_reading(ex.shot.id):
            return None
        data = ex.original.read_bytes()
        if hashlib.sha256(data).hexdigest() != ex.shot.sha256:
            raise ValueError(f"{ex.original}: the original no longer matches its SHA-256")
        return self.derived_for(data, ex.shot.sha256, ex.shot.id)

    def redact_data(self, data: DossierData) -> DossierData:
        """The dossier's data with all text masked and each exhibit pointing at its derived image."""
        masked = mask_deep(data, self.mask)
        exhibits = []
        for ex in masked.exhibits:
            d = self.derived(ex)
            if d is not None:
                ex = dataclasses.replace(ex, derived=d.path, derived_sha256=d.sha256, masked_areas=d.areas)
            exhibits.append(ex)
        return dataclasses.replace(masked, exhibits=tuple(exhibits), redacted=True)

    def secrets(self) -> list[str]:
        """The full values the acceptance check looks for (an address also as each of its tails)."""
        out = [v.value for v in self.values]
        out += [t for v in self.values if v.kind == "address" for t in tails(v.value) if t != compact(v.value)]
        return out


def collectors_of(data: DossierData) -> set[str]:
    """Every number that contacted the user or is grouped in a party: never masked."""
    out = set(data.senders)
    for p in data.parties:
        out.update(p.members)
    return out


def mask_deep(obj: Any, mask: Callable[[str], str]) -> Any:
    """Every string inside ``obj`` (dataclasses, tuples, lists, mappings) passed through ``mask``."""
    if isinstance(obj, enum.Enum) or obj is None:
        return obj
    if isinstance(obj, str):
        return mask(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            if not f.init:
                continue
            old = getattr(obj, f.name)
            new = mask_deep(old, mask)
            if new is not old and new != old:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    if isinstance(obj, tuple):
        return tuple(mask_deep(x, mask) for x in obj)
    if isinstance(obj, list):
        return [mask_deep(x, mask) for x in obj]
    if isinstance(obj, frozenset):
        return frozenset(mask_deep(x, mask) for x in obj)
    if isinstance(obj, Mapping):
        return {mask_deep(k, mask): mask_deep(v, mask) for k, v in obj.items()}
    return obj
