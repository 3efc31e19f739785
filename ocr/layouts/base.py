"""What every layout parser receives and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

import numpy as np

from ocr.model import ExtractedMessage, Layout
from ocr.recognition import OcrEngine


@dataclass(slots=True)
class PageContext:
    """One screenshot being read: the pixels (BGR uint8), its name, its capture time,
    the engine to read regions with, and whether the screen is in dark mode."""

    image: np.ndarray
    name: str
    captured_at: datetime | None
    engine: OcrEngine
    dark: bool = False
    notes: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class PageResult:
    thread_title: str | None
    messages: list[ExtractedMessage]


class LayoutParser(Protocol):
    layout: Layout

    def parse(self, ctx: PageContext) -> PageResult: ...
