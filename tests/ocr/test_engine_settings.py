"""The engines' environment knobs are read when an engine is made, in one place (ocr.engines.settings)."""

from __future__ import annotations

import pytest

from ocr.engines.settings import ENV, EngineSettings, engine_settings
from ocr.engines.tesseract import TesseractEngine


def test_nothing_set_gives_the_measured_defaults() -> None:
    assert engine_settings({}) == EngineSettings()
    assert engine_settings({}).rapid_max_side == 3400 and engine_settings({}).tess_psm == 6


def test_each_variable_reaches_its_setting() -> None:
    env = {
        ENV["ort_threads"]: "1",
        ENV["rapid_max_side"]: "2000",
        ENV["rapid_cls"]: "1",
        ENV["rapid_det_side"]: "1600",
        ENV["tess_lang"]: "eng",
        ENV["tess_psm"]: "4",
    }
    assert engine_settings(env) == EngineSettings(1, 2000, True, 1600, "eng", 4)


def test_a_value_that_is_not_a_number_keeps_the_default() -> None:
    s = engine_settings({ENV["rapid_max_side"]: "big", ENV["tess_psm"]: "-3", ENV["tess_lang"]: " "})
    assert (s.rapid_max_side, s.tess_psm, s.tess_lang) == (3400, 6, "chi_sim")


def test_an_engine_made_after_the_import_obeys_a_value_set_after_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV["tess_psm"], "4")
    assert TesseractEngine().psm == 4
    monkeypatch.delenv(ENV["tess_psm"])
    assert TesseractEngine().psm == 6
