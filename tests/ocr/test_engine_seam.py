"""Engine faults at the ``OcrEngine`` seam for a page-reading engine (RapidOCR's adapter).

``test_engine_faults`` drives a stand-in ``tesseract`` binary (after OCRmyPDF's
``tests/plugins/tesseract_crash.py``). RapidOCR runs in-process, so here the
library behind the adapter is replaced: it raises, never answers, or returns
output that is not a reading. And an engine of any kind that returns lines that make no sense on
the page (outside it, empty, of zero size) must not break the page model.
Whatever happens, ``extract`` returns an ``Extraction`` whose error, if any,
says the engine failed (``Failure.ENGINE``), never an internal error.
"""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest

from ocr.engines.errors import EngineCrashed, EngineFailed, EngineTimeout
from ocr.engines.rapidocr import RapidOcrEngine
from ocr.extract import extract
from ocr.model import Box, Failure
from ocr.recognition import Line
from tests.ocr.list_render import ListRow, render_list


def _adapter(library: object, timeout_s: float = 60.0) -> RapidOcrEngine:
    """The real adapter with the library's callable replaced (no model is loaded)."""
    eng = RapidOcrEngine.__new__(RapidOcrEngine)
    eng.timeout_s = timeout_s
    eng._ocr = library  # type: ignore[assignment]
    eng._version = "stand-in"
    return eng


def _screen() -> np.ndarray:
    return render_list("信息", [ListRow("10086", "10:21", "您本月话费账单已出")])


def _crash(image: np.ndarray) -> object:
    raise MemoryError("onnxruntime could not allocate")


GARBAGE = [
    SimpleNamespace(boxes=[[[0, 0], [1]]], txts=["x"], scores=[0.9]),  # a ragged quadrilateral
    SimpleNamespace(boxes=[[[np.nan, 0], [5, 0], [5, 5], [np.nan, 5]]], txts=["x"], scores=[0.9]),
    SimpleNamespace(boxes=[[[0, 0], [5, 0], [5, 5], [0, 5]]], txts=["x"], scores=["high"]),
]


def test_a_crashing_library_is_a_typed_crash() -> None:
    with pytest.raises(EngineCrashed):
        _adapter(_crash).recognize(_screen())


def test_a_library_that_never_answers_is_a_typed_timeout() -> None:
    release = threading.Event()
    try:
        eng = _adapter(lambda image: release.wait(30), timeout_s=0.5)
        t0 = time.monotonic()
        with pytest.raises(EngineTimeout):
            eng.recognize(_screen())
        assert time.monotonic() - t0 < 10  # the caller got its answer, the library still hangs
        x = extract(_screen(), name="a.png", engine=eng)
        assert x.error is not None and x.error.startswith(str(Failure.ENGINE)), x.error
        assert "timed out" in x.error
    finally:
        release.set()


@pytest.mark.parametrize("result", GARBAGE)
def test_output_that_is_not_a_reading_is_the_engines_failure(result: object) -> None:
    with pytest.raises(EngineFailed):
        _adapter(lambda image: result).recognize(_screen())


def test_a_nan_score_is_not_kept_as_a_confidence() -> None:
    result = SimpleNamespace(boxes=[[[0, 0], [5, 0], [5, 5], [0, 5]]], txts=["x"], scores=[float("nan")])
    assert _adapter(lambda image: result).recognize(_screen()) == []


@pytest.mark.parametrize("library", [_crash, *(lambda image, r=r: r for r in GARBAGE)])
def test_extract_reports_the_engine_and_goes_on(library: object) -> None:
    x = extract(_screen(), name="a.png", engine=_adapter(library))
    assert x.error is not None and x.error.startswith(str(Failure.ENGINE)), x.error
    assert x.messages == []


class _Nonsense:
    """An engine whose lines are legal objects but nonsense on the page."""

    name = "nonsense"
    prefers_page = True

    def version(self) -> str:
        return "0"

    def recognize(self, image: np.ndarray) -> list[Line]:
        h, w = image.shape[:2]
        return [
            Line("10:21", 0.9, Box(-50, -50, 10, 10)),  # above and left of the page
            Line("您本月话费", 0.9, Box(w + 10, h + 10, 40, 20)),  # beyond its far corner
            Line("零", 0.9, Box(10, 10, 0, 0)),  # no size at all
            Line("大", 0.9, Box(0, 0, w * 3, h * 3)),  # larger than the page
        ]


def test_lines_that_make_no_sense_on_the_page_do_not_break_the_reading() -> None:
    x = extract(_screen(), name="a.png", engine=_Nonsense())
    assert x.error is None, x.error
    kept = [m.text for m in x.messages] + [u.text for u in x.unassigned]
    assert all(t in {"10:21", "您本月话费", "零", "大"} for t in kept if t), kept
