"""The extractor against the team's labelled corpus, scored by ``corpus/score.py``.

Both engines must meet the project's targets (recall and precision ≥ 0.97,
CER ≤ 0.03, sender ≥ 0.97, time ≥ 0.95, direction ≥ 0.98, layout and
captured_at 1.00):

* **Tesseract on all 48 images of ``dev/``**: it is the engine every install
  has, and it is fast enough (about 40 s on two cores) to score in full.
* **The default engine ("auto")** on every 4th image of ``dev/`` sorted by
  name, starting with the first: 12 images, all four layouts, light and dark,
  PNG and JPEG, every style. "auto" is RapidOCR once the ``rapidocr`` extra is
  installed, as CI installs it (CI fails if it is not: the extra is part of
  what CI must test); without the extra it is Tesseract again.

Both run the real CLI path (``cli.cmd_extract.run_extract``, 2 workers), so the batch
code and the JSON shape are under test too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.cmd_extract import run_extract
from ocr.engines.registry import default_engine_name

TARGETS = {
    "recall": 0.97,
    "precision": 0.97,
    "sender_acc": 0.97,
    "time_acc": 0.95,
    "direction_acc": 0.98,
    "layout_acc": 1.0,
    "captured_at_acc": 1.0,
}
CER_TARGET = 0.03

def _dev_images(dev: Path) -> list[Path]:
    return sorted(p for p in dev.iterdir() if p.suffix.lower() in (".png", ".jpg", ".jpeg"))


def _score(shared_dir: Path, images: list[Path], engine: str, tmp_path: Path) -> dict[str, float]:
    gold = tmp_path / "gold"
    gold.mkdir()
    for img in images:
        src = img.with_suffix(".json")
        (gold / src.name).write_bytes(src.read_bytes())
    pred = tmp_path / "pred"
    assert run_extract([str(p) for p in images], str(pred), engine=engine, workers=2) == 0
    res = subprocess.run(
        [sys.executable, str(shared_dir / "corpus" / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores = json.loads(res.stdout)
    print(engine, json.dumps(scores["overall"]), json.dumps(scores["by_layout"]))
    real = default_engine_name() if engine == "auto" else engine
    for img in images:  # the engine recorded is the real one, never "auto"
        assert json.loads((pred / (img.stem + ".json")).read_text(encoding="utf-8"))["engine"] == real
    return {k: float(v) for k, v in scores["overall"].items()}


def _failures(overall: dict[str, float], floors: dict[str, float], cer_ceiling: float) -> list[str]:
    bad = [f"{k} {overall[k]:.3f} < {v}" for k, v in floors.items() if overall[k] < v]
    if overall["cer"] > cer_ceiling:
        bad.append(f"cer {overall['cer']:.3f} > {cer_ceiling}")
    return bad


def test_default_engine_meets_the_targets(shared_dir: Path, tmp_path: Path) -> None:
    if default_engine_name() != "rapidocr" and os.environ.get("CI", "").lower() == "true":
        pytest.fail("the default engine is not RapidOCR: CI must install the extra 'screenproof[rapidocr]'")
    images = _dev_images(shared_dir / "corpus" / "dev")[::4]
    overall = _score(shared_dir, images, "auto", tmp_path)
    assert not _failures(overall, TARGETS, CER_TARGET), overall


def test_tesseract_meets_the_targets_on_all_of_dev(shared_dir: Path, tmp_path: Path) -> None:
    images = _dev_images(shared_dir / "corpus" / "dev")
    assert len(images) >= 48
    overall = _score(shared_dir, images, "tesseract", tmp_path)
    assert not _failures(overall, TARGETS, CER_TARGET), overall
