"""The engines' old address, kept for callers outside ``ocr`` (the window, the CLI, tests).

New code imports from :mod:`ocr.engines` (``errors``, ``tesseract``, ``rapidocr``,
``registry``).
"""

from __future__ import annotations

from ocr.engines.errors import EngineCrashed, EngineFailed, EngineMissing, EngineTimeout
from ocr.engines.registry import (
    AUTO,
    available_engines,
    default_engine_name,
    get_engine,
    resolve_engine_name,
)
from ocr.engines.tesseract import DEBIAN_PACKAGES, INSTALL_HINT, LINE_MIN_CONF, TesseractEngine, _group_lines

__all__ = [
    "AUTO",
    "DEBIAN_PACKAGES",
    "INSTALL_HINT",
    "LINE_MIN_CONF",
    "EngineCrashed",
    "EngineFailed",
    "EngineMissing",
    "EngineTimeout",
    "TesseractEngine",
    "_group_lines",
    "available_engines",
    "default_engine_name",
    "get_engine",
    "resolve_engine_name",
]
