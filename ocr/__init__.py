"""Image → Extraction. Imports nothing else of this project (see DESIGN.md).

Public API (imported lazily, so ``import ocr.model`` stays light for callers
that only need the data classes):

* ``extract(image, captured_at=None, *, name=None, engine=None) -> Extraction``
* ``extract_paths(paths, *, engine="auto", workers=2, cancel=None)``
  → iterator of ``(Path, Extraction)`` as each image finishes
* ``get_engine(name="auto") -> OcrEngine`` ("auto": RapidOCR when installed, else
  Tesseract), ``default_engine_name()``, ``available_engines() -> list[str]``
* ``EngineMissing`` (tell the user what to install, once), ``EngineFailed``
* ``classify(image) -> Layout``
* the data classes of :mod:`ocr.model`
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "extract": "ocr.extract",
    "load_image": "ocr.extract",
    "extract_paths": "ocr.batch",
    "get_engine": "ocr.engines.registry",
    "available_engines": "ocr.engines.registry",
    "default_engine_name": "ocr.engines.registry",
    "EngineMissing": "ocr.engines.errors",
    "EngineFailed": "ocr.engines.errors",
    "TesseractEngine": "ocr.engines.tesseract",
    "classify": "ocr.layouts.classify",
    "Extraction": "ocr.model",
    "ExtractedMessage": "ocr.model",
    "Box": "ocr.model",
    "Layout": "ocr.model",
    "Kind": "ocr.model",
    "Direction": "ocr.model",
    "TimeSource": "ocr.model",
    "Line": "ocr.recognition",
    "OcrEngine": "ocr.recognition",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ocr' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
