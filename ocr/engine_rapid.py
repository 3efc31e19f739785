"""RapidOCR's old address, kept for callers outside ``ocr``; see :mod:`ocr.engines.rapidocr`."""

from __future__ import annotations

from ocr.engines.rapidocr import INSTALL_HINT, MIN_SCORE, RapidOcrEngine, rapidocr_installed

__all__ = ["INSTALL_HINT", "MIN_SCORE", "RapidOcrEngine", "rapidocr_installed"]
