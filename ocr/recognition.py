"""The seam between layout logic and an OCR engine.

Layout parsers find regions and ask an engine to read them; they never know
which engine it is. Two engines exist (Tesseract, always installed; RapidOCR,
an optional extra), and the accuracy gap between them on real screenshots is
large, so this seam is what lets a user trade speed for accuracy without any
layout code changing.
"""

from __future__ import annotations

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

    def version(self) -> str:
        """A version string stored with every extraction, for reproducibility."""
        ...

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an image region (BGR or grey uint8) into lines, top to bottom."""
        ...
