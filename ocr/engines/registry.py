"""The engines by name: which exist, which is the default, one instance per process."""

from __future__ import annotations

import shutil
from collections.abc import Callable

from ocr.engines.rapidocr import RapidOcrEngine, rapidocr_installed
from ocr.engines.tesseract import TesseractEngine
from ocr.recognition import OcrEngine

_ENGINES: dict[str, Callable[[], OcrEngine]] = {}
_INSTANCES: dict[str, OcrEngine] = {}


def _make_tesseract() -> OcrEngine:
    return TesseractEngine()


def _make_rapid() -> OcrEngine:
    return RapidOcrEngine.shared()


_ENGINES["tesseract"] = _make_tesseract
_ENGINES["rapidocr"] = _make_rapid


AUTO = "auto"


def default_engine_name() -> str:
    """``"rapidocr"`` when the optional extra is installed, else ``"tesseract"``.

    Why RapidOCR first: both engines meet the accuracy targets on the
    synthetic corpus, but on real screenshots, which is what users bring,
    RapidOCR reads fewer wrong characters and more senders (README, "OCR
    engines"). Every wrong character is one a stressed user must find and
    fix by hand, and that is worth the extra CPU (about 3x Tesseract's per
    page, still minutes for a hundred screenshots). Tesseract stays
    installed and selectable: it is the engine every install has, the faster
    one, and the fallback when the extra is absent. The check only looks for
    the packages (no model load), so it is cheap.
    """
    return "rapidocr" if rapidocr_installed() else "tesseract"


def resolve_engine_name(name: str | None = None) -> str:
    """The real engine behind ``name`` (``None``/``"auto"`` → :func:`default_engine_name`).

    Extractions record the real name, never ``"auto"``: an evidence file must
    say which engine actually read it.
    """
    key = (name or AUTO).strip().lower()
    if key in ("rapid", "rapid_ocr"):
        key = "rapidocr"
    if key == AUTO:
        key = default_engine_name()
    return key


def get_engine(name: str = AUTO) -> OcrEngine:
    """The engine called ``name``, created once per process (model load is the slow part).

    ``"auto"`` (the default) is RapidOCR when installed, else Tesseract.
    Raises :class:`EngineMissing` when it is not installed, ``ValueError`` for an
    unknown name.
    """
    key = resolve_engine_name(name)
    if key not in _ENGINES:
        raise ValueError(f"unknown OCR engine {name!r}; known: {', '.join(sorted([*_ENGINES, AUTO]))}")
    if key not in _INSTANCES:
        _INSTANCES[key] = _ENGINES[key]()
    return _INSTANCES[key]


def available_engines() -> list[str]:
    """Names of the engines that can be created on this machine, the default first."""
    out: list[str] = []
    if shutil.which("tesseract"):
        out.append("tesseract")
    if rapidocr_installed():
        out.append("rapidocr")
    first = default_engine_name()
    return sorted(out, key=lambda n: n != first)
