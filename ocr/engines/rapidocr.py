"""RapidOCR (PP-OCR models on onnxruntime) behind the ``OcrEngine`` seam.

It is the optional, more accurate engine (STACK.md §4: about nine times fewer
character errors than Tesseract on real screenshots, dark mode without
preprocessing), shipped as the extra ``screenproof[rapidocr]`` =
``rapidocr==3.10.0`` + ``onnxruntime==1.31.1``. Never ``rapidocr-onnxruntime``:
it depends on the full ``opencv-python``, which clashes with the headless build.

The models are inside the wheel, so it runs offline. Creating it loads the
models (1.5–3 s), hence one lazily created instance per process.

Speed against accuracy (CPU s per image with one onnxruntime thread, the
setting of a batch worker; dev = 48 corpus images, rw = 15 real ones; the
machine was shared, so CPU time, not wall time; each pair of rows was
measured on the same code):

================================  =====  =====  ======  =====  =====  ======  =====
setting                           dev s  rw s   recall  prec   CER    time    rw
                                                 (dev)  (dev)  (dev)  (dev)   sender
================================  =====  =====  ======  =====  =====  ======  =====
max_side 3400, classifier on      4.93   3.92   0.988   1.000  0.024  0.969   0.510
max_side 3400, det ≤ 1600 px, no  3.32   2.38   0.988   0.997  0.024  0.960   0.519
cls
--------------------------------  -----  -----  ------  -----  -----  ------  -----
max_side 3400, no classifier      4.88   3.91   0.988   1.000  0.024   0.988  0.577
max_side 3400, det ≤ 2000 px, no  3.78   2.69   0.988   0.997  0.024   0.979  0.510
cls
================================  =====  =====  ======  =====  =====  ======  =====

(The previous engineer measured max_side 2000, RapidOCR's default, as losing
the small separator text: the whole image is shrunk before detection *and*
recognition.)

* The angle classifier is off: screenshots are never upside down, and it
  only ever costs (1 % here; it runs on every line).
* Detection stays at full resolution. Shrinking only the detector's input
  (``Det.limit_type=max``) saves 23–33 % of the CPU, but it misses or merges
  small text: one false message on dev, separators lost (time −0.01) and one
  real title in 15 (rw sender −0.07). RapidOCR is the engine a user has for
  accuracy, and the targets are accuracy targets, so accuracy wins.
  ``SCREENPROOF_RAPID_DET_SIDE=2000`` gives the faster trade-off for
  experiments; ``SCREENPROOF_RAPID_MAX_SIDE`` and ``SCREENPROOF_RAPID_CLS``
  the other two knobs (all read by :mod:`ocr.engines.settings`).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import threading
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ocr.engines.errors import EngineCrashed, EngineFailed, EngineMissing, EngineTimeout
from ocr.engines.settings import engine_settings
from ocr.model import Box
from ocr.recognition import Line
from ocr.text import clean_line

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'screenproof[rapidocr]'"
MIN_SCORE = 0.5

# The model files inside the pinned rapidocr wheel (pyproject.toml pins the version).
# They are loaded by path: given no path, RapidOCR downloads a model it finds
# missing or failing its checksum, and nothing may ever leave the user's machine.
# The recogniser's character list is stored inside its .onnx, so no dictionary
# is fetched either (tests/ocr/test_offline.py reads a screenshot with sockets blocked).
MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


def bundled_models(package_dir: Path) -> dict[str, Path]:
    """The wheel's model files by stage; EngineMissing when one is gone (never a download)."""
    models = {stage: package_dir / "models" / name for stage, name in MODEL_FILES.items()}
    missing = [p.name for p in models.values() if not p.is_file()]
    if missing:
        raise EngineMissing(
            f"RapidOCR's model files are missing ({', '.join(missing)}). Reinstall it with: {INSTALL_HINT}"
        )
    return models


def rapidocr_installed() -> bool:
    """Whether both halves of the extra are importable (without importing them)."""
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


def _dist_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _describe(ocr: Any) -> str:
    """Engine, versions and model file names, read from the installed packages and the config."""
    models: list[str] = []
    try:
        roles = [("Det", "det"), ("Rec", "rec")] + ([("Cls", "cls")] if ocr.cfg["Global"]["use_cls"] else [])
        for key, role in roles:
            c = ocr.cfg[key]
            if c.get("model_path"):
                models.append(Path(str(c["model_path"])).name)
                continue
            stem = f"{getattr(c['ocr_version'], 'value', c['ocr_version'])}_{role}_{getattr(c['model_type'], 'value', c['model_type'])}"
            lang = str(getattr(c["lang_type"], "value", c["lang_type"]))
            models.append(f"{stem}.onnx" + ("" if lang == "ch" else f" ({lang})"))
    except (KeyError, AttributeError, TypeError):  # a config layout we do not know: say so, do not guess
        models = ["models unknown"]
    return f"{_dist_version('rapidocr')} (onnxruntime {_dist_version('onnxruntime')}; {', '.join(models)})"


class RapidOcrEngine:
    """``OcrEngine`` over RapidOCR 3.x. Reads whole pages well (``prefers_page``)."""

    name = "rapidocr"
    prefers_page = True
    _shared: ClassVar[RapidOcrEngine | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    # Seconds one page may take. The slowest page measured reads in about 5 s on
    # one thread; 120 s is a library that has stopped, not a slow page, even on a
    # machine busy with other work.
    timeout_s: float = 120.0

    def __init__(self, *, threads: int | None = None, timeout_s: float | None = None) -> None:
        if timeout_s is not None:
            self.timeout_s = timeout_s
        if not rapidocr_installed():
            raise EngineMissing(f"The optional RapidOCR engine is not installed. Install it with: {INSTALL_HINT}")
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise EngineMissing(f"RapidOCR could not be loaded ({exc}). Reinstall it with: {INSTALL_HINT}") from exc
        settings = engine_settings()
        if threads is None:
            threads = settings.ort_threads
        params: dict[str, Any] = {
            "Global.log_level": "error",
            # Phone screenshots are tall (2400–3200 px); the default 2000 px cap
            # shrinks small separator text below what the recogniser reads.
            "Global.max_side_len": settings.rapid_max_side,
            # Screenshots are upright: the 180° classifier is pure cost.
            "Global.use_cls": settings.rapid_cls,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        for stage, path in bundled_models(Path(rapidocr.__file__).resolve().parent).items():
            params[f"{stage}.model_path"] = str(path)
        det_side = settings.rapid_det_side
        if det_side:
            params["Det.limit_type"] = "max"
            params["Det.limit_side_len"] = det_side
        try:
            self._ocr = RapidOCR(params=params)
        except Exception as exc:
            raise EngineMissing(f"RapidOCR failed to load its models ({exc}). Reinstall it with: {INSTALL_HINT}") from exc
        self._version = _describe(self._ocr)

    @classmethod
    def shared(cls) -> RapidOcrEngine:
        """The process-wide instance (the models take seconds to load)."""
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def version(self) -> str:
        """``rapidocr 3.10.0 (onnxruntime 1.32.0; PP-OCRv6_det_small.onnx, PP-OCRv6_rec_small.onnx)``.

        The dossier prints this per screenshot, so it names what really read
        the text: the installed distributions' versions (the package has no
        ``__version__``) and the model files the configuration selects.
        """
        return f"rapidocr {self._version}"

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read an image into lines; boxes are the axis-aligned hull of each quadrilateral."""
        if image.size == 0:
            return []
        if image.ndim == 2:
            import cv2

            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        result = self._call_with_timeout(image)
        try:
            return _lines_of(result)
        except (ValueError, TypeError, IndexError, OverflowError) as exc:
            raise EngineFailed(f"rapidocr returned what is not a reading ({type(exc).__name__})") from exc


    def _call_with_timeout(self, image: np.ndarray) -> object:
        """The library's reading of ``image``, or a typed crash or timeout.

        RapidOCR runs in this process, so a stopped library cannot be killed as
        Tesseract's subprocess is: the call runs on a daemon thread, and after
        ``timeout_s`` this image fails with :class:`EngineTimeout` and the batch
        goes on (the thread is abandoned; it ends with the process).
        """
        box: dict[str, object] = {}

        def run() -> None:
            try:
                box["result"] = self._ocr(image)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
                box["error"] = exc

        worker = threading.Thread(target=run, name="rapidocr-page", daemon=True)
        worker.start()
        worker.join(self.timeout_s)
        if worker.is_alive():
            raise EngineTimeout(f"rapidocr timed out after {self.timeout_s:g} s")
        error = box.get("error")
        if isinstance(error, Exception):  # whatever the library raises is its crash on this image
            raise EngineCrashed(f"rapidocr failed: {type(error).__name__}") from error
        if isinstance(error, BaseException):
            raise error  # KeyboardInterrupt, SystemExit: not the image's fault
        return box.get("result")


def _lines_of(result: object) -> list[Line]:
    """RapidOCR's result as lines; raises ValueError/TypeError/IndexError on malformed output."""
    boxes = getattr(result, "boxes", None)
    txts = getattr(result, "txts", None)
    scores = getattr(result, "scores", None)
    if boxes is None or txts is None or scores is None:
        return []
    out: list[Line] = []
    for quad, txt, score in zip(boxes, txts, scores, strict=False):
        if not float(score) >= MIN_SCORE:  # also drops a NaN score
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
