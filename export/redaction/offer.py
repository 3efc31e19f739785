"""The boxes offered for one screenshot in the redaction dialog, as a cancellable job.

Finding needs an OCR reading of the original (seconds), so the window runs it
through its TaskRunner like any long work; the job yields ``Progress`` and
then one ``Offer``. Nothing is saved here: the user's choice is saved by the
dialog through ``casefile.redactions.save_boxes``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from casefile.jobs import CancelToken, Progress
from casefile.model import Message, Party
from casefile.redactions import RedactionBox, load_redactions
from export.redaction.finding import find_boxes, sensitive_values
from export.redaction.redactor import LineReader, default_reader, read_lines
from ocr.model import Direction


@dataclass(frozen=True, slots=True)
class Offer:
    sha256: str
    boxes: tuple[RedactionBox, ...]
    edited: bool  # True: the user's saved boxes; False: what the rules found


def collectors_from(messages: Iterable[Message], parties: Iterable[Party]) -> set[str]:
    """Numbers never offered: every sender of a received item and every number in a party."""
    out = {m.sender for m in messages if m.sender and m.direction != Direction.OUTGOING}
    for p in parties:
        out.update(p.members)
    return out


def offer_job(
    case_folder: Path,
    original: Path,
    sha256: str,
    texts: Sequence[str],
    collectors: Iterable[str],
    reader: LineReader | None = None,
) -> Callable[[CancelToken], Iterator[object]]:
    """A job (call with a ``CancelToken``) yielding Progress, then one ``Offer``."""
    collectors = tuple(collectors)

    def job(cancel: CancelToken) -> Iterator[object]:
        saved = load_redactions(case_folder)
        if saved.edited(sha256):
            yield Offer(sha256, saved.boxes_for(sha256), True)
            return
        yield Progress(0, 1, "ocr")
        data = original.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"{original}: the original no longer matches its SHA-256")
        if cancel():
            return
        lines, w, h = read_lines(data, reader or default_reader())
        values = sensitive_values(texts, collectors=collectors, extra=saved.values)
        yield Progress(1, 1, "ocr")
        yield Offer(sha256, tuple(find_boxes(lines, w, h, values)), False)

    return job
