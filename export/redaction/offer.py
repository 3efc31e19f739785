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
from export.redaction.finding import Sensitive, find_boxes, locate, sensitive_values
from export.redaction.redactor import LineReader, default_reader, read_lines
from ocr.model import Direction
from ocr.recognition import Line


@dataclass(frozen=True, slots=True)
class Offer:
    sha256: str
    boxes: tuple[RedactionBox, ...]
    edited: bool  # True: the user's saved boxes; False: what the rules found


@dataclass(frozen=True, slots=True)
class Reading:
    """The OCR lines of the screenshot, so a value the user types can be boxed without reading again."""

    lines: tuple[Line, ...]
    width: int
    height: int

    def boxes_for(self, values: Sequence[Sensitive]) -> list[RedactionBox]:
        return [b for v in values for b in locate(v, self.lines, self.width, self.height)]


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
    extra: Sequence[str] = (),
) -> Callable[[CancelToken], Iterator[object]]:
    """A job (call with a ``CancelToken``) yielding Progress, the ``Reading`` and one ``Offer``.

    A screenshot edited before gets its saved boxes at once (the dialog is usable while
    the OCR runs), then the reading. ``extra``: the complainant's ID number and address.
    """
    collectors = tuple(collectors)

    def job(cancel: CancelToken) -> Iterator[object]:
        saved = load_redactions(case_folder)
        edited = saved.edited(sha256)
        if edited:
            yield Offer(sha256, saved.boxes_for(sha256), True)
        yield Progress(0, 1, "ocr")
        data = original.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError(f"{original}: the original no longer matches its SHA-256")
        if cancel():
            return
        lines, w, h = read_lines(data, reader or default_reader())
        yield Progress(1, 1, "ocr")
        reading = Reading(tuple(lines), w, h)
        yield reading
        if not edited:
            values = sensitive_values(texts, collectors=collectors, extra=[*saved.values, *extra])
            yield Offer(sha256, tuple(find_boxes(lines, w, h, values)), False)

    return job
