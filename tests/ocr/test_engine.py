"""The engine seam: real Tesseract, and faults injected at construction."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import cv2
import pytest

from ocr.engines.errors import EngineMissing
from ocr.engines.rapidocr import rapidocr_installed
from ocr.engines.registry import available_engines, default_engine_name, get_engine, resolve_engine_name
from ocr.engines.tesseract import TesseractEngine
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
    # what the dossier prints per screenshot: the installed versions and the model files, not "rapidocr 3"
    version = eng.version()
    assert version.startswith(f"rapidocr {importlib.metadata.version('rapidocr')} (onnxruntime {importlib.metadata.version('onnxruntime')}; ")
    assert "_det_" in version and "_rec_" in version and version.count(".onnx") >= 2


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


def _tsv(words: list[tuple[str, int, int]]) -> dict[str, list[object]]:
    """image_to_data's DICT for words (text, conf, line number), 30 px apart on each line."""
    keys = ("level", "block_num", "par_num", "line_num", "left", "top", "width", "height", "conf", "text")
    data: dict[str, list[object]] = {k: [] for k in keys}
    for i, (text, conf, line) in enumerate(words):
        row = (5, 1, 1, line, 30 * i, 40 * line, 28, 30, conf, text)
        for k, v in zip(keys, row, strict=True):
            data[k].append(v)
    return data


def test_a_correct_word_with_zero_confidence_is_kept_inside_a_good_line() -> None:
    """chi_sim scores rare but right characters (鑫, 盛, 秒) at 0: dropping them lost evidence."""
    from ocr.engines.tesseract import _group_lines

    lines = _group_lines(_tsv([("【", 93, 1), ("鑫", 0, 1), ("盛", 3, 1), ("易贷", 90, 1), ("】", 91, 1), ("通知", 96, 1)]))
    assert [ln.text for ln in lines] == ["【鑫盛易贷】通知"]


def test_a_line_of_garbage_is_dropped_as_a_whole() -> None:
    from ocr.engines.tesseract import _group_lines

    lines = _group_lines(_tsv([("还款", 95, 1), ("HIOASHJ", 0, 2), ("吸", 0, 2), ("J", 88, 2)]))
    assert [ln.text for ln in lines] == ["还款"]
