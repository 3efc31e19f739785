"""The seam between layout logic and an OCR engine.

Layout parsers find regions and ask an engine to read them; they never know
which engine it is. Two engines exist (Tesseract, always installed; RapidOCR,
an optional extra), and the accuracy gap between them on real screenshots is
large, so this seam is what lets a user trade speed for accuracy without any
layout code changing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ocr.model import Box


@dataclass(frozen=True, slots=True)
class Line:
    """One recognised text line: text, confidence in 0..1, box in the input's pixels."""

    text: str
    confidence: float
    box: Box


class OcrEngine(Protocol):
    """What a layout parser may ask of an engine."""

    name: str
    # Reads whole pages better than crops (RapidOCR): regions are then taken
    # from one reading of the page instead of from a canvas of crops.
    prefers_page: bool

    def version(self) -> str:
        """A version string stored with every extraction, for reproducibility."""
        ...

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an image region (BGR or grey uint8) into lines, top to bottom."""
        ...


def prefers_page(engine: OcrEngine) -> bool:
    return bool(engine.prefers_page)


class PageMemo:
    """One screenshot's view of an engine: the whole page is recognised at most once.

    Classifying a list screen reads its title bar and the list parser then
    reads the page; with a page-reading engine (RapidOCR) both asked for the
    same whole-page recognition, which doubled the cost of every inbox and
    call-log screenshot (measured: 4.4 s instead of 2.2 s on a 2400-px page).
    Only calls with the very array given here are remembered; crops and
    canvases pass straight through.
    """

    def __init__(self, engine: OcrEngine, page: np.ndarray) -> None:
        self._engine = engine
        self._page = page
        self._lines: list[Line] | None = None
        self.name = engine.name
        self.prefers_page = bool(engine.prefers_page)
        # Every line read off this page, in page coordinates: what the page
        # reading held (page-reading engines), else what crops gave back.
        self._reported: list[Line] = []

    def report(self, lines: list[Line]) -> None:
        """Lines read from crops of this page, already in page coordinates."""
        self._reported.extend(lines)

    def lines_read(self) -> list[Line]:
        """Everything the engine read on this page (the source of ``Extraction.unassigned``)."""
        if self._lines is not None:
            return list(self._lines)
        return list(self._reported)

    @property
    def page(self) -> np.ndarray:
        return self._page

    @property
    def page_read(self) -> bool:
        return self._lines is not None

    def version(self) -> str:
        return self._engine.version()

    def recognize(self, image: np.ndarray) -> list[Line]:
        if image is not self._page:
            return self._engine.recognize(image)
        if self._lines is None:
            self._lines = self._engine.recognize(image)
        return list(self._lines)

    def recognize_short_lines(self, image: np.ndarray) -> list[Line]:
        return short_line_reader(self._engine)(image)


def short_line_reader(engine: OcrEngine) -> Callable[[np.ndarray], list[Line]]:
    """The engine's reading of an image known to hold short lines, or its ordinary one.

    Tesseract can be told not to drop a short row as noise
    (``recognize_short_lines``); an engine without such a reading reads as usual.
    """
    read = getattr(engine, "recognize_short_lines", None)
    return read if callable(read) else engine.recognize
