"""RapidOCR (PP-OCR models on onnxruntime) behind the ``OcrEngine`` seam.

It is the optional, more accurate engine (STACK.md §4: about nine times fewer
character errors than Tesseract on real screenshots, dark mode without
preprocessing), shipped as the extra ``screenproof[rapidocr]`` =
``rapidocr==3.10.0`` + ``onnxruntime==1.31.1``. Never ``rapidocr-onnxruntime``:
it depends on the full ``opencv-python``, which clashes with the headless build.

The models are inside the wheel, so it runs offline. Creating it loads the
models (1.5–3 s), hence one lazily created instance per process.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from typing import Any, ClassVar

import numpy as np

from ocr.engine import EngineFailed, EngineMissing
from ocr.model import Box
from ocr.recognition import Line
from ocr.text import clean_line

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'screenproof[rapidocr]'"
MIN_SCORE = 0.5


def rapidocr_installed() -> bool:
    """Whether both halves of the extra are importable (without importing them)."""
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


class RapidOcrEngine:
    """``OcrEngine`` over RapidOCR 3.x. Reads whole pages well (``prefers_page``)."""

    name = "rapidocr"
    prefers_page = True
    _shared: ClassVar[RapidOcrEngine | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, *, threads: int | None = None) -> None:
        if not rapidocr_installed():
            raise EngineMissing(f"The optional RapidOCR engine is not installed. Install it with: {INSTALL_HINT}")
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise EngineMissing(f"RapidOCR could not be loaded ({exc}). Reinstall it with: {INSTALL_HINT}") from exc
        if threads is None:
            env = os.environ.get("SCREENPROOF_ORT_THREADS")
            threads = int(env) if env and env.isdigit() else -1
        params: dict[str, Any] = {
            "Global.log_level": "error",
            # Phone screenshots are tall (2400–3200 px); the default 2000 px cap
            # shrinks small separator text below what the recogniser reads.
            "Global.max_side_len": 3400,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        try:
            self._ocr = RapidOCR(params=params)
        except Exception as exc:
            raise EngineMissing(f"RapidOCR failed to load its models ({exc}). Reinstall it with: {INSTALL_HINT}") from exc
        self._version = getattr(rapidocr, "__version__", "3")

    @classmethod
    def shared(cls) -> RapidOcrEngine:
        """The process-wide instance (the models take seconds to load)."""
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def version(self) -> str:
        return f"rapidocr {self._version} (PP-OCR, onnxruntime)"

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an image into lines; boxes are the axis-aligned hull of each quadrilateral."""
        if image.size == 0:
            return []
        if image.ndim == 2:
            import cv2

            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        try:
            result = self._ocr(image)
        except Exception as exc:
            raise EngineFailed(f"rapidocr failed: {type(exc).__name__}") from exc
        boxes = getattr(result, "boxes", None)
        txts = getattr(result, "txts", None)
        scores = getattr(result, "scores", None)
        if boxes is None or txts is None or scores is None:
            return []
        out: list[Line] = []
        for quad, txt, score in zip(boxes, txts, scores, strict=False):
            if float(score) < MIN_SCORE:
                continue
            text = clean_line(str(txt))
            if not text:
                continue
            q = np.asarray(quad, dtype=float)
            x0, y0 = int(q[:, 0].min()), int(q[:, 1].min())
            x1, y1 = int(np.ceil(q[:, 0].max())), int(np.ceil(q[:, 1].max()))
            out.append(Line(text, float(score), Box(x0, y0, x1 - x0, y1 - y0)))
        out.sort(key=lambda ln: (ln.box.y + ln.box.h / 2, ln.box.x))
        return out
