"""Nothing leaves the machine: both engines read a screenshot with every network socket refused.

RapidOCR downloads a model (or its character list) when it finds one missing
or failing its checksum; Screenproof gives it the wheel's files by path, so it
never tries. Here any attempt to open a connection or resolve a name fails the test.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from ocr.engines.rapidocr import MODEL_FILES, RapidOcrEngine, bundled_models, rapidocr_installed
from ocr.extract import extract

DATA = Path(__file__).resolve().parent.parent / "data" / "ocr"
IMAGE = DATA / "Screenshot_20250103_214124_com.android.mms.jpg"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **_kw: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network access attempted during OCR")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_tesseract_reads_offline(no_network: list[str]) -> None:
    ex = extract(IMAGE, name=IMAGE.name, engine="tesseract")
    assert ex.error is None and len(ex.messages) >= 1
    assert no_network == []


def test_rapidocr_loads_its_bundled_models_by_path_and_reads_offline(no_network: list[str], monkeypatch) -> None:
    assert rapidocr_installed(), "the CI installs the rapidocr extra; this test must run the real engine"
    from rapidocr.utils import download_file

    def no_download(*_a: object, **_k: object) -> None:
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(download_file.DownloadFile, "run", classmethod(no_download))
    monkeypatch.setattr(RapidOcrEngine, "_shared", None)
    engine = RapidOcrEngine(threads=1)
    ex = extract(IMAGE, name=IMAGE.name, engine=engine)
    assert ex.error is None and len(ex.messages) >= 1
    assert no_network == []


def test_a_missing_model_file_is_an_error_not_a_download(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    for name in list(MODEL_FILES.values())[:2]:
        (tmp_path / "models" / name).write_bytes(b"x")
    from ocr.engines.errors import EngineMissing

    with pytest.raises(EngineMissing, match=r"ch_ppocr_mobile_v2\.0_cls_mobile\.onnx"):
        bundled_models(tmp_path)


def test_the_engine_hands_rapidocr_the_wheel_model_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    import rapidocr

    seen: dict[str, object] = {}

    class Recorder:
        def __init__(self, params: dict[str, object]) -> None:
            seen.update(params)

    monkeypatch.setattr(rapidocr, "RapidOCR", Recorder)
    RapidOcrEngine(threads=1)
    wheel = Path(rapidocr.__file__).resolve().parent / "models"
    for stage, name in MODEL_FILES.items():
        path = Path(str(seen[f"{stage}.model_path"]))
        assert path == wheel / name and path.is_file()
