"""The engines' six tuning knobs from the environment, read in one place when an engine is made.

They are for experiments and benchmarks, not for users (the defaults are the
measured best, see :mod:`ocr.engines.rapidocr`). Reading them when an engine is
made, not when a module is imported, means a test or an OCR worker process that
sets one after import is obeyed (``ocr.batch`` sets ``SCREENPROOF_ORT_THREADS``
in each worker). A value that is not a number is ignored: a typo in an
experiment must not stop evidence from being read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ENV", "EngineSettings", "engine_settings"]

# The variables, by setting: one table, so a search for the name finds its meaning.
ENV = {
    "ort_threads": "SCREENPROOF_ORT_THREADS",
    "rapid_max_side": "SCREENPROOF_RAPID_MAX_SIDE",
    "rapid_cls": "SCREENPROOF_RAPID_CLS",
    "rapid_det_side": "SCREENPROOF_RAPID_DET_SIDE",
    "tess_lang": "SCREENPROOF_TESS_LANG",
    "tess_psm": "SCREENPROOF_TESS_PSM",
}

# onnxruntime's own choice of threads (all cores), for the window's single process.
ORT_DEFAULT_THREADS = -1
# Phone screenshots are 2400-3200 px tall; RapidOCR's default 2000 px cap shrinks
# small separator text below what its recogniser reads (measured, rapidocr.py).
RAPID_MAX_SIDE = 3400
# 0: the detector sees the full resolution (accuracy over 23-33 % CPU, rapidocr.py).
RAPID_DET_SIDE = 0
# Simplified Chinese: the screens are Chinese; chi_sim also reads Latin digits and names.
TESS_LANG = "chi_sim"
# Tesseract's "one uniform block of text": what a cropped region is (ocr.regions).
TESS_PSM = 6


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """What the environment asks of the engines (defaults when it asks nothing)."""

    ort_threads: int = ORT_DEFAULT_THREADS
    rapid_max_side: int = RAPID_MAX_SIDE
    rapid_cls: bool = False  # screenshots are upright: the 180° classifier is pure cost
    rapid_det_side: int = RAPID_DET_SIDE
    tess_lang: str = TESS_LANG
    tess_psm: int = TESS_PSM


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    value = env.get(ENV[key], "").strip()
    return int(value) if value.isdigit() else default


def engine_settings(environ: Mapping[str, str] | None = None) -> EngineSettings:
    """The settings as the environment (``os.environ`` unless given) states them now."""
    env = os.environ if environ is None else environ
    return EngineSettings(
        ort_threads=_int(env, "ort_threads", ORT_DEFAULT_THREADS),
        rapid_max_side=_int(env, "rapid_max_side", RAPID_MAX_SIDE),
        rapid_cls=env.get(ENV["rapid_cls"], "0").strip() == "1",
        rapid_det_side=_int(env, "rapid_det_side", RAPID_DET_SIDE),
        tess_lang=env.get(ENV["tess_lang"], "").strip() or TESS_LANG,
        tess_psm=_int(env, "tess_psm", TESS_PSM),
    )
