"""The engine seam: real Tesseract, and faults injected at construction."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from ocr.engine import (
    EngineMissing,
    TesseractEngine,
    available_engines,
    default_engine_name,
    get_engine,
    resolve_engine_name,
)
from ocr.engine_rapid import rapidocr_installed
from tests.images import read_bgr


def test_tesseract_probes_version_and_reads_a_bubble(data_dir: Path) -> None:
    eng = TesseractEngine()
    assert "tesseract" in eng.version()
    img = read_bgr(data_dir / "ocr" / "Screenshot_20241221_175305_com.tencent.mm.png")
    lines = eng.recognize(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    text = "".join(ln.text for ln in lines)
    assert "必须到账" in text
    # Chinese comes back without the spaces Tesseract puts between "words".
    assert all("今 天" not in ln.text for ln in lines)
    for ln in lines:
        assert 0.0 <= ln.confidence <= 1.0
        assert ln.box.w > 0 and ln.box.h > 0


def test_missing_binary_is_engine_missing_naming_debian_packages() -> None:
    with pytest.raises(EngineMissing) as info:
        TesseractEngine(tesseract_cmd="/nonexistent/tesseract")
    assert "tesseract-ocr-chi-sim" in info.value.message


def test_missing_language_is_engine_missing() -> None:
    with pytest.raises(EngineMissing) as info:
        TesseractEngine(lang="chi_sim+xyz_nonexistent")
    assert "xyz_nonexistent" in info.value.message


def test_factory() -> None:
    assert get_engine("tesseract") is get_engine("tesseract")
    assert "tesseract" in available_engines()
    with pytest.raises(ValueError):
        get_engine("nope")


def test_rapidocr_reads_offline(data_dir: Path) -> None:
    eng = get_engine("rapidocr")
    img = read_bgr(data_dir / "ocr" / "Screenshot_20241221_175305_com.tencent.mm.png")
    text = "".join(ln.text for ln in eng.recognize(img))
    assert "必须到账" in text


def test_auto_is_rapidocr_when_installed_else_tesseract() -> None:
    expected = "rapidocr" if rapidocr_installed() else "tesseract"
    assert default_engine_name() == expected
    assert resolve_engine_name("auto") == expected
    assert resolve_engine_name(None) == expected
    assert resolve_engine_name("Tesseract") == "tesseract"
    assert get_engine("auto") is get_engine(expected)
    assert get_engine().name == expected
    assert available_engines()[0] == expected


def test_extraction_records_the_real_engine_never_auto(data_dir: Path) -> None:
    from ocr.extract import extract

    ex = extract(data_dir / "ocr" / "Screenshot_20241221_175305_com.tencent.mm.png", engine="auto")
    assert ex.engine == default_engine_name()
    assert ex.engine_version and "auto" not in ex.engine_version
